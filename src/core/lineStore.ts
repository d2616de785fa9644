// Per-line scan results in flat typed columns. A log of 200k lines would
// otherwise keep 200k small objects alive (and several spans each), and the
// garbage collector would cost more than the scan itself.

import { LineKind, type FamilyId, type LineResult } from './model';

export const FAMILIES: readonly FamilyId[] = [
  'raw', 'curl', 'lftp', 'ftplib', 'windows-ftp', 'winscp', 'filezilla', 'filezilla-server-legacy', 'filezilla-server',
  'vsftpd', 'xferlog', 'proftpd', 'proftpd-extlog', 'pure-ftpd', 'iis', 'pyftpdlib', 'commons-net',
];
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

/** What the scanner writes for one line; reused for every line. */
export interface Row {
  kind: LineKind;
  family: FamilyId | undefined;
  session: string | undefined;
  code: number;
  codeStart: number;
  textStart: number;
  textEnd: number;
  blockCode: number;
  closes: boolean;
  verb: string | undefined;
  verbStart: number;
  verbEnd: number;
  argStart: number;
  argEnd: number;
}

export function newRow(): Row {
  return { kind: LineKind.Other, family: undefined, session: undefined, code: -1, codeStart: -1, textStart: -1, textEnd: -1, blockCode: -1, closes: false, verb: undefined, verbStart: -1, verbEnd: -1, argStart: -1, argEnd: -1 };
}

export function clearRow(r: Row, kind: LineKind, family: FamilyId | undefined, session: string | undefined): Row {
  r.kind = kind;
  r.family = family;
  r.session = session;
  r.code = r.codeStart = r.textStart = r.textEnd = r.blockCode = -1;
  r.closes = false;
  r.verb = undefined;
  r.verbStart = r.verbEnd = r.argStart = r.argEnd = -1;
  return r;
}

/** Copies a result built as an object (by the one-line-exchange recognisers) into `r`. */
export function rowFromResult(r: Row, x: LineResult): Row {
  clearRow(r, x.kind, x.family, x.session);
  if (x.code !== undefined) r.code = x.code;
  if (x.codeSpan) r.codeStart = x.codeSpan.start;
  if (x.textSpan) {
    r.textStart = x.textSpan.start;
    r.textEnd = x.textSpan.end;
  }
  if (x.verb !== undefined) r.verb = x.verb;
  if (x.verbSpan) {
    r.verbStart = x.verbSpan.start;
    r.verbEnd = x.verbSpan.end;
  }
  if (x.argSpan) {
    r.argStart = x.argSpan.start;
    r.argEnd = x.argSpan.end;
  }
  return r;
}

const enum Col {
  Kind, Family, Session, Code, CodeStart, TextStart, TextEnd, BlockCode, Closes, Verb, VerbStart, VerbEnd, ArgStart, ArgEnd, EndState,
}
const STRIDE = 15;

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
}

export class LineStore {
  private cols: Int32Array;
  private count = 0;
  private readonly sessions = new Interner();
  private readonly verbs = new Interner();

  constructor(capacity: number) {
    this.cols = new Int32Array(Math.max(16, capacity) * STRIDE);
  }

  get length(): number {
    return this.count;
  }

  private ensure(rows: number): void {
    if (rows * STRIDE <= this.cols.length) return;
    const next = new Int32Array(Math.max(rows, Math.ceil(this.cols.length / STRIDE) * 2) * STRIDE);
    next.set(this.cols.subarray(0, this.count * STRIDE));
    this.cols = next;
  }

  /** Makes room: rows [start, start+deleteCount) are replaced by `insertCount` unset rows. */
  splice(start: number, deleteCount: number, insertCount: number): void {
    const delta = insertCount - deleteCount;
    this.ensure(this.count + delta);
    const from = (start + deleteCount) * STRIDE;
    this.cols.copyWithin(from + delta * STRIDE, from, this.count * STRIDE);
    this.count += delta;
  }

  /** Appends or overwrites row `i` (i ≤ length). */
  set(i: number, r: Row): void {
    if (i >= this.count) {
      this.ensure(i + 1);
      this.count = i + 1;
    }
    const c = this.cols;
    const o = i * STRIDE;
    c[o + Col.Kind] = r.kind;
    c[o + Col.Family] = familyIndex(r.family);
    c[o + Col.Session] = this.sessions.id(r.session);
    c[o + Col.Code] = r.code;
    c[o + Col.CodeStart] = r.codeStart;
    c[o + Col.TextStart] = r.textStart;
    c[o + Col.TextEnd] = r.textEnd;
    c[o + Col.BlockCode] = r.blockCode;
    c[o + Col.Closes] = r.closes ? 1 : 0;
    c[o + Col.Verb] = this.verbs.id(r.verb);
    c[o + Col.VerbStart] = r.verbStart;
    c[o + Col.VerbEnd] = r.verbEnd;
    c[o + Col.ArgStart] = r.argStart;
    c[o + Col.ArgEnd] = r.argEnd;
  }

  /** The id of the scan state after line `i` (see StateTable). */
  endState(i: number): number {
    return this.cols[i * STRIDE + Col.EndState];
  }

  setEndState(i: number, id: number): void {
    this.cols[i * STRIDE + Col.EndState] = id;
  }

  kind(i: number): LineKind {
    return this.cols[i * STRIDE + Col.Kind];
  }

  code(i: number): number {
    return this.cols[i * STRIDE + Col.Code];
  }

  /** Session as a small integer: equal ids mean the same session (0: none). */
  sessionId(i: number): number {
    return this.cols[i * STRIDE + Col.Session];
  }

  familyIndex(i: number): number {
    return this.cols[i * STRIDE + Col.Family];
  }

  family(i: number): FamilyId | undefined {
    const f = this.cols[i * STRIDE + Col.Family];
    return f < 0 ? undefined : FAMILIES[f];
  }

  /** The row as the model's LineResult object (built on demand). */
  result(i: number): LineResult {
    const c = this.cols;
    const o = i * STRIDE;
    const code = c[o + Col.Code];
    const codeStart = c[o + Col.CodeStart];
    const textStart = c[o + Col.TextStart];
    const verbStart = c[o + Col.VerbStart];
    const argStart = c[o + Col.ArgStart];
    const blockCode = c[o + Col.BlockCode];
    const out: { -readonly [K in keyof LineResult]: LineResult[K] } = { kind: c[o + Col.Kind] };
    const family = this.family(i);
    if (family !== undefined) out.family = family;
    const session = this.sessions.value(c[o + Col.Session]);
    if (session !== undefined) out.session = session;
    if (code >= 0) out.code = code;
    if (codeStart >= 0) out.codeSpan = { start: codeStart, end: codeStart + 3 };
    if (textStart >= 0) out.textSpan = { start: textStart, end: c[o + Col.TextEnd] };
    if (blockCode >= 0) out.blockCode = blockCode;
    if (c[o + Col.Closes]) out.closes = true;
    const verb = this.verbs.value(c[o + Col.Verb]);
    if (verb !== undefined) out.verb = verb;
    if (verbStart >= 0) out.verbSpan = { start: verbStart, end: c[o + Col.VerbEnd] };
    if (argStart >= 0) out.argSpan = { start: argStart, end: c[o + Col.ArgEnd] };
    return out;
  }
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
}
