// What every query and feature reads: a scanned log's lines and their packed
// results, one line at a time. The editor's document (document.ts) and the
// stream's sliding window (stream/windowSource.ts) both offer it.

import type { LineKind, LineResult } from '../model';
import type { Row } from './row';

export interface LineSource {
  readonly lineCount: number;
  lineText(line: number): string;
  /** The whole result (built on demand: prefer the accessors below in loops). */
  lineResult(line: number): LineResult;
  /** The whole result decoded into a scratch row, allocating nothing. */
  rowOf(line: number, into: Row): Row;
  kindOf(line: number): LineKind;
  /** The reply code on the line, or -1. */
  codeOf(line: number): number;
  /** The code of the block a continuation line belongs to, or -1. */
  blockCodeOf(line: number): number;
  /** The line's session as a comparable integer (0: none). */
  sessionOf(line: number): number;
  /** The server the line's session talks to, when its greeting, its SYST reply or the log format names it. */
  serverFor(line: number): string | undefined;
}
