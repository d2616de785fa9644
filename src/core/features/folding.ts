// What a log folds into: multi-line replies in every style (`220-` … `220 `
// greetings, continuation lines indented or not), sessions, the header block
// of an IIS (W3C) log, and tracebacks (Python's, and Java/.NET `at …` frames).
// A fold never hides another session's lines: replies and sessions that other
// sessions' lines interleave with do not fold. Plain data.

import { LineKind } from '../model';
import type { LineSource } from '../scan/lineSource';
import { replyEndLine } from '../query/replies';
import type { SessionModel } from '../query/sessions';

export type FoldKind = 'reply' | 'session' | 'header' | 'traceback';

export interface Fold {
  /** First and last line (0-based, inclusive); the first stays visible. */
  readonly start: number;
  readonly end: number;
  readonly kind: FoldKind;
}

/** W3C extended log directives (IIS): `#Software:`, `#Version:`, `#Date:`, `#Fields:`… */
const W3C_DIRECTIVE = /^#(?:Software|Version|Date|Fields|Remark|Start-Date|End-Date):/;
const PYTHON_TRACEBACK = 'Traceback (most recent call last):';
/** A Java or .NET stack frame: `\tat org.example.Foo.bar(Foo.java:12)`, `   at System.Net.FtpWebRequest…`. */
const FRAME = /^[ \t]+at [\w$.<>`]/;
/** Lines a traceback or header block is followed for at most. */
const BLOCK_LIMIT = 5000;

/**
 * Folds that start on lines [from, to) — replies, header blocks, tracebacks —
 * and where the next call should go on from (a block's end may lie past `to`).
 */
export function foldsBetween(src: LineSource, from: number, to: number, out: Fold[]): number {
  let i = from;
  while (i < to && i < src.lineCount) {
    const kind = src.kindOf(i);
    let end = -1;
    let foldKind: FoldKind = 'reply';
    if (kind === LineKind.Reply && i + 1 < src.lineCount && src.kindOf(i + 1) === LineKind.Continuation) {
      end = replyEndLine(src, i);
      if (!sameSessionThrough(src, i, end)) end = -1;
    } else if (kind === LineKind.Other || kind === LineKind.Foreign) {
      const text = src.lineText(i);
      if (text.charCodeAt(0) === 35 /* # */ && W3C_DIRECTIVE.test(text)) {
        end = runEnd(src, i, (t) => t.charCodeAt(0) === 35 && W3C_DIRECTIVE.test(t));
        foldKind = 'header';
      } else if (text.startsWith(PYTHON_TRACEBACK)) {
        end = pythonTracebackEnd(src, i);
        foldKind = 'traceback';
      } else if (i + 1 < src.lineCount && FRAME.test(src.lineText(i + 1)) && !FRAME.test(text)) {
        end = runEnd(src, i, (t) => FRAME.test(t) || /^[ \t]+\.\.\. \d+ more$/.test(t) || t.startsWith('Caused by: '));
        foldKind = 'traceback';
      }
    }
    if (end > i) {
      out.push({ start: i, end, kind: foldKind });
      // Blocks do not nest in a log; go on after this one.
      i = foldKind === 'reply' ? i + 1 : end + 1;
    } else {
      i++;
    }
  }
  return i;
}

/**
 * Folds of sessions [first, first + count) that run over more than one line
 * with no other session's line among theirs (when there are several);
 * returns the session to go on from.
 */
export function sessionFolds(model: SessionModel, out: Fold[], first = 0, count = Number.MAX_SAFE_INTEGER): number {
  const all = model.sessions;
  const stop = Math.min(all.length, first + count);
  let listed = 0;
  for (const s of all) if (model.listed(s) && ++listed > 1) break;
  if (listed < 2) return all.length;
  for (let i = first; i < stop; i++) {
    const s = all[i];
    if (s.end <= s.start || !model.listed(s)) continue;
    let alone = true;
    for (let j = s.start; j <= s.end && alone; j++) {
      const other = model.sessionAt(j);
      if (other !== undefined && other !== s && model.listed(other)) alone = false;
    }
    if (alone) out.push({ start: s.start, end: s.end, kind: 'session' });
  }
  return stop;
}

/** True when every line from `start` to `end` is of `start`'s session, or of none. */
function sameSessionThrough(src: LineSource, start: number, end: number): boolean {
  const session = src.sessionOf(start);
  for (let j = start + 1; j <= end; j++) {
    if (src.sessionOf(j) !== session && src.kindOf(j) !== LineKind.Other) return false;
  }
  return true;
}

/** The last line of the run of lines after `start` that `more` accepts. */
function runEnd(src: LineSource, start: number, more: (text: string) => boolean): number {
  let end = start;
  for (let j = start + 1; j < src.lineCount && j - start <= BLOCK_LIMIT && more(src.lineText(j)); j++) end = j;
  return end;
}

/** A Python traceback ends on its first unindented line after the frames: the exception (`ftplib.error_perm: 550 …`). */
function pythonTracebackEnd(src: LineSource, start: number): number {
  for (let j = start + 1; j < src.lineCount && j - start <= BLOCK_LIMIT; j++) {
    const c = src.lineText(j).charCodeAt(0);
    if (c !== 32 && c !== 9) return j;
  }
  return start;
}
