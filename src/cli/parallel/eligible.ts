// Which inputs `ftp-log check` reads with several threads: a regular file,
// large enough to be worth it, of UTF-8 text (not gzip, not UTF-16, not
// binary), read without a cap, in a format whose problems are written alike
// wherever they fall. Everything else is read by one thread, as a stream.

import * as fs from 'node:fs';
import type { PolicyOptions } from '../../core/features/severityPolicy';
import type { Cli } from '../context';
import { encodingByBom, isBinary } from '../decode';
import { isGzip, type Caps } from '../input';
import { isItemFormat, type Format } from '../output';
import { bytesAt } from './bytes';
import type { ParallelRun } from './checkInParallel';

const MIB = 1024 * 1024;
/** Below this a file is read by one thread: starting threads and each deciding from the head (about half a second) costs more than it saves (a 40 MB log took longer with 2 threads, a 130 MB one 1.2 times less). */
const PARALLEL_FROM = 64 * MIB;
/** Segments per thread: enough that threads finish close together, few enough that warm-ups cost little. */
const SEGMENTS_PER_THREAD = 8;
const SEGMENT_MIN = 8 * MIB;
const SEGMENT_MAX = 32 * MIB;

export async function parallelRunFor(file: string, caps: Caps, format: Format, color: boolean, policy: PolicyOptions, threads: number, cli: Cli): Promise<ParallelRun | undefined> {
  const parallel = cli.parallel;
  if (!parallel || threads < 2 || file === '-' || caps.maxBytes !== undefined || caps.deadline !== undefined || !isItemFormat(format)) return undefined;
  let fd: fs.promises.FileHandle;
  try {
    fd = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    // The one-thread path says why it cannot be read.
    return undefined;
  }
  try {
    const stat = await fd.stat();
    if (!stat.isFile()) return undefined;
    const size = stat.size;
    const segmentBytes = parallel.segmentBytes ?? Math.min(SEGMENT_MAX, Math.max(SEGMENT_MIN, Math.floor(size / (threads * SEGMENTS_PER_THREAD))));
    if (size < 2 * segmentBytes || (parallel.segmentBytes === undefined && size < PARALLEL_FROM)) return undefined;
    const head = await bytesAt(fd, 0, 8192);
    if (isGzip(head)) return undefined;
    const bom = encodingByBom(head);
    if (bom ? bom[0] !== 'utf-8' : isBinary(head)) return undefined;
    return { file, size, segmentBytes, threads, workerScript: parallel.workerScript, format, color, policy };
  } catch {
    return undefined;
  } finally {
    await fd.close();
  }
}
