// Hostile strings through every surface that shows document text: hovers,
// problems and their related information, the command line's text and JSON,
// and the outline. Each surface shows no hidden character as it is, no live
// Markdown from the document, no secret, and stays within its bounds.

import * as assert from 'node:assert/strict';
import { LogDocument } from '../../src/core/scan/document';
import { HIDDEN, hoverSurfaces, outlineSurfaces, problemSurfaces } from '../support/surfaces';

const SECRET = 'Hx9plantedSecret';

/** Strings an attacker (or bad luck) puts where a log writes a file name or a reply's text. */
const HOSTILE: Record<string, string> = {
  'right-to-left override': 'invoice\u202Efdp.exe',
  'bidi isolates': 'a\u2066b\u2067c\u2068d\u2069e',
  'Arabic letter mark': 'x\u061Cy',
  'zero-width characters': 'a\u200Bb\u200Cc\u200Dd\u2060e',
  'soft hyphen': 'pass\u00ADword',
  'byte order mark': '\uFEFFfile.txt',
  'NUL': 'nul\u0000byte',
  'ESC and an ANSI sequence': 'esc\u001B[31mred\u001B[0m',
  'C1 controls': 'c1\u0085next\u009B2J',
  'line and paragraph separators': 'a\u2028b\u2029c',
  'a tag character': 'tag\u{E0041}',
  'a Markdown command link': '[click me](command:workbench.action.terminal.new)',
  'HTML': '<img src=x onerror=alert(1)>',
  'Markdown markup': '`code` *bold* _it_ # heading | table |',
  'a URL password': `ftp://bob:${SECRET}@ftp.example.com/in/`,
  'a long run': 'x'.repeat(200_000),
  'blanks then one character': `${' '.repeat(100_000)}x`,
};

/** Logs of several layouts, with the hostile string as a command's argument and in the reply's text. */
function logs(x: string): Record<string, string[]> {
  return {
    transcript: ['220 ready', 'USER alice', '331 pw', `PASS ${SECRET}`, '230 ok', `RETR ${x}`, `550-${x}`, `550 ${x}: No such file.`],
    vsftpd: [
      'Tue Nov 24 10:00:01 2026 [pid 5] CONNECT: Client "192.0.2.1"',
      'Tue Nov 24 10:00:01 2026 [pid 5] FTP response: Client "192.0.2.1", "220 ready"',
      `Tue Nov 24 10:00:02 2026 [pid 5] [alice] FTP command: Client "192.0.2.1", "RETR ${x}"`,
      `Tue Nov 24 10:00:02 2026 [pid 5] [alice] FTP response: Client "192.0.2.1", "550 ${x}"`,
    ],
    curl: ['* Trying 192.0.2.1:21...', '< 220 ready', '> USER alice', '< 331 pw', `> PASS ${SECRET}`, '< 230 ok', `> RETR ${x}`, `< 550 ${x}`],
    filezilla: ['Status:\tConnected', 'Response:\t220 ready', 'Command:\tUSER alice', 'Response:\t331 pw', `Command:\tPASS ${SECRET}`, 'Response:\t230 ok', `Command:\tRETR ${x}`, `Response:\t550 ${x}`],
  };
}

/** Bounds no surface may pass, whatever the document holds: a hover, a message, a JSON array of a few problems. */
const MAX_SURFACE_CHARS = 20_000;

function check(where: string, text: string, markdown: boolean): void {
  const hidden = HIDDEN.exec(text);
  assert.equal(hidden, null, `${where} shows U+${hidden?.[0].codePointAt(0)!.toString(16).toUpperCase()} as it is`);
  assert.ok(!text.includes(SECRET), `${where} shows the secret`);
  assert.ok(text.length <= MAX_SURFACE_CHARS, `${where} is ${text.length} characters`);
  if (markdown) {
    assert.ok(!/(?<!\\)\]\(command:/.test(text), `${where} has a live command link from the document`);
    assert.ok(!/(?<!\\)<img/i.test(text), `${where} has live HTML from the document`);
  }
}

describe('hostile strings through every surface', function () {
  this.timeout(60_000);
  for (const [name, x] of Object.entries(HOSTILE)) {
    for (const [layout, lines] of Object.entries(logs(x))) {
      it(`${name} in a ${layout} log`, () => {
        const doc = new LogDocument(lines);
        assert.notEqual(doc.family, 'none', `${layout} is read as FTP`);
        let hovers = 0;
        for (let line = 0; line < doc.lineCount; line++) {
          for (const h of hoverSurfaces(doc, line)) {
            hovers++;
            check(`hover on line ${line + 1}`, h, true);
          }
        }
        assert.ok(hovers >= 2, `${hovers} hovers`);
        const problems = problemSurfaces(doc);
        assert.ok(problems.length > 0);
        for (const p of problems) check('a problem', p, false);
        const outline = outlineSurfaces(doc);
        assert.ok(outline.some((o) => o.includes('RETR')), 'the outline lists the RETR');
        for (const o of outline) check('the outline', o, false);
      });
    }
  }
});
