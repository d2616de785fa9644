// Byte ranges of a regular file, read as lines: what a thread checking one
// segment of a large log reads (see segments.ts). Segments start right after
// an LF, so a range's lines are the whole file's lines: CR and LF bytes are
// never part of a longer UTF-8 sequence, and a line ends where the file's does.

import type * as fs from 'node:fs';
import { CHUNK_BYTES } from '../input';
import { encodingByBom } from '../decode';
import { Utf8LineSplitter } from '../lineSplitter';

const LF = 10;

/** Reads `[from, to)` of `fd`, a chunk at a time (each valid until the next is asked for). */
export async function* byteRange(fd: fs.promises.FileHandle, from: number, to: number): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  for (let at = from; at < to; ) {
    const { bytesRead } = await fd.read(buffer, 0, Math.min(CHUNK_BYTES, to - at), at);
    if (bytesRead === 0) return;
    at += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/** The bytes `[from, to)` (a small range: read whole). */
export async function bytesAt(fd: fs.promises.FileHandle, from: number, to: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(Math.max(0, to - from));
  let got = 0;
  while (got < buffer.length) {
    const { bytesRead } = await fd.read(buffer, got, buffer.length - got, from + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buffer.subarray(0, got);
}

/**
 * Reads the lines of `[from, to)` into `line`; `to` is a line start (or the
 * file's end, when `last`). Stops after a chunk once `enough` says so.
 */
export async function readRange(fd: fs.promises.FileHandle, from: number, to: number, last: boolean, line: (text: string) => void, enough = () => false): Promise<void> {
  const splitter = new Utf8LineSplitter(line);
  let first = from === 0;
  for await (const chunk of byteRange(fd, from, to)) {
    // The file's byte-order mark is not text (decode.ts); a segment starting later has none to drop.
    const bom = first ? encodingByBom(chunk) : undefined;
    first = false;
    splitter.push(bom ? chunk.subarray(bom[1]) : chunk);
    if (enough()) return;
  }
  // What follows the last line end is a line (an empty one at the file's end); a range ending at a line start has no such line.
  if (last) splitter.end();
}

/** The first line start at or after `at`: the byte after the next LF (`size` when there is none). */
export async function lineStartFrom(fd: fs.promises.FileHandle, at: number, size: number): Promise<number> {
  if (at <= 0) return 0;
  let from = at - 1;
  for (let block = 64 * 1024; from < size; block = Math.min(2 * block, 4 * 1024 * 1024)) {
    const bytes = await bytesAt(fd, from, Math.min(size, from + block));
    // A file cut short while it is read (logrotate's copytruncate) ends here.
    if (bytes.length === 0) return size;
    const lf = bytes.indexOf(LF);
    if (lf >= 0) return from + lf + 1;
    from += bytes.length;
  }
  return size;
}

/**
 * The last `count` lines before the line start `to`, none before `floor` (a
 * line start): fewer when there are fewer. The range read back grows until it
 * holds enough lines.
 */
export async function linesBefore(fd: fs.promises.FileHandle, to: number, floor: number, count: number): Promise<string[]> {
  for (let span = 128 * count; ; span *= 4) {
    const from = to - span <= floor ? floor : await lineStartFrom(fd, to - span, to);
    const lines: string[] = [];
    await readRange(fd, from, to, false, (text) => lines.push(text));
    if (lines.length >= count || from <= floor) return lines.slice(Math.max(0, lines.length - count));
  }
}

const CR = 13;

/**
 * The nearest line before the line start `to` that holds `needle` and that
 * `take` takes, looked for within `span` bytes back (a line cut by the span's
 * start is skipped); undefined when there is none there.
 */
export async function lastLineWith(fd: fs.promises.FileHandle, to: number, needle: string, span: number, take: (line: string) => boolean): Promise<string | undefined> {
  const from = Math.max(0, to - span);
  const bytes = await bytesAt(fd, from, to);
  for (let hit = bytes.lastIndexOf(needle); hit >= 0; hit = hit > 0 ? bytes.lastIndexOf(needle, hit - 1) : -1) {
    const before = Math.max(bytes.lastIndexOf(LF, hit), bytes.lastIndexOf(CR, hit));
    if (before < 0 && from > 0) break;
    const lf = bytes.indexOf(LF, hit);
    const cr = bytes.indexOf(CR, hit);
    const end = lf < 0 ? (cr < 0 ? bytes.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
    let start = before + 1;
    if (from + start === 0 && encodingByBom(bytes)) start += 3;
    const line = bytes.toString('utf8', start, end);
    if (take(line)) return line;
    hit = before + 1;
  }
  return undefined;
}
