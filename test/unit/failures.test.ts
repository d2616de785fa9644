// Next / previous failure over the core's findings: every fixture's failures
// visited in order both ways, wrapping, with the settings' filter.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LogDocument } from '../../src/core/scan/document';
import { splitLines } from '../../src/core/scan/lines';
import { findingsOf } from '../../src/core/features/findings';
import { failureFrom } from '../../src/core/features/failures';
import { allFixtures } from '../support/fixtures';

const all = () => true;

describe('next and previous failure', () => {
  for (const fx of allFixtures().filter((f) => findingsOf(new LogDocument(fs.readFileSync(f.file, 'utf8'))).length > 0)) {
    it(`visit every failure of ${fx.name} in order, both ways, and wrap`, () => {
      const doc = new LogDocument(splitLines(fs.readFileSync(fx.file, 'utf8')));
      const want = findingsOf(doc).map((f) => `${f.line}:${f.span.start}`);
      const walk = (direction: 'next' | 'previous', line: number, character: number) => {
        const seen: string[] = [];
        let wrapped = 0;
        for (let i = 0; i < want.length; i++) {
          const stop = failureFrom(doc, line, character, direction, all)!;
          assert.ok(stop, `${fx.name}: no ${direction} failure from ${line}:${character}`);
          seen.push(`${stop.finding.line}:${stop.finding.span.start}`);
          if (stop.wrapped) wrapped++;
          ({ line, span: { start: character } } = stop.finding);
        }
        return { seen, wrapped };
      };
      // From the top of the log forward: every failure once, no wrap (the cursor starts before the first code).
      const first = findingsOf(doc)[0];
      const forward = walk('next', 0, 0);
      assert.deepEqual(forward.seen, want);
      assert.equal(forward.wrapped, first.line === 0 && first.span.start === 0 ? 1 : 0);
      // From the last failure on, the next one wraps to the first.
      const last = findingsOf(doc).at(-1)!;
      const wrap = failureFrom(doc, last.line, last.span.start, 'next', all)!;
      assert.equal(`${wrap.finding.line}:${wrap.finding.span.start}`, want[0]);
      assert.equal(wrap.wrapped, true);
      // Backward from the end of the log: the same failures in reverse.
      const backward = walk('previous', doc.lineCount, 0);
      assert.deepEqual(backward.seen, [...want].reverse());
      // From the first failure back, the previous one wraps to the last.
      const back = failureFrom(doc, first.line, first.span.start, 'previous', all)!;
      assert.equal(`${back.finding.line}:${back.finding.span.start}`, want.at(-1));
      assert.equal(back.wrapped, true);
    });
  }

  const log = ['220 Ready.', 'USER a', '331 Password required.', 'PASS x', '530 Login incorrect.', 'USER b', '331 Password required.', 'PASS y', '230 OK.', 'RETR a.txt', '450 Busy.', 'RETR b.txt', '550 No such file.'];
  const doc = new LogDocument(log);

  it('moves on from a failure the cursor sits on, and stops at one later on the cursor line', () => {
    assert.equal(failureFrom(doc, 4, 0, 'next', all)!.finding.line, 10);
    assert.equal(failureFrom(doc, 3, 99, 'next', all)!.finding.line, 4);
    assert.equal(failureFrom(doc, 4, 1, 'previous', all)!.finding.line, 4);
    assert.equal(failureFrom(doc, 4, 0, 'previous', all)!.finding.line, 12);
  });

  it('skips the codes the settings hide, and finds none when every code is hidden', () => {
    const not450 = (code: number) => code !== 450;
    assert.equal(failureFrom(doc, 4, 0, 'next', not450)!.finding.line, 12);
    assert.equal(failureFrom(doc, 12, 0, 'previous', not450)!.finding.line, 4);
    assert.equal(failureFrom(doc, 0, 0, 'next', () => false), undefined);
  });

  it('wraps onto the only failure when the cursor is on it', () => {
    const one = new LogDocument(['220 Ready.', 'USER a', '530 Login incorrect.']);
    assert.deepEqual(failureFrom(one, 2, 0, 'next', all), { finding: findingsOf(one)[0], wrapped: true });
    assert.deepEqual(failureFrom(one, 2, 0, 'previous', all), { finding: findingsOf(one)[0], wrapped: true });
  });

  it('finds nothing in an empty log, a log without failures, or one that is not FTP', () => {
    assert.equal(failureFrom(new LogDocument(''), 0, 0, 'next', all), undefined);
    assert.equal(failureFrom(new LogDocument(['220 Ready.', 'QUIT', '221 Bye.']), 0, 0, 'previous', all), undefined);
    const smtp = new LogDocument(['220 mail.example.com ESMTP', 'EHLO client', '250-mail.example.com', '250 OK', 'MAIL FROM:<a@b>', '550 5.1.1 No such user']);
    assert.equal(smtp.family, 'none');
    assert.equal(failureFrom(smtp, 0, 0, 'next', all), undefined);
  });

  it('takes a position past the last line', () => {
    assert.equal(failureFrom(doc, 10_000, 0, 'previous', all)!.finding.line, 12);
    assert.equal(failureFrom(doc, 10_000, 0, 'next', all)!.finding.line, 4);
  });

  it('crosses a long log without failures in bounded time', () => {
    const lines = ['220 Ready.', 'USER a', '530 Login incorrect.'];
    for (let i = 0; i < 300_000; i++) lines.push(i % 2 ? 'NOOP' : '200 NOOP ok.');
    lines.push('RETR x', '550 No such file.');
    const big = new LogDocument(lines);
    const started = Date.now();
    const stop = failureFrom(big, 3, 0, 'next', all)!;
    const ms = Date.now() - started;
    assert.equal(stop.finding.line, lines.length - 1);
    // Generous: a bound against a quadratic walk, not a timing assertion.
    assert.ok(ms < 2000, `${ms} ms`);
  });
});
