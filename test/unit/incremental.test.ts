// Incremental re-scanning must end exactly where a fresh scan of the edited text does.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LogDocument, SYNC_RESCAN_LINES } from '../../src/core/scan/document';
import { HEAD_LINES } from '../../src/core/scan/head';
import { allFixtures } from '../support/fixtures';
import { between, pick, seeded } from '../../bench/random';
import { findingsOf } from '../../src/core/features/findings';
import { allReplies } from '../../src/core/query/replies';
import { snapshot } from '../support/snapshot';

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
        // Small budgets leave re-scans pending, so later edits land before, inside and after them.
        doc.replaceLines(start, del, insert, between(random, 1, 40));
        if (random() < 0.3) doc.continueRescan(between(random, 1, 40));
        if (step % 25 === 24) {
          doc.settle();
          assert.equal(snapshot(doc), snapshot(new LogDocument(lines.slice())), `diverged at step ${step}`);
        }
      }
      doc.settle();
      assert.equal(snapshot(doc), snapshot(new LogDocument(lines.slice())));
    });
  }

  it('a log longer than its head: edits past it, in it and across its end read as a fresh scan does', () => {
    const random = seeded(12);
    const lines = Array.from({ length: HEAD_LINES + 150 }, () => pick(random, pool));
    const doc = new LogDocument(lines.slice());
    assert.equal(snapshot(doc), snapshot(new LogDocument(lines.slice())));
    for (let step = 0; step < 40; step++) {
      // Around the head's end (where a deletion can make the whole log its head), and far past it.
      const near = random() < 0.6;
      const start = near ? between(random, HEAD_LINES - 60, Math.min(lines.length, HEAD_LINES + 60)) : between(random, HEAD_LINES, lines.length);
      const del = Math.min(between(random, 0, near ? 120 : 4), lines.length - start);
      const insert = Array.from({ length: between(random, 0, near ? 100 : 4) }, () => pick(random, random() < 0.3 ? extras : pool));
      lines.splice(start, del, ...insert);
      doc.replaceLines(start, del, insert);
      doc.settle();
      // Asked between edits, so what the document keeps from one answer to the next is used.
      if (step % 4 === 3) assert.equal(snapshot(doc), snapshot(new LogDocument(lines.slice())), `diverged at step ${step}`);
    }
  });

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
    assert.deepEqual(findingsOf(doc), []);
  });

  it('re-scans only until the state converges', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 2 ? '226 Transfer complete' : 'RETR file' + i));
    const doc = new LogDocument(lines);
    const changed = doc.replaceLines(2500, 1, ['RETR other']);
    assert.ok(changed.to - changed.from <= 2, `re-scanned ${changed.to - changed.from} lines`);
  });

  it('an edit that changes the first line\'s state re-scans a bounded number of lines, then goes on in slices', () => {
    const lines = ['220 ready', ...Array.from({ length: 100_000 }, (_, i) => ` text line ${i}`)];
    const doc = new LogDocument(lines.slice());
    const changed = doc.replaceLines(0, 1, ['220-ready']);
    assert.ok(changed.to - changed.from <= SYNC_RESCAN_LINES, `re-scanned ${changed.to - changed.from} lines at once`);
    assert.ok(doc.rescanPending);
    let slices = 0;
    while (doc.rescanPending) {
      doc.continueRescan(5000);
      slices++;
    }
    assert.ok(slices >= 2);
    lines[0] = '220-ready';
    assert.equal(snapshot(doc), snapshot(new LogDocument(lines)));
  });

  it('keeps the memory of its scan states bounded over many edits', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 3 ? '226 ok' : 'RETR f' + i));
    const doc = new LogDocument(lines);
    for (let k = 0; k < 20_000; k++) doc.replaceLines(1000, 1, [k % 2 ? '230-hello' : 'RETR f']);
    doc.settle();
    const states = (doc as unknown as { states: { size: number } }).states.size;
    assert.ok(states < 3 * 4096, `${states} states kept`);
  });

  it('re-scans to the end of a block an edit opened', () => {
    const lines = ['220 ready', 'USER a', '230 ok', 'text one', 'text two', 'QUIT'];
    const doc = new LogDocument(lines);
    const changed = doc.replaceLines(2, 1, ['230-hello']);
    assert.ok(changed.to >= 5);
    assert.equal(allReplies(doc)[1].endLine, 4);
  });
});
