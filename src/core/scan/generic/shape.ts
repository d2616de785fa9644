// The shape of a log prefix: what stays the same from line to line of one
// client's log once the values that change (clock, counters, object ids,
// level words) are abstracted. `2026-11-24 10:00:01.123 DEBUG [main] FtpClient - > `
// and `2026-11-24 10:00:02.456 INFO  [main] FtpClient - > ` have one shape.
//
// A prefix is cut into maximal runs: digits, hex ids, letters, white space,
// punctuation. Digit runs, hex runs and white space always vary; a letter run
// is kept literally unless it is a word logs put where a value goes (a level,
// a month, a weekday, AM/PM). Every run is matched back by a pattern of its
// own character class, and runs of one class never touch, so the compiled
// pattern cannot backtrack.

/** Longest prefix a shape is learned from: log prefixes are short, and a 10 MB line must cost no more than this. */
export const MAX_PREFIX = 160;
const MAX_TOKENS = 48;

/**
 * Tokens: 'D' digits, 'H' hex id, 'w' variable word, 'B' a bracketed value
 * (`[Thread-12]`, `[0412]`, `[24.11.2026 10:00:01.085]`), ' ' white space;
 * literals start with '='.
 */
export type ShapeToken = string;

export interface Shape {
  readonly key: string;
  readonly tokens: readonly ShapeToken[];
  /** Literal letter runs of the prefix (logger and client names are among them). */
  readonly words: readonly string[];
  /**
   * The white space that ends the prefix, exactly as first seen: a line whose
   * payload is indented further (a FEAT reply's ` MDTM`) keeps its indent as text.
   */
  readonly trail: string;
  /**
   * The prefix holds something fixed (a literal run or a bracketed value), not
   * only numbers and white space: `4412 ` or a lone indent proves no layout.
   */
  readonly fixed: boolean;
}

const VARIABLE_WORDS = new Set(
  [
    'trace', 'trc', 'debug', 'dbg', 'info', 'inf', 'information', 'notice', 'warn', 'warning', 'wrn', 'error', 'err',
    'fatal', 'crit', 'critical', 'severe', 'fine', 'finer', 'finest', 'verbose', 'vrb', 'config',
    'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
    'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'am', 'pm',
  ],
);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHexLetter(c: number): boolean {
  return (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** A run of letters and digits that is an id: hex digits only (or `0x` + hex), at least 4, with a digit and a hex letter in it. */
function isHexRun(s: string): boolean {
  const body = s.length > 2 && s.charCodeAt(0) === 48 && (s.charCodeAt(1) === 120 || s.charCodeAt(1) === 88) ? s.slice(2) : s;
  if (body.length < 4) return false;
  let digit = false;
  let letter = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (isDigit(c)) digit = true;
    else if (isHexLetter(c)) letter = true;
    else return false;
  }
  return digit && (letter || body !== s);
}

/** The shape of `line[0, end)`, or undefined when it is too long to be a log prefix. */
export function shapeOf(line: string, end: number): Shape | undefined {
  if (end > MAX_PREFIX) return undefined;
  const tokens: ShapeToken[] = [];
  const words: string[] = [];
  let i = 0;
  while (i < end) {
    if (tokens.length >= MAX_TOKENS) return undefined;
    const c = line.charCodeAt(i);
    let j = i + 1;
    const close = c === 91 /* [ */ ? bracketedValueEnd(line, i, end) : -1;
    if (close > 0) {
      tokens.push('B');
      j = close;
    } else if (isSpace(c)) {
      while (j < end && isSpace(line.charCodeAt(j))) j++;
      tokens.push(' ');
    } else if (isDigit(c) || isLetter(c)) {
      while (j < end && (isDigit(line.charCodeAt(j)) || isLetter(line.charCodeAt(j)))) j++;
      const run = line.slice(i, j);
      if (isHexRun(run)) tokens.push('H');
      else pushAlnum(run, tokens, words);
    } else {
      while (j < end) {
        const d = line.charCodeAt(j);
        if (isSpace(d) || isDigit(d) || isLetter(d)) break;
        j++;
      }
      tokens.push('=' + line.slice(i, j));
    }
    i = j;
  }
  let trail = '';
  if (tokens.length > 0 && tokens[tokens.length - 1] === ' ') {
    let t = end;
    while (t > 0 && isSpace(line.charCodeAt(t - 1))) t--;
    trail = line.slice(t, end);
  }
  const fixed = tokens.some((t) => t === 'B' || t.charCodeAt(0) === 61 /* = */);
  return { key: tokens.join('\u0001'), tokens, words, trail, fixed };
}

/** Longest bracketed value taken as one token. */
const MAX_BRACKETED = 64;

/**
 * Where a `[...]` that opens at `i` ends (past the `]`) when it holds a value
 * that changes from line to line — a thread, a counter, a clock: something
 * with a digit in it — else -1. Markers in brackets (`[C]`, `[debug]`,
 * `[connection]`) hold no digit and stay literal.
 */
function bracketedValueEnd(line: string, i: number, end: number): number {
  let digit = false;
  for (let j = i + 1; j < end && j - i <= MAX_BRACKETED; j++) {
    const c = line.charCodeAt(j);
    if (c === 93 /* ] */) return digit ? j + 1 : -1;
    if (c === 91 /* [ */) return -1;
    if (isDigit(c)) digit = true;
  }
  return -1;
}

/** A run of letters and digits that is not an id: its digit runs vary, its words are literal unless they name a value. */
function pushAlnum(run: string, tokens: ShapeToken[], words: string[]): void {
  let i = 0;
  while (i < run.length) {
    const digits = isDigit(run.charCodeAt(i));
    let j = i + 1;
    while (j < run.length && isDigit(run.charCodeAt(j)) === digits) j++;
    if (digits) {
      tokens.push('D');
    } else {
      const word = run.slice(i, j);
      if (VARIABLE_WORDS.has(word.toLowerCase())) tokens.push('w');
      else {
        tokens.push('=' + word);
        words.push(word);
      }
    }
    i = j;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Each token as a pattern of its own class; adjacent tokens never share a class, so matching is linear. */
function tokenPattern(token: ShapeToken): string {
  switch (token) {
    case 'D':
      return '\\d+';
    case 'H':
      return '(?:0[xX])?[0-9A-Fa-f]+';
    case 'w':
      return '[A-Za-z]+';
    case ' ':
      return '[ \\t]+';
    case 'B':
      return '\\[[^\\[\\]]*\\]';
    default:
      return escapeRegExp(token.slice(1));
  }
}

/** A sticky pattern that matches a line starting with this shape's prefix (use with `stickyEnd` at column 0). */
export function compileShape(shape: Shape): RegExp {
  const parts = shape.tokens.map(tokenPattern);
  if (shape.trail) parts[parts.length - 1] = shape.trail.replace(/\t/g, '\\t');
  return new RegExp(parts.join(''), 'y');
}

/**
 * True when two shapes are one log's command and reply prefixes: the same
 * runs but for a short stretch (the direction marker: `>`/`<`, `Command:`/
 * `Response:`, `SENT`/`RECEIVED`, `Tx`/`Rx`, `[C]`/`[R]`, or a marker on one
 * side only), or the same shape.
 */
export function pairedShapes(a: Shape, b: Shape): boolean {
  if (a.key === b.key) return true;
  // Replies at column 0 (no prefix at all) pair with commands behind a bare marker (`-> USER`, `--> PASS`).
  if (a.tokens.length === 0 || b.tokens.length === 0) return a.tokens.length + b.tokens.length <= MAX_MARKER;
  const x = a.tokens;
  const y = b.tokens;
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const midX = x.length - head - tail;
  const midY = y.length - head - tail;
  // One side may have no marker at all (edtFTP logs `: ---> USER` and `: 331 ...`).
  return midX + midY > 0 && midX <= MAX_MARKER && midY <= MAX_MARKER && head + tail > 0;
}

/** Runs a direction marker may take: `SERVER -> CLIENT:` against `CLIENT -> SERVER:` is five. */
const MAX_MARKER = 5;
