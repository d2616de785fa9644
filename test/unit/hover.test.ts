// The hover's first screen: what happened and what to try in one look, every
// diagnosis true for the line it is on, and the whole explanation behind it.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LogDocument } from '../../src/core/scan/document';
import { explanationAt, hoverAt } from '../../src/core/features/hover';
import { explainReply, findingMessage } from '../../src/core/features/explain';
import { lookupCode } from '../../src/core/catalogue/codes';
import { HOVER_LINES, shownLines } from '../../src/core/markdown/hoverSize';
import { withMoreLink } from '../../src/core/markdown/replyMarkdown';
import { allFixtures } from '../support/fixtures';

function docOf(lines: string[]): LogDocument {
  return new LogDocument(lines.join('\r\n') + '\r\n');
}

/** The hover over the reply code on `line`. */
function replyHover(doc: LogDocument, line: number): { short: string; whole: string } {
  const at = doc.lineResult(line).codeSpan!.start;
  const h = hoverAt(doc, line, at);
  const w = explanationAt(doc, line, at);
  assert.ok(h && w, `no hover on line ${line}`);
  assert.equal(h.more, true);
  return { short: h.markdown, whole: w.markdown };
}

/** The paragraph that names the cause the line shows, or undefined. */
function causeParagraph(md: string): string | undefined {
  return md.split('\n\n').find((p) => p.startsWith('**Cause**'));
}

const IIS_HEADER = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath',
];
const SESSION = '6f1c2a9e-0550-4c55-9a10-3b7e5d2c8f01';

describe('hover: every diagnosis true for its line', () => {
  it('explains "421 Server is going down for maintenance" as the server going down, not a connection limit', () => {
    const doc = docOf(['220 ready', 'USER a', '331 pw', 'PASS x', '230 ok', 'NOOP', '421 Server is going down for maintenance']);
    const { short, whole } = replyHover(doc, 6);
    const cause = causeParagraph(short);
    assert.ok(cause, short);
    assert.match(cause, /shutting down/);
    assert.doesNotMatch(cause, /connection limit/i);
    assert.match(causeParagraph(whole) ?? '', /shutting down/);
    assert.match(findingMessage(421, 'Server is going down for maintenance', 'NOOP'), /^421 Service not available; closing control connection: The server is shutting down/);
    // The limit stays a possibility, ranked below.
    assert.ok(short.indexOf('connection limit') > short.indexOf('**Other possible causes**'));
  });

  it('gives a 421 without telling words only possibilities', () => {
    const e = explainReply({ code: 421, text: 'Service closing' });
    assert.equal(e.evidence, undefined);
    const doc = docOf(['220 ready', 'NOOP', '421 Service closing']);
    const { short } = replyHover(doc, 2);
    assert.equal(causeParagraph(short), undefined);
    assert.match(short, /\*\*Possible causes\*\*, most likely first/);
  });

  it('explains a 522 to EPRT as an EPRT failure, never as vsftpd\'s answer to EPSV', () => {
    const doc = docOf(['220 (vsFTPd 3.0.5)', 'EPRT |2|2001:db8::1|5282|', '522 Bad network protocol.', 'EPSV 2', '522 Bad network protocol.']);
    const eprt = replyHover(doc, 2);
    assert.match(eprt.short, /In reply to EPRT/);
    for (const md of [eprt.short, eprt.whole]) {
      assert.doesNotMatch(md, /vsftpd's own text/);
      assert.doesNotMatch(md, /EPSV asked for a network protocol number vsftpd/);
      assert.doesNotMatch(md, /EPSV without a protocol number/);
      assert.equal(causeParagraph(md), undefined, md);
    }
    assert.doesNotMatch(findingMessage(522, 'Bad network protocol.', 'EPRT'), /EPSV/);
    const epsv = replyHover(doc, 4);
    assert.match(causeParagraph(epsv.short) ?? '', /EPSV asked for a network protocol number vsftpd cannot serve/);
  });

  it('explains an IIS 550 whose sc-win32-status is 5 as access denied, not as a missing file', () => {
    const doc = docOf([...IIS_HEADER, `2026-11-24 10:00:08 203.0.113.21 EXAMPLE\\jane 192.0.2.5 21 STOR notes.txt 550 5 0 ${SESSION} /notes.txt`]);
    const { short, whole } = replyHover(doc, 3);
    for (const md of [short, whole]) {
      const cause = causeParagraph(md);
      assert.ok(cause, md);
      assert.match(cause, /sc-win32-status 5 ERROR\\_ACCESS\\_DENIED: Windows denied access/);
      assert.match(cause, /\*\*Try:\*\* Check the account's read and write rights/);
      assert.doesNotMatch(cause, /does not exist/);
    }
    const e = explainReply({ code: 550, verb: 'STOR', iis: { win32: 5, substatus: 0 } });
    assert.equal(e.evidence?.kind, 'iis-status');
    const permission = lookupCode(550).causes[1];
    assert.equal(e.causes[0].try, permission.try, 'what to try comes from the cause the Windows error names');
    assert.ok(!e.causes.some((c) => c.cause === permission.cause), 'the named cause is not repeated as a possibility');
  });

  it('reads sc-substatus too, and a missing file stays a missing file', () => {
    const fixture = allFixtures().find((f) => f.name === 'iis/FTPSVC2/u_ex261124.log')!;
    const doc = new LogDocument(fs.readFileSync(fixture.file, 'utf8'));
    const line = (needle: string): number => [...Array(doc.lineCount).keys()].find((i) => doc.lineText(i).includes(needle))!;
    const stor = causeParagraph(replyHover(doc, line('STOR 421-notes.txt')).short) ?? '';
    assert.match(stor, /sc-substatus 2: Refused by file-system permissions/);
    const retr = causeParagraph(replyHover(doc, line('RETR report_550.pdf')).short) ?? '';
    assert.match(retr, /ERROR\\_FILE\\_NOT\\_FOUND/);
    assert.match(retr, /\*\*Try:\*\* Check the path's spelling/);
  });

  it('never names another server\'s text as the cause in a session known to talk to a different server', () => {
    const fixture = allFixtures().find((f) => f.name === 'bsd-ftpd/freebsd-debug.log')!;
    const doc = new LogDocument(fs.readFileSync(fixture.file, 'utf8'));
    const line = [...Array(doc.lineCount).keys()].find((i) => doc.codeOf(i) === 530)!;
    assert.equal(doc.serverFor(line), 'BSD ftpd');
    const { short } = replyHover(doc, line);
    assert.doesNotMatch(short, /vsftpd's own text/);
    assert.equal(causeParagraph(short), undefined);
    // Without a known server the same text is vsftpd's.
    assert.equal(explainReply({ code: 530, text: 'Login incorrect.' }).evidence?.kind, 'server-text');
  });

  it('explains the sc-win32-status and sc-substatus values when hovered, as no reply code', () => {
    const row = `2026-11-24 10:00:08 203.0.113.21 EXAMPLE\\jane 192.0.2.5 21 STOR notes.txt 550 5 2 ${SESSION} /notes.txt`;
    const doc = docOf([...IIS_HEADER, row]);
    const win32At = row.indexOf(' 550 ') + 5;
    const win32 = hoverAt(doc, 3, win32At);
    assert.ok(win32);
    assert.deepEqual([win32.start, win32.end], [win32At, win32At + 1]);
    assert.match(win32.markdown, /^\*\*sc-win32-status 5\*\* ERROR\\_ACCESS\\_DENIED/);
    assert.match(win32.markdown, /Not an FTP reply code/);
    assert.ok(!win32.more);
    const sub = hoverAt(doc, 3, win32At + 2);
    assert.ok(sub);
    assert.match(sub.markdown, /^\*\*sc-substatus 2\*\* — \*IIS FTP sub-status\*\n\nRefused by file-system permissions\. \*\(Microsoft KB 969061\)\*/);
    // Headerless rows in IIS's default layout are read the same way.
    const bare = docOf([row, row]);
    assert.match(hoverAt(bare, 1, win32At)?.markdown ?? '', /ERROR\\_ACCESS\\_DENIED/);
    // The PID-like session GUID and the port are explained by nothing.
    assert.equal(hoverAt(doc, 3, row.indexOf(' 21 ') + 1), undefined);
  });
});

describe('hover: read in one look', () => {
  it('leads with one headline, the command it answers and the server\'s own cause', () => {
    const doc = docOf(['220 (vsFTPd 3.0.5)', 'CWD /outgoing', '550 Failed to change directory.']);
    const { short } = replyHover(doc, 2);
    const [head, cause, ...rest] = short.trimEnd().split('\n\n');
    assert.equal(head, '**550** File unavailable — *permanent negative completion* *(RFC 959 §4.2.2)*  \nIn reply to CWD \\/outgoing');
    assert.match(cause, /^\*\*Cause\*\* \(vsftpd's own text\): CWD named a directory .* \*\*Try:\*\* .* \*\(vsftpd postlogin\.c\)\*$/);
    assert.ok(rest.length <= 1);
    const items = rest.length === 0 ? [] : rest[0].split('\n').slice(1);
    assert.ok(items.length <= 3);
    for (const item of items) assert.match(item, /^\d\. .*\*\*Try:\*\*/);
  });

  it('cites each short source once and keeps full paths for the Sources line of the whole explanation', () => {
    const doc = docOf(['220 (vsFTPd 3.0.5)', 'RETR report.pdf', '550 Failed to open file.']);
    const { short, whole } = replyHover(doc, 2);
    for (const md of [short, whole]) {
      const body = md.split('\n\n**Sources:**')[0];
      assert.doesNotMatch(body, /dagwieers\/|MicrosoftDocs\/|proftpd\/proftpd/, 'full paths in the text');
      const cited = [...body.matchAll(/\*\(([^)]*(?:\([^)]*\))?[^)]*)\)\*/g)].flatMap((m) => m[1].split('; '));
      assert.equal(new Set(cited).size, cited.length, `a source cited twice: ${cited.join(' | ')}`);
    }
    assert.doesNotMatch(short, /\*\*Sources:\*\*/);
    const sources = whole.split('\n\n**Sources:** ')[1];
    assert.ok(sources.includes('dagwieers/vsftpd postlogin.c'));
    const list = sources.trim().split('; ');
    assert.equal(new Set(list).size, list.length);
  });

  it('names the command once in the whole explanation', () => {
    const doc = docOf(['220 (vsFTPd 3.0.5)', 'CWD /outgoing', '550 Failed to change directory.']);
    const { whole } = replyHover(doc, 2);
    assert.equal(whole.split('In reply to').length, 2);
    assert.doesNotMatch(whole, /Drawn by/);
    assert.match(whole, /\*\*Commands that can get this reply:\*\*/);
    assert.match(whole, /\*\*Digits\*\*/);
  });

  it(`fits every hover over every fixture position in ${HOVER_LINES} lines, its More… link included`, function () {
    this.timeout(300000);
    let hovers = 0;
    for (const fixture of allFixtures()) {
      const doc = new LogDocument(fs.readFileSync(fixture.file, 'utf8'));
      for (let line = 0; line < doc.lineCount; line++) {
        const text = doc.lineText(line);
        let last: { start: number; end: number } | undefined;
        for (let c = 0; c <= Math.min(text.length, 2000); c++) {
          if (last && c >= last.start && c <= last.end) continue;
          const h = hoverAt(doc, line, c);
          if (!h) continue;
          last = h;
          hovers++;
          const lines = shownLines(h.more ? withMoreLink(h.markdown, '[More…](command:ftpLog.showExplanation?%5B%5D)') : h.markdown);
          assert.ok(lines <= HOVER_LINES, `${fixture.name}:${line + 1}:${c + 1} takes ${lines} lines:\n${h.markdown}`);
        }
      }
    }
    assert.ok(hovers > 2000, `only ${hovers} hovers`);
  });
});

describe('hover: document text', () => {
  it('escapes every piece of it in the short form too', () => {
    const hostile = '[x](command:evil) <img src=x> `code` **b** _i_';
    const doc = docOf(['220 <script>', `RETR ${hostile}`, `550 ${hostile}`, 'PASS hunter2', `530 ${hostile}`]);
    for (const line of [2, 4]) {
      const { short } = replyHover(doc, line);
      for (const ch of ['[', ']', '<', '>', '`']) assert.doesNotMatch(short, new RegExp(`(?<!\\\\)\\${ch}`), `unescaped ${ch}`);
      assert.ok(!short.includes('hunter2'));
    }
    assert.match(replyHover(doc, 4).short, /In reply to PASS \\\*\\\*\\\*\\\*/);
  });
});

describe('withMoreLink', () => {
  it('ends the headline with the link, keeping its line break', () => {
    assert.equal(withMoreLink('**550** x  \nIn reply to CWD\n\nrest\n', '[More…](c)'), '**550** x · [More…](c)  \nIn reply to CWD\n\nrest\n');
    assert.equal(withMoreLink('**550** x\n\nrest\n', '[More…](c)'), '**550** x · [More…](c)\n\nrest\n');
  });
});

describe('shownLines', () => {
  it('wraps long lines and counts paragraph gaps as half a line', () => {
    assert.equal(shownLines('a'), 1);
    assert.equal(shownLines('a\n\nb'), 2.5);
    assert.equal(shownLines('x'.repeat(71)), 2);
    assert.equal(shownLines('\\_'.repeat(70)), 1, 'escapes are not shown');
    assert.equal(shownLines('[More…](command:x?%5B%5D "t")'), 1);
  });
});
