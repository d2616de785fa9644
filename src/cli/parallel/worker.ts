// A thread that reads segments of one large log (see core/stream/segment.ts)
// for `ftp-log check`: it decides what the log is from its head, as a whole
// reading does, then reads each segment it is given and keeps its problems
// until the main thread, which joins the segments in order, says where the
// segment's lines fall in the log and which servers its pending problems'
// sessions named; then it writes them as output text.

import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Severity } from '../../core/model';
import { INITIAL_STATE, type ScanState } from '../../core/scan/state';
import { decideHead, HeadLines, type HeadDecision } from '../../core/stream/headDecision';
import { SegmentReader, settled, WARM_LINES, type SegmentPlan, type SegmentProblem } from '../../core/stream/segment';
import { severityPolicy } from '../../core/features/severityPolicy';
import { itemsFor, toCliProblem } from '../output';
import { lastLineWith, linesBefore, readRange } from './bytes';
import type { FromWorker, Segment, ToWorker, WorkerSetup } from './protocol';

/** How far back a segment looks for the `#Fields:` header its guessed state takes the IIS layout from. */
const HEADER_SPANS = [64 * 1024, 1024 * 1024, 4 * 1024 * 1024];

/** Problems written per message: the main thread writes each as it comes. */
const ITEMS_PER_MESSAGE = 4096;

interface Kept {
  readonly problems: SegmentProblem[];
  /** Each problem's severity under the policy (undefined: not shown). */
  readonly severities: Array<Severity | undefined>;
}

/** True when this thread was started to read segments. */
export function isSegmentWorker(): boolean {
  return (workerData as WorkerSetup | undefined)?.role === 'ftp-log segment reader';
}

export function runSegmentWorker(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  const post = (m: FromWorker) => port.postMessage(m);
  const policy = severityPolicy(setup.policy);
  const kept = new Map<number, Kept>();
  const file = fs.promises.open(setup.file, fs.constants.O_RDONLY);
  let decision: Promise<HeadDecision> | undefined;
  // Readings run one after another; writing happens between a reading's chunks.
  let reading: Promise<void> = Promise.resolve();

  /** The head decision a reading of the whole file makes, from the file's own head. */
  async function decide(): Promise<HeadDecision> {
    const head = new HeadLines();
    let full = false;
    await readRange(await file, 0, setup.size, true, (text) => (full ||= !head.take(text)), () => full);
    return decideHead(head.lines);
  }

  /** No open reply, and the IIS layout of the nearest `#Fields:` header before the segment (else the one in force after the head). */
  async function guessedState(segment: Segment, d: HeadDecision): Promise<ScanState> {
    const fd = await file;
    const isHeader = (line: string) => d.scanner.layoutSetBy(line) !== null;
    for (const span of HEADER_SPANS) {
      const line = await lastLineWith(fd, segment.from, '#Fields:', span, isHeader);
      if (line !== undefined) {
        const layout = d.scanner.layoutSetBy(line);
        return layout ? { block: undefined, iis: layout } : INITIAL_STATE;
      }
      if (span >= segment.from) break;
    }
    const iis = d.scanner.state.iis;
    return iis ? { block: undefined, iis } : INITIAL_STATE;
  }

  async function read(segment: Segment, given: SegmentPlan | undefined): Promise<void> {
    const fd = await file;
    const d = await (decision ??= decide());
    const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    const first = segment.from === 0;
    const warmLines = first ? [] : await linesBefore(fd, segment.from, segment.floor, given?.warm ?? WARM_LINES);
    const plan: SegmentPlan = first
      ? { first: true, warm: 0, state: INITIAL_STATE, exact: true }
      : given ?? { first: false, warm: warmLines.length, state: await guessedState(segment, d), exact: false };
    const problems: SegmentProblem[] = [];
    const severities: Array<Severity | undefined> = [];
    const reader = new SegmentReader(d.dialect, d.family, plan, (p) => {
      const severity = policy.severityOf(p.finding.code, p.finding.severity);
      problems.push(p);
      severities.push(severity);
      if (severity) counts[severity]++;
    });
    // A log its head says is not FTP has no problems: nothing to read.
    if (d.family !== 'none') {
      for (const text of warmLines) reader.push(text);
      await readRange(fd, segment.from, segment.to, segment.last, (text) => reader.push(text));
    }
    kept.set(segment.index, { problems, severities });
    post({ kind: 'read', index: segment.index, family: d.family, plan, report: reader.end(), counts });
  }

  function write(index: number, base: number, servers: ReadonlyArray<string | undefined>, limit: number): void {
    const k = kept.get(index);
    kept.delete(index);
    const items = itemsFor(setup.format, setup.color);
    let parts: string[] = [];
    let shown = 0;
    let pending = 0;
    for (let i = 0; k && i < k.problems.length && shown < limit; i++) {
      const p = k.problems[i];
      const server = p.pending ? servers[pending++] : undefined;
      const severity = k.severities[i];
      if (!severity) continue;
      const cli = toCliProblem(setup.name, settled(p, server), severity);
      cli.line += base;
      cli.endLine += base;
      parts.push(items.item(cli));
      shown++;
      if (parts.length === ITEMS_PER_MESSAGE) {
        post({ kind: 'written', index, text: parts.join(items.separator), count: parts.length, done: false });
        parts = [];
      }
    }
    post({ kind: 'written', index, text: parts.join(items.separator), count: parts.length, done: true });
  }

  port.on('message', (m: ToWorker) => {
    try {
      if (m.kind === 'read') {
        reading = reading.then(() => read(m.segment, m.plan)).catch((e: Error) => post({ kind: 'failed', message: e.message }));
      } else if (m.kind === 'write') {
        write(m.index, m.base, m.servers, m.limit);
      } else if (m.kind === 'drop') {
        kept.delete(m.index);
      } else {
        reading = reading.then(async () => {
          await (await file).close();
          port.close();
        });
      }
    } catch (e) {
      post({ kind: 'failed', message: (e as Error).message });
    }
  });
}
