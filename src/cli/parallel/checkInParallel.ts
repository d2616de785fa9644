// `ftp-log check` on one large regular file with several threads: the file is
// cut into segments at line starts, worker threads read them side by side
// (worker.ts), and this thread joins their readings in file order
// (core/stream/segment.ts SegmentJoin) — a wrong guess read again, each
// segment given its first line's number and its sessions' servers — then
// writes each segment's problems as its worker writes them, in file order.
// The output is what one thread reading the whole file writes, byte for byte.

import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Severity } from '../../core/model';
import type { PolicyOptions } from '../../core/features/severityPolicy';
import { SegmentJoin, type SegmentPlan } from '../../core/stream/segment';
import type { Sink } from '../sink';
import type { ItemFormat, RunReporter, Tally } from '../output';
import { lineStartFrom } from './bytes';
import type { FromWorker, Segment, ToWorker, WorkerSetup } from './protocol';

export interface ParallelRun {
  readonly file: string;
  readonly size: number;
  readonly segmentBytes: number;
  readonly threads: number;
  /** The script a worker thread runs (the CLI's own entry, which turns into a segment reader in a worker). */
  readonly workerScript: string;
  readonly format: ItemFormat;
  readonly color: boolean;
  readonly policy: PolicyOptions;
}

/** Problems shown so far against `--max-problems`, across every input. */
export interface Shown {
  shown: number;
  readonly max: number;
}

/** Segments of `[0, size)` of about `bytes` each, cut at line starts. */
export async function segmentsOf(fd: fs.promises.FileHandle, size: number, bytes: number): Promise<Segment[]> {
  const starts = [0];
  for (let at = bytes; at < size; at += bytes) {
    const start = await lineStartFrom(fd, Math.max(at, starts[starts.length - 1] + 1), size);
    if (start >= size) break;
    starts.push(start);
    at = Math.max(at, start);
  }
  return starts.map((from, index) => ({
    index,
    from,
    to: index + 1 < starts.length ? starts[index + 1] : size,
    floor: index > 0 ? starts[index - 1] : 0,
    last: index + 1 === starts.length,
  }));
}

interface Read {
  readonly worker: Worker;
  readonly plan: SegmentPlan;
  readonly message: Extract<FromWorker, { kind: 'read' }>;
}

type Inbox = { worker: Worker; message: FromWorker } | { error: Error };

/** Messages from every worker, taken one at a time. */
class Mailbox {
  private readonly queue: Inbox[] = [];
  private waiting: ((m: Inbox) => void) | undefined;

  put(m: Inbox): void {
    const w = this.waiting;
    if (w) {
      this.waiting = undefined;
      w(m);
    } else this.queue.push(m);
  }

  take(): Promise<Inbox> {
    const m = this.queue.shift();
    return m ? Promise.resolve(m) : new Promise((resolve) => (this.waiting = resolve));
  }
}

function total(counts: Readonly<Record<Severity, number>>): number {
  return counts.error + counts.warning + counts.information + counts.hint;
}

/** Tells `worker` to end, and waits until it has (stopping it if it does not within a few seconds). */
function ended(worker: Worker): Promise<void> {
  worker.removeAllListeners('exit');
  // A thread that already stopped (it failed) has nothing to end.
  if (worker.threadId === -1) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage({ kind: 'end' } satisfies ToWorker);
  });
}

/** Checks `run.file` as `name`, writing to `reporter` and counting into `tally`. */
export async function checkInParallel(run: ParallelRun, name: string, reporter: RunReporter, out: Sink, tally: Tally, shown: Shown): Promise<void> {
  const fd = await fs.promises.open(run.file, fs.constants.O_RDONLY);
  let segments: Segment[];
  try {
    segments = await segmentsOf(fd, run.size, run.segmentBytes);
  } finally {
    await fd.close();
  }
  const setup: WorkerSetup = { role: 'ftp-log segment reader', file: run.file, name, size: run.size, format: run.format, color: run.color, policy: run.policy };
  const mail = new Mailbox();
  const workers: Worker[] = [];
  for (let i = 0; i < Math.min(run.threads, segments.length); i++) {
    const worker = new Worker(run.workerScript, { workerData: setup, stdout: false, stderr: false });
    worker.on('message', (message: FromWorker) => mail.put({ worker, message }));
    worker.on('error', (error) => mail.put({ error }));
    worker.on('exit', (code) => mail.put({ error: new Error(`a checking thread stopped (exit code ${code})`) }));
    workers.push(worker);
  }
  const send = (worker: Worker, m: ToWorker) => worker.postMessage(m);
  const idle = [...workers];
  const reads: Array<Read | undefined> = [];
  const pieces: Array<Array<{ text: string; count: number; done: boolean }>> = segments.map(() => []);
  let join: SegmentJoin | undefined;
  let dispatched = 0;
  let joined = 0;
  let written = 0;
  let rereading = false;

  const dispatch = () => {
    // Read ahead by a few segments at most: a segment's problems are kept until it is written.
    while (idle.length > 0 && dispatched < segments.length && dispatched - written <= run.threads + 1) {
      send(idle.pop()!, { kind: 'read', segment: segments[dispatched++] });
    }
  };

  /** Joins the segments read so far, in order; a wrong guess is read again from the state the segment before found. */
  const joinRead = () => {
    while (!rereading && joined < segments.length && reads[joined]) {
      const r = reads[joined]!;
      join ??= new SegmentJoin(r.message.family);
      if (!join.holds(r.plan, r.message.report)) {
        send(r.worker, { kind: 'drop', index: joined });
        reads[joined] = undefined;
        rereading = true;
        send(idle.length > 0 ? idle.pop()! : r.worker, { kind: 'read', segment: segments[joined], plan: join.replan(r.plan.warm) });
        return;
      }
      const { base, servers } = join.join(r.message.report);
      for (const s of ['error', 'warning', 'information', 'hint'] as const) tally.add(s, r.message.counts[s]);
      const limit = Math.max(0, shown.max - shown.shown);
      shown.shown += Math.min(limit, total(r.message.counts));
      send(r.worker, { kind: 'write', index: joined, base, servers, limit });
      joined++;
    }
  };

  try {
    dispatch();
    while (written < segments.length) {
      const m = await mail.take();
      if ('error' in m) throw m.error;
      const message = m.message;
      if (message.kind === 'failed') throw new Error(message.message);
      if (message.kind === 'read') {
        // Every worker decides alike from the head: a log that is not FTP has no problems in any segment.
        if (message.family === 'none') return;
        if (!idle.includes(m.worker)) idle.push(m.worker);
        if (message.index === joined) rereading = false;
        reads[message.index] = { worker: m.worker, plan: message.plan, message };
        joinRead();
      } else {
        pieces[message.index].push(message);
        while (written < segments.length && pieces[written].length > 0) {
          const piece = pieces[written].shift()!;
          reporter.run(piece.text, piece.count);
          out.flush();
          if (piece.done) written++;
        }
        await out.drained();
      }
      dispatch();
    }
  } finally {
    await Promise.all(workers.map((w) => ended(w)));
  }
}
