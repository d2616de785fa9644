// The two shapes every family shares once its prefix is stripped (RFC 959):
// a reply line `NNN<SP>text` / `NNN-text` / `NNN`, and a command `VERB[<SP>args]`.

import { isCommandVerb } from '../../catalogue/commands';

const D0 = 48;

function isDigit(c: number): boolean {
  return c >= D0 && c <= D0 + 9;
}

/**
 * The reply code at `p` when `line[p, end)` starts like a reply line, else -1.
 * First digit 1-6 (6yz: RFC 2228 protected replies); then space, hyphen or end.
 */
export function replyCodeAt(line: string, p: number, end: number): number {
  if (p + 3 > end) return -1;
  const a = line.charCodeAt(p);
  if (a < D0 + 1 || a > D0 + 6) return -1;
  const b = line.charCodeAt(p + 1);
  const c = line.charCodeAt(p + 2);
  if (!isDigit(b) || !isDigit(c)) return -1;
  if (p + 3 < end) {
    const s = line.charCodeAt(p + 3);
    if (s !== 32 && s !== 45) return -1;
  }
  return (a - D0) * 100 + (b - D0) * 10 + (c - D0);
}

/** True when the reply line at `p` opens a multi-line block (`NNN-`). */
export function opensBlock(line: string, p: number, end: number): boolean {
  return p + 3 < end && line.charCodeAt(p + 3) === 45;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/**
 * Length of a command verb at `p` (3-4 letters, RFC 959 §5.3.1), followed by a
 * space or the end of the payload; 0 when there is none. Without `anyCase`
 * the verb must be upper case.
 */
export function verbLengthAt(line: string, p: number, end: number, anyCase: boolean): number {
  let i = p;
  while (i < end && i - p < 5) {
    const c = line.charCodeAt(i);
    if (!(anyCase ? isLetter(c) : isUpper(c))) break;
    i++;
  }
  const n = i - p;
  if (n < 3 || n > 4) return 0;
  if (i < end && line.charCodeAt(i) !== 32) return 0;
  return n;
}

/** True when a catalogued command verb starts at `p` (in upper case unless `anyCase`), followed by a space or the end. */
export function isCommandAt(line: string, p: number, anyCase: boolean): boolean {
  const length = verbLengthAt(line, p, line.length, anyCase);
  return length > 0 && isCommandVerb(verbAt(line, p, length));
}

/**
 * The upper-case verb when `line[start, end)` is exactly one (a whole field
 * holding a verb, in any case), else ''.
 */
export function verbSpanning(line: string, start: number, end: number): string {
  const length = end - start;
  return length > 0 && verbLengthAt(line, start, end, true) === length ? verbAt(line, start, length) : '';
}

/** Upper-case verb strings by a key built from their letters, so a scan does not allocate one per command. */
const verbNames = new Map<number, string>();
const VERB_CACHE_LIMIT = 4096;

/** The upper-case verb of `length` letters at `start` (letters only: `verbLengthAt` checked them). */
export function verbAt(line: string, start: number, length: number): string {
  let key = length;
  // `& 31` maps 'A' and 'a' alike to 1..26: the key ignores case, as verbs do (RFC 959 §5.3).
  for (let i = 0; i < length; i++) key = key * 32 + (line.charCodeAt(start + i) & 31);
  let verb = verbNames.get(key);
  if (verb === undefined) {
    verb = line.slice(start, start + length).toUpperCase();
    if (verbNames.size < VERB_CACHE_LIMIT) verbNames.set(key, verb);
  }
  return verb;
}

/**
 * Where a match of the sticky (`y`) regex `sticky` starting at `from` ends, or -1.
 * Unlike `exec`, this builds no match array: a scan runs it on every line.
 */
export function stickyEnd(sticky: RegExp, line: string, from: number): number {
  sticky.lastIndex = from;
  return sticky.test(line) ? sticky.lastIndex : -1;
}

/** Characters that open a quoted or bracketed payload, and the one that closes each. */
export const CLOSERS: Readonly<Record<number, number>> = { 34: 34, 39: 39, 91: 93, 40: 41, 60: 62 };

/**
 * Where the payload after a prefix ending at `p` ends: a prefix that opens a
 * quote or bracket (`'`, `"`, `[`, `(`, `<`) which the line closes at its end
 * encloses the payload (`Sending command [USER alice]`, `> 'PASV'`).
 */
export function payloadEnd(line: string, p: number): number {
  const open = line.charCodeAt(p - 1);
  const close = CLOSERS[open];
  if (close === undefined || line.length <= p || line.charCodeAt(line.length - 1) !== close) return line.length;
  let end = line.length - 1;
  // A quoted chunk as a program printed it (`< '227 Entering Passive Mode (…).\r\n'`): the escaped line end is not text.
  if (open === 34 || open === 39) {
    if (endsWith(line, end, '\\r\\n')) end -= 4;
    else if (endsWith(line, end, '\\n')) end -= 2;
  }
  return Math.max(p, end);
}

function endsWith(line: string, end: number, suffix: string): boolean {
  return end >= suffix.length && line.startsWith(suffix, end - suffix.length);
}

