// Per-line scan results packed into five 32-bit words per line. A log of 200k
// lines would otherwise keep 200k small objects alive, and on a fresh heap
// every megabyte of results costs page faults: the packing keeps a scan's
// memory close to the text's own.
//
// A row usually needs two columns besides its flags: where its payload starts
// (the code or the verb) and where it ends; the other spans follow from the
// shapes of RFC 959 (`NNN text`, `VERB arg`). Rows that do not fit (a command
// and its reply on one IIS line) keep their spans in a side table.

import type { LineKind, LineResult, Span } from '../model';
import { FAMILIES, type FamilyId } from '../families';
import { clearRow, newRow, type Row } from './row';
import { ownText } from '../ownText';

const FAMILY_INDEX = new Map<FamilyId, number>(FAMILIES.map((f, i) => [f, i]));
let lastFamily: FamilyId | undefined;
let lastFamilyIndex = -1;

/** Index of `family` in FAMILIES, -1 for none (consecutive lines mostly share one: skip the lookup). */
export function familyIndex(family: FamilyId | undefined): number {
  if (family === lastFamily) return lastFamilyIndex;
  lastFamily = family;
  lastFamilyIndex = family === undefined ? -1 : FAMILY_INDEX.get(family)!;
  return lastFamilyIndex;
}

// Word 0 of a row, bit by bit.
const KIND_MASK = 0x7;
const FAMILY_SHIFT = 3; // 6 bits: family index + 1
const FAMILY_MASK = 63;
const CLOSES = 1 << 9;
/** The line carries a reply code: its value is in VALUE, its digits start at P0. */
const CODE = 1 << 10;
/** A continuation line: the block's code is in VALUE. */
const BLOCK = 1 << 11;
/** Reply text from P0 (or after the code) to P1. */
const TEXT = 1 << 12;
/** A command argument from one past the verb to P1. */
const ARG = 1 << 13;
/** Spans live in the side table; P0 is the entry's index. */
const EXT = 1 << 14;
const VALUE_SHIFT = 15; // 10 bits: a code or block code, 0-1023
const VALUE_MAX = 1023;
const VERB_SHIFT = 25; // 7 bits: interned verb, 0 for none
const VERB_MAX = 127;

const enum W {
  Meta, Session, P0, P1, EndState,
  /** What the line tells about the prefix shape of a generic log (see scan/generic): 0 when not read yet. */
  Evidence,
}
const STRIDE = 6;

const enum X {
  CodeStart, TextStart, TextEnd, BlockCode, Verb, VerbStart, VerbEnd, ArgStart, ArgEnd,
}
const X_STRIDE = 9;

if (FAMILIES.length > FAMILY_MASK - 1) throw new Error('lineStore: too many families for six bits');

/** Interns strings (sessions, verbs) as small integers; 0 stands for "none". */
class Interner {
  private readonly ids = new Map<string, number>();
  private readonly values: (string | undefined)[] = [undefined];
  private lastValue: string | undefined;
  private lastId = 0;
  id(value: string | undefined): number {
    if (value === undefined) return 0;
    // Consecutive lines mostly repeat the same string object: skip the hash lookup.
    if (value === this.lastValue) return this.lastId;
    let id = this.ids.get(value);
    if (id === undefined) {
      // Kept for as long as the store: a copy, not a piece of the line (see ownText).
      value = ownText(value);
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    this.lastValue = value;
    this.lastId = id;
    return id;
  }
  value(id: number): string | undefined {
    return this.values[id];
  }

  get size(): number {
    return this.values.length - 1;
  }
}

/** Side-table entries for rows whose spans do not follow the usual shapes; freed slots are reused. */
class Extras {
  cols = new Int32Array(16 * X_STRIDE);
  private used = 0;
  private readonly free: number[] = [];

  alloc(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if ((this.used + 1) * X_STRIDE > this.cols.length) {
      const next = new Int32Array(this.cols.length * 2);
      next.set(this.cols);
      this.cols = next;
    }
    return this.used++;
  }

  release(entry: number): void {
    this.free.push(entry);
  }
}

export class LineStore {
  private cols: Int32Array;
  private count = 0;
  private readonly sessions = new Interner();
  private readonly verbs = new Interner();
  private readonly extras = new Extras();
  private readonly scratch = newRow();

  constructor(capacity: number) {
    this.cols = new Int32Array(Math.max(16, capacity) * STRIDE);
  }

  get length(): number {
    return this.count;
  }

  /** Distinct sessions interned so far (they are never forgotten: see WindowSource). */
  get internedSessions(): number {
    return this.sessions.size;
  }

  private ensure(rows: number): void {
    if (rows * STRIDE <= this.cols.length) return;
    const next = new Int32Array(Math.max(rows, Math.ceil(this.cols.length / STRIDE) * 2) * STRIDE);
    next.set(this.cols.subarray(0, this.count * STRIDE));
    this.cols = next;
  }

  /** Makes room: rows [start, start+deleteCount) are replaced by `insertCount` unset rows. */
  splice(start: number, deleteCount: number, insertCount: number): void {
    for (let i = start; i < start + deleteCount; i++) this.releaseExtra(i);
    const delta = insertCount - deleteCount;
    this.ensure(this.count + delta);
    const from = (start + deleteCount) * STRIDE;
    this.cols.copyWithin(from + delta * STRIDE, from, this.count * STRIDE);
    // The gap holds copies of moved rows: clear it so no row there claims a side-table entry.
    this.cols.fill(0, start * STRIDE, (start + insertCount) * STRIDE);
    this.count += delta;
  }

  private releaseExtra(i: number): void {
    const o = i * STRIDE;
    if (this.cols[o + W.Meta] & EXT) {
      this.extras.release(this.cols[o + W.P0]);
      this.cols[o + W.Meta] = 0;
    }
  }

  /** Appends or overwrites row `i` (i ≤ length). */
  set(i: number, r: Row): void {
    if (i >= this.count) {
      this.ensure(i + 1);
      this.count = i + 1;
      // A row past the old end may hold what a longer store left there.
      this.cols[i * STRIDE + W.Evidence] = 0;
    } else {
      this.releaseExtra(i);
    }
    const c = this.cols;
    const o = i * STRIDE;
    c[o + W.Session] = this.sessions.id(r.session);
    const verb = this.verbs.id(r.verb);
    let meta = r.kind | ((familyIndex(r.family) + 1) << FAMILY_SHIFT) | (r.closes ? CLOSES : 0);
    // The value field holds the code, or the block code of a continuation (equal when both are set).
    const value = r.code >= 0 ? r.code : r.blockCode;
    if (r.code >= 0) meta |= CODE;
    if (r.blockCode >= 0) meta |= BLOCK;
    let fits = value <= VALUE_MAX && verb <= VERB_MAX && (r.blockCode < 0 || r.code < 0 || r.blockCode === r.code);
    let p0 = -1;
    let p1 = -1;
    if (fits && r.code >= 0) {
      // `NNN text`: the text starts after the code and its separator.
      p0 = r.codeStart;
      if (r.textStart >= 0) {
        meta |= TEXT;
        p1 = r.textEnd;
        fits = r.textStart === Math.min(p0 + 4, p1);
      }
      fits = fits && r.verb === undefined && r.argStart < 0;
    } else if (fits && r.verb !== undefined) {
      // `VERB arg`: the argument starts one past the verb.
      p0 = r.verbStart;
      const verbEnd = p0 + r.verb.length;
      fits = r.verbEnd === verbEnd && r.textStart < 0;
      if (r.argStart >= 0) {
        meta |= ARG;
        p1 = r.argEnd;
        fits = fits && r.argStart === verbEnd + 1;
      }
    } else if (fits && r.textStart >= 0) {
      meta |= TEXT;
      p0 = r.textStart;
      p1 = r.textEnd;
      fits = r.verbStart < 0 && r.argStart < 0;
    } else {
      fits = fits && r.textStart < 0 && r.verbStart < 0 && r.argStart < 0;
    }
    if (fits) {
      c[o + W.Meta] = meta | (value > 0 ? value << VALUE_SHIFT : 0) | (verb << VERB_SHIFT);
      c[o + W.P0] = p0;
      c[o + W.P1] = p1;
      return;
    }
    const e = this.extras.alloc();
    const x = this.extras.cols;
    const q = e * X_STRIDE;
    x[q + X.CodeStart] = r.codeStart;
    x[q + X.TextStart] = r.textStart;
    x[q + X.TextEnd] = r.textEnd;
    x[q + X.BlockCode] = r.blockCode;
    x[q + X.Verb] = verb;
    x[q + X.VerbStart] = r.verbStart;
    x[q + X.VerbEnd] = r.verbEnd;
    x[q + X.ArgStart] = r.argStart;
    x[q + X.ArgEnd] = r.argEnd;
    // Codes always stay in the word itself so that `code(i)` never looks aside.
    c[o + W.Meta] = (meta & ~(BLOCK | TEXT | ARG)) | EXT | (r.code >= 0 ? r.code << VALUE_SHIFT : 0);
    c[o + W.P0] = e;
    c[o + W.P1] = -1;
  }

  /** The id of the scan state after line `i` (see StateTable). */
  endState(i: number): number {
    return this.cols[i * STRIDE + W.EndState];
  }

  setEndState(i: number, id: number): void {
    this.cols[i * STRIDE + W.EndState] = id;
  }

  /** The evidence id kept for line `i` (0: not read yet); `set` leaves it alone, `splice` clears it. */
  evidence(i: number): number {
    return this.cols[i * STRIDE + W.Evidence];
  }

  setEvidence(i: number, id: number): void {
    this.cols[i * STRIDE + W.Evidence] = id;
  }

  kind(i: number): LineKind {
    return (this.cols[i * STRIDE + W.Meta] & KIND_MASK) as LineKind;
  }

  /** The reply code on line `i`, or -1. */
  code(i: number): number {
    const m = this.cols[i * STRIDE + W.Meta];
    return m & CODE ? (m >>> VALUE_SHIFT) & VALUE_MAX : -1;
  }

  /** The code of the block a continuation line `i` belongs to, or -1. */
  blockCode(i: number): number {
    const m = this.cols[i * STRIDE + W.Meta];
    if (m & BLOCK) return (m >>> VALUE_SHIFT) & VALUE_MAX;
    return m & EXT ? this.extras.cols[this.cols[i * STRIDE + W.P0] * X_STRIDE + X.BlockCode] : -1;
  }

  /** Session as a small integer: equal ids mean the same session (0: none). */
  sessionId(i: number): number {
    return this.cols[i * STRIDE + W.Session];
  }

  familyIndex(i: number): number {
    return ((this.cols[i * STRIDE + W.Meta] >>> FAMILY_SHIFT) & FAMILY_MASK) - 1;
  }

  family(i: number): FamilyId | undefined {
    const f = this.familyIndex(i);
    return f < 0 ? undefined : FAMILIES[f];
  }

  /** Decodes row `i` into `r` (a scratch row: reading allocates nothing). */
  read(i: number, r: Row): Row {
    const o = i * STRIDE;
    const m = this.cols[o + W.Meta];
    const family = this.familyIndex(i);
    clearRow(r, (m & KIND_MASK) as LineKind, family < 0 ? undefined : FAMILIES[family], this.sessions.value(this.cols[o + W.Session]));
    r.closes = (m & CLOSES) !== 0;
    if (m & CODE) r.code = (m >>> VALUE_SHIFT) & VALUE_MAX;
    if (m & EXT) {
      const x = this.extras.cols;
      const q = this.cols[o + W.P0] * X_STRIDE;
      r.codeStart = x[q + X.CodeStart];
      r.textStart = x[q + X.TextStart];
      r.textEnd = x[q + X.TextEnd];
      r.blockCode = x[q + X.BlockCode];
      r.verb = this.verbs.value(x[q + X.Verb]);
      r.verbStart = x[q + X.VerbStart];
      r.verbEnd = x[q + X.VerbEnd];
      r.argStart = x[q + X.ArgStart];
      r.argEnd = x[q + X.ArgEnd];
      return r;
    }
    const p0 = this.cols[o + W.P0];
    const p1 = this.cols[o + W.P1];
    if (m & CODE) r.codeStart = p0;
    if (m & BLOCK) r.blockCode = (m >>> VALUE_SHIFT) & VALUE_MAX;
    if (m & TEXT) {
      r.textStart = m & CODE ? Math.min(p0 + 4, p1) : p0;
      r.textEnd = p1;
    }
    const verb = this.verbs.value(m >>> VERB_SHIFT);
    if (verb !== undefined) {
      r.verb = verb;
      r.verbStart = p0;
      r.verbEnd = p0 + verb.length;
      if (m & ARG) {
        r.argStart = r.verbEnd + 1;
        r.argEnd = p1;
      }
    }
    return r;
  }

  /** The row as the model's LineResult object (built on demand). */
  result(i: number): LineResult {
    const r = this.read(i, this.scratch);
    const out: { -readonly [K in keyof LineResult]: LineResult[K] } = { kind: r.kind };
    if (r.family !== undefined) out.family = r.family;
    if (r.session !== undefined) out.session = r.session;
    if (r.code >= 0) out.code = r.code;
    if (r.codeStart >= 0) out.codeSpan = span(r.codeStart, r.codeStart + 3);
    if (r.textStart >= 0) out.textSpan = span(r.textStart, r.textEnd);
    if (r.blockCode >= 0) out.blockCode = r.blockCode;
    if (r.closes) out.closes = true;
    if (r.verb !== undefined) out.verb = r.verb;
    if (r.verbStart >= 0) out.verbSpan = span(r.verbStart, r.verbEnd);
    if (r.argStart >= 0) out.argSpan = span(r.argStart, r.argEnd);
    return out;
  }
}

function span(start: number, end: number): Span {
  return { start, end };
}

/**
 * Scan states by small integer id. States change only where a multi-line reply
 * opens or closes (or an IIS header appears), so most lines share the id of
 * the line before; a plain array of 200k state references would cost more.
 */
export class StateTable<S> {
  private readonly states: S[] = [];
  private last: S | undefined;
  private lastId = -1;

  id(state: S): number {
    if (state !== this.last) {
      this.last = state;
      this.lastId = this.states.length;
      this.states.push(state);
    }
    return this.lastId;
  }

  get(id: number): S {
    return this.states[id];
  }

  /** How many states the table holds. */
  get size(): number {
    return this.states.length;
  }
}
