// A log read in segments, each from a guessed state a little before it, then
// joined in order, gives the problems of one reading of the whole log: the
// same findings, messages and related information, byte for byte — also when
// the guess is wrong (the segment is read again) and when a session named its
// server before the segment (its problems' messages are settled at the join).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Finding } from '../../src/core/model';
import { splitLines } from '../../src/core/scan/lines';
import { inHead } from '../../src/core/scan/head';
import { INITIAL_STATE, type ScanState } from '../../src/core/scan/state';
import { FindingStream } from '../../src/core/stream/findingStream';
import { decideHead } from '../../src/core/stream/headDecision';
import { SegmentJoin, SegmentReader, settled, WARM_LINES, type SegmentPlan, type SegmentProblem } from '../../src/core/stream/segment';
import { allFixtures } from '../support/fixtures';
import { between, pick, seeded } from '../../bench/random';
import { FindingBuilder } from '../../src/core/features/findings';
import { parseIisFields } from '../../src/core/scan/formats/iis';

function whole(lines: readonly string[]): Finding[] {
  const out: Finding[] = [];
  const stream = new FindingStream((f) => out.push(f));
  for (const line of lines) stream.push(line);
  stream.end();
  return out;
}

interface Joined {
  findings: Finding[];
  rereads: number;
  pending: number;
}

/** Reads `lines` in segments starting at `starts` (after 0), as the command line's threads do, and joins them. */
function bySegments(lines: readonly string[], starts: readonly number[], guess: (segment: number) => ScanState = () => INITIAL_STATE): Joined {
  let head = 0;
  for (let chars = 0; head < lines.length && inHead(head, chars); head++) chars += lines[head].length;
  const decided = decideHead(lines.slice(0, head));
  const join = new SegmentJoin(decided.family);
  const cuts = [0, ...starts, lines.length];
  const result: Joined = { findings: [], rereads: 0, pending: 0 };
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k];
    const to = cuts[k + 1];
    const floor = k > 0 ? cuts[k - 1] : 0;
    const read = (plan: SegmentPlan) => {
      const problems: SegmentProblem[] = [];
      const reader = new SegmentReader(decided.dialect, decided.family, plan, (p) => problems.push(p));
      for (let i = from - plan.warm; i < to; i++) reader.push(lines[i]);
      return { problems, report: reader.end() };
    };
    let plan: SegmentPlan = k === 0 ? { first: true, warm: 0, state: INITIAL_STATE, exact: true } : { first: false, warm: Math.min(WARM_LINES, from - floor), state: guess(k), exact: false };
    let reading = read(plan);
    if (!join.holds(plan, reading.report)) {
      result.rereads++;
      plan = join.replan(plan.warm);
      reading = read(plan);
      assert.ok(join.holds(plan, reading.report), 'a second reading holds');
    }
    const { base, servers } = join.join(reading.report);
    let j = 0;
    for (const p of reading.problems) {
      if (p.pending) result.pending++;
      const f = settled(p, p.pending ? servers[j++] : undefined);
      result.findings.push({ ...f, line: base + f.line, related: f.related && { ...f.related, line: base + f.related.line } });
    }
    assert.equal(j, servers.length, 'a server for every pending problem');
  }
  return result;
}

/** One session's transcript: the greeting names ProFTPD at the top, the failures come long after. */
function transcript(): string[] {
  const exchanges = ['USER bob', '331 Password required for bob', 'PASS hunter2', '530 Login incorrect.', 'CWD /pub/missing', '550 /pub/missing: No such file or directory', 'NOOP', '200 NOOP command successful'];
  const lines = ['220 ProFTPD 1.3.8 Server (Example) [192.0.2.10]'];
  for (let i = 0; lines.length < 30_000; i++) lines.push(exchanges[i % exchanges.length]);
  return lines;
}

function cutsEvery(lines: number, random: () => number, min: number, max: number): number[] {
  const cuts: number[] = [];
  for (let at = between(random, min, max); at < lines; at += between(random, min, max)) cuts.push(at);
  return cuts;
}

function pool(filter: (family: string) => boolean): string[] {
  return allFixtures()
    .filter((f) => f.family !== 'none' && filter(f.family))
    .flatMap((f) => splitLines(fs.readFileSync(f.file, 'utf8')));
}

function same(lines: readonly string[], joined: Joined, name: string): void {
  const want = whole(lines);
  assert.ok(want.length > 0, `${name}: the log has problems to compare`);
  assert.equal(JSON.stringify(joined.findings), JSON.stringify(want), `${name}: findings`);
}

describe('a log read in segments', function () {
  this.timeout(120_000);

  it('gives the whole reading’s problems on a log of every family, cut anywhere', () => {
    const random = seeded(11);
    const all = pool(() => true);
    const lines = Array.from({ length: 40_000 }, () => pick(random, all));
    // Segments shorter than a warm-up too: their warm-up starts at the segment before.
    same(lines, bySegments(lines, cutsEvery(lines.length, random, 2_000, 12_000)), 'mixed');
  });

  it('reads a segment again when its guessed state is wrong', () => {
    const lines = transcript();
    // An IIS layout guessed over a transcript holds until the end: no header ever replaces it.
    const wrong: ScanState = { block: undefined, iis: parseIisFields('#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status')! };
    const joined = bySegments(lines, [9_000, 17_000, 23_500], () => wrong);
    assert.equal(joined.rereads, 3, 'every guessed segment was read again');
    same(lines, joined, 'wrong guesses');
  });

  it('gives IIS rows their header’s layout when the header lies before the segment', () => {
    const random = seeded(4);
    const iis = pool((family) => family === 'iis');
    const lines = Array.from({ length: 30_000 }, () => pick(random, iis));
    same(lines, bySegments(lines, cutsEvery(lines.length, random, 5_000, 9_000)), 'iis');
  });

  it('settles the messages of sessions that named their server before the segment', () => {
    const lines = transcript();
    const joined = bySegments(lines, [10_000, 20_000]);
    assert.ok(joined.pending > 0, 'some problem was pending');
    same(lines, joined, 'named before');
    // The server matters here: ProFTPD's 530 is not the one of a server the log does not name.
    const late = whole(lines).filter((f) => f.code === 530).pop()!;
    assert.notEqual(late.message, new FindingBuilder().message(530, 'Login incorrect.', 'PASS', undefined));
  });
});
