// Incremental re-scanning must end exactly where a fresh scan of the edited text does.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LogDocument } from '../../src/core/scan/document';
import { allFixtures } from '../support/fixtures';
import { between, pick, seeded } from '../../bench/random';

function snapshot(doc: LogDocument): string {
  const out: string[] = [];
  for (let i = 0; i < doc.lineCount; i++) out.push(JSON.stringify(doc.lineResult(i)));
  out.push(doc.family);
  out.push(JSON.stringify(doc.findings()));
  return out.join('\n');
}

describe('incremental updates', () => {
  const pool = allFixtures().flatMap((f) => fs.readFileSync(f.file, 'utf8').split(/\r\n|\r|\n/));
  const extras = ['220-Welcome', ' indented text', '226 Done', '550-Denied', '550 End', 'RETR x', '#Fields: date time cs-method cs-uri-stem sc-status', ''];

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`equals a full rescan after 150 random edits (seed ${seed})`, () => {
      const random = seeded(seed);
      const lines = Array.from({ length: 300 }, () => pick(random, pool));
      const doc = new LogDocument(lines.slice());
      for (let step = 0; step < 150; step++) {
        const start = between(random, 0, lines.length);
        const del = Math.min(between(random, 0, 4), lines.length - start);
        const insert = Array.from({ length: between(random, 0, 4) }, () => pick(random, random() < 0.3 ? extras : pool));
        lines.splice(start, del, ...insert);
        doc.replaceLines(start, del, insert);
        if (step % 25 === 24) assert.equal(snapshot(doc), snapshot(new LogDocument(lines.slice())), `diverged at step ${step}`);
      }
      assert.equal(snapshot(doc), snapshot(new LogDocument(lines.slice())));
    });
  }

  it('a document read in chunks equals one made from all its lines, and edits after it stay in step', () => {
    const random = seeded(9);
    const lines = Array.from({ length: 2000 }, () => pick(random, pool));
    const doc = LogDocument.loading(lines.length);
    let done = false;
    while (!done) {
      const from = doc.linesLoaded;
      done = doc.load(lines.slice(from, from + between(random, 1, 300)));
    }
    assert.equal(doc.linesLoaded, lines.length);
    assert.equal(snapshot(doc), snapshot(new LogDocument(lines.slice())));
    doc.replaceLines(1000, 3, ['230-hello', 'RETR x']);
    lines.splice(1000, 3, '230-hello', 'RETR x');
    assert.equal(snapshot(doc), snapshot(new LogDocument(lines.slice())));
  });

  it('an empty document is read at once', () => {
    const doc = LogDocument.loading(0);
    assert.equal(doc.load([]), true);
    assert.equal(doc.lineCount, 0);
    assert.deepEqual(doc.findings(), []);
  });

  it('re-scans only until the state converges', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 2 ? '226 Transfer complete' : 'RETR file' + i));
    const doc = new LogDocument(lines);
    const changed = doc.replaceLines(2500, 1, ['RETR other']);
    assert.ok(changed.to - changed.from <= 2, `re-scanned ${changed.to - changed.from} lines`);
  });

  it('re-scans to the end of a block an edit opened', () => {
    const lines = ['220 ready', 'USER a', '230 ok', 'text one', 'text two', 'QUIT'];
    const doc = new LogDocument(lines);
    const changed = doc.replaceLines(2, 1, ['230-hello']);
    assert.ok(changed.to >= 5);
    assert.equal(doc.replies()[1].endLine, 4);
  });
});
