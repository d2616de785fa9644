// One input read as lines: opened, unpacked, decoded and split, line by line,
// until its end, until the reader says it has seen enough, or until a cap.

import { capped, CapReached, openInput, withPauses, type Caps } from './input';
import { decode, utf16Text } from './decode';
import { LineSplitter, Utf8LineSplitter } from './lineSplitter';

export type ReadOutcome =
  | { kind: 'read'; name: string }
  | { kind: 'binary'; name: string }
  | { kind: 'error'; name: string; reason: string }
  /** Stopped by a cap: the lines before it were read. */
  | { kind: 'capped'; name: string; reason: string };

export interface LineReader {
  line(text: string): void;
  /** A live input went silent for a while: what was read so far is what there is, for now. */
  paused?(): void;
  /** True when no later line matters (a log its head says is not FTP; a detection made). */
  readonly done: boolean;
}

/** How long a live input (standard input) may be silent before its reader reads what it has. */
const PAUSE_MS = 1000;

/** Feeds every chunk to `splitter` until the end, or until the reader is done; an empty chunk is a pause. */
async function split<C extends { length: number }>(chunks: AsyncIterable<C>, splitter: { push(c: C): void; end(): void }, into: LineReader, between: () => Promise<void>): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (chunk.length === 0) into.paused?.();
      else splitter.push(chunk);
      if (into.done) return;
      await between();
    }
  } finally {
    if (!into.done) splitter.end();
  }
}

/** Reads `arg` line by line into `reader`; `between` runs after each chunk (to let output drain). */
export async function readLines(arg: string, stdin: NodeJS.ReadableStream, caps: Caps, reader: (name: string) => LineReader, between: () => Promise<void>): Promise<ReadOutcome> {
  const opened = await openInput(arg, stdin);
  if (opened.kind === 'error') return { kind: 'error', name: arg, reason: opened.reason };
  const name = opened.name;
  try {
    // A pipe from `tail -f` may go quiet for hours: a pause lets its lines so far be read (withPauses).
    const decoded = await decode(capped(opened.live ? withPauses(opened.bytes, PAUSE_MS) : opened.bytes, caps));
    if (decoded.kind === 'binary') return { kind: 'binary', name };
    const into = reader(name);
    const line = (text: string) => into.line(text);
    const encoding = decoded.encoding;
    if (encoding === 'utf-8') await split(decoded.bytes, new Utf8LineSplitter(line), into, between);
    else await split(utf16Text(encoding, decoded.bytes), new LineSplitter(line), into, between);
    return { kind: 'read', name };
  } catch (e) {
    if (e instanceof CapReached) return { kind: 'capped', name, reason: `${name}: ${e.message}` };
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' ? 'not a valid gzip stream' : err.message;
    return { kind: 'error', name, reason: `${name}: ${why}` };
  }
}
