// Opens what `ftp-log` reads: a file or standard input, a gzip stream unpacked
// on the way (told by its magic bytes, whatever its name), never written to.
// A directory or a FIFO, device or socket named as a FILE is refused: reading
// one may never end. Every failure becomes one line for stderr.

import * as fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';

/** Bytes read per step: large enough to be fast, small enough to keep memory flat. */
export const CHUNK_BYTES = 256 * 1024;

/** An input's bytes; `live` for standard input, whose writer may pause for as long as it likes (`tail -f`). */
export type Opened = { kind: 'bytes'; name: string; bytes: AsyncIterable<Buffer>; live: boolean } | { kind: 'error'; reason: string };

/** What the name `-` stands for in messages and output. */
export const STDIN_NAME = '<stdin>';

function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return 'not a valid gzip stream';
    default:
      return err.message;
  }
}

function kindOf(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'is a directory';
  if (stat.isFIFO()) return 'is a FIFO, not a regular file (pipe it to standard input: ftp-log check - < FILE)';
  if (stat.isCharacterDevice()) return 'is a character device, not a regular file';
  if (stat.isBlockDevice()) return 'is a block device, not a regular file';
  if (stat.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

/** True when `stat` is this process's standard input (`/dev/stdin`, `/dev/fd/0`). */
function isStdin(stat: fs.Stats): boolean {
  try {
    const own = fs.fstatSync(0);
    return own.dev === stat.dev && own.ino === stat.ino && !stat.isFile();
  } catch {
    return false;
  }
}

/** Opens `arg` (`-`: standard input) for reading, or says in one line why it cannot. */
export async function openInput(arg: string, stdin: NodeJS.ReadableStream): Promise<Opened> {
  if (arg === '-') return { kind: 'bytes', name: STDIN_NAME, bytes: unpacked(stdin as AsyncIterable<Buffer>), live: true };
  let fd: fs.promises.FileHandle;
  try {
    // Opened read-only and without following into a FIFO's wait: O_NONBLOCK makes opening a FIFO return at once.
    fd = await fs.promises.open(arg, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return { kind: 'error', reason: `${arg}: ${reasonOf(e)}` };
  }
  let live: boolean;
  try {
    const stat = await fd.stat();
    live = isStdin(stat);
    const refused = live ? undefined : kindOf(stat);
    if (refused) {
      await fd.close();
      return { kind: 'error', reason: `${arg}: ${refused}` };
    }
  } catch (e) {
    await fd.close();
    return { kind: 'error', reason: `${arg}: ${reasonOf(e)}` };
  }
  return { kind: 'bytes', name: arg, bytes: unpacked(fileChunks(fd)), live };
}

/**
 * The bytes of an open file, read into one buffer over and over: a stream
 * allocating a buffer per read leaves the allocator's heap fragmented, and the
 * memory a run holds then grows with the file. Each chunk is valid until the
 * next is asked for; whoever keeps bytes longer copies them.
 */
async function* fileChunks(fd: fs.promises.FileHandle): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  try {
    for (;;) {
      const { bytesRead } = await fd.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await fd.close();
  }
}

/** True when `bytes` start with gzip's magic bytes (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The bytes of `source`, gunzipped when they start with gzip's magic bytes (1f 8b). */
async function* unpacked(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  let first: Buffer = Buffer.alloc(0);
  while (first.length < 2) {
    const next = await it.next();
    if (next.done) break;
    // Copied: the next read may reuse the chunk's memory.
    first = Buffer.concat([first, next.value]);
  }
  if (!isGzip(first)) {
    if (first.length > 0) yield first;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    return;
  }
  async function* raw(): AsyncGenerator<Buffer> {
    yield first;
    // Copied: the gzip stream may hold a chunk after the next one is read.
    for (let next = await it.next(); !next.done; next = await it.next()) yield Buffer.from(next.value);
  }
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  const packed = Readable.from(raw());
  packed.on('error', (e) => gunzip.destroy(e));
  packed.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    packed.destroy();
    gunzip.destroy();
  }
}

const PAUSE = Buffer.alloc(0);

/**
 * `bytes`, with an empty chunk each time the source has been silent for `ms`:
 * a live pipe's reader then reads what it has instead of waiting for more.
 * A chunk is still asked for only once the one before has been taken.
 */
export async function* withPauses(bytes: AsyncIterable<Buffer>, ms: number): AsyncGenerator<Buffer> {
  const it = bytes[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const silent = new Promise<'silent'>((resolve) => (timer = setTimeout(() => resolve('silent'), ms)));
      const got = await Promise.race([next, silent]);
      clearTimeout(timer);
      if (got === 'silent') {
        yield PAUSE;
        continue;
      }
      if (got.done) return;
      yield got.value;
      next = it.next();
    }
  } finally {
    // Not awaited: a silent source would never answer.
    void it.return?.()?.catch(() => undefined);
  }
}

/** Why reading an input stopped before its end, when a cap was reached. */
export class CapReached extends Error {}

export interface Caps {
  /** Bytes (after unpacking) read of one input at most. */
  readonly maxBytes?: number;
  /** Time (ms since the run started) after which reading stops. */
  readonly deadline?: number;
}

/** `bytes`, stopped with CapReached once a cap is reached (also while the source is silent). */
export async function* capped(bytes: AsyncIterable<Buffer>, caps: Caps): AsyncGenerator<Buffer> {
  const it = bytes[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late =
    caps.deadline === undefined
      ? undefined
      : new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new CapReached('stopped: time limit reached (--max-seconds)')), Math.max(0, caps.deadline! - Date.now()));
        });
  late?.catch(() => undefined);
  let read = 0;
  try {
    for (;;) {
      const next = await (late ? Promise.race([it.next(), late]) : it.next());
      if (next.done) return;
      const chunk = next.value;
      if (caps.maxBytes !== undefined && read + chunk.length > caps.maxBytes) {
        const room = caps.maxBytes - read;
        if (room > 0) yield chunk.subarray(0, room);
        throw new CapReached(`stopped after ${caps.maxBytes} bytes (--max-bytes)`);
      }
      read += chunk.length;
      yield chunk;
    }
  } finally {
    if (timer) clearTimeout(timer);
    // Not awaited: a source that is silent (a pipe nobody writes to) would never answer.
    void it.return?.()?.catch(() => undefined);
  }
}
