// Every fixture with its passwords replaced by a planted secret, and secret
// lines planted after its first reply: the hover at every position of every
// line, every problem and every outline item show none of it.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LogDocument } from '../../src/core/scan/document';
import { hoverAt } from '../../src/core/features/hover';
import { allFixtures } from '../support/fixtures';
import { outlineSurfaces, problemSurfaces } from '../support/surfaces';
import { findingsOf } from '../../src/core/features/findings';

const SECRET = 'Pl4ntedSecret';

/**
 * The fixture's own PASS/ACCT arguments (after a blank, or inside Pure-FTPd's
 * brackets) become the secret; a sentence that names PASS (`… USER and PASS
 * first.`) is not a command.
 */
function planted(line: string): string {
  return line.replace(/((?<![A-Za-z])(?<![A-Za-z][ \t]+)(?:PASS|ACCT)(?:[ \t]+|\] \[))[^'"\]\s]+/gi, `$1${SECRET}`);
}

describe('planted secrets', function () {
  this.timeout(120_000);
  for (const fx of allFixtures()) {
    it(`${fx.name} shows no password anywhere`, () => {
      const lines = fs.readFileSync(fx.file, 'utf8').split(/\r\n|\r|\n/).map(planted);
      // A client's password line inside an open multi-line reply reads as text of the reply.
      const first = lines.findIndex((l) => /^[1-5]\d\d-/.test(l));
      if (first >= 0) lines.splice(first + 1, 0, `pass ${SECRET}`, `PASS\t${SECRET}`, `ACCT ${SECRET}`);
      const doc = new LogDocument(lines);
      for (const s of problemSurfaces(doc)) assert.ok(!s.includes(SECRET), s);
      for (const s of outlineSurfaces(doc)) assert.ok(!s.includes(SECRET), `the outline shows the secret: ${s}`);
      let hovers = 0;
      for (let line = 0; line < doc.lineCount; line++) {
        const text = doc.lineText(line);
        for (let c = 0; c <= text.length; c++) {
          const h = hoverAt(doc, line, c);
          if (!h) continue;
          hovers++;
          assert.ok(!h.markdown.includes(SECRET), `${fx.name}:${line + 1}:${c + 1} shows the secret`);
          c = Math.max(c, h.end);
        }
      }
      assert.ok(hovers > 0 || fx.family === 'none' || fx.family === 'xferlog' || fx.family === 'proftpd' || doc.family === 'none' || findingsOf(doc).length === 0);
    });
  }
});
