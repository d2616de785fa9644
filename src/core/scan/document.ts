// A scanned log that can be edited: per-line results and end states, updated
// incrementally by re-scanning from the first changed line until the end
// state matches what was there before.

import type { LineKind, LineResult } from '../model';
import { LineStore, StateTable } from './lineStore';
import { Scanner } from './scanner';
import { INITIAL_STATE, sameState, type IisLayout, type ScanState } from './state';
import { LineTexts } from './lineTexts';
import { FamilyTally } from './tally';
import { HEAD_LINES, headLength, inHead } from './head';
import { detectFromTally, type Detected } from './detect';
import { SessionServers } from '../query/sessionServer';
import { serverOfFamily } from '../families';
import type { Row } from './row';
import type { LineSource } from './lineSource';
import { EvidenceTable, NO_EVIDENCE, type Candidate } from './generic/evidence';
import { decideDialect, DialectLearner, type Dialect } from './generic/dialect';

/** Distinct evidence kept before the table is rebuilt from the learning lines (edits add entries). */
const EVIDENCE_LIMIT = 65536;


/** Lines the first read goes on for in one call of `load` (about 4 ms): a slice of an editor's reading. */
export const LOAD_STEP_LINES = 1000;
/** Lines of the first call of `load`; each later call reads twice as many, up to HEAD_STEP_LINES while the head is read (and read again), LOAD_STEP_LINES after. */
const FIRST_STEP_LINES = 50;
const HEAD_STEP_LINES = 200;
/** The budget of a read that is not in steps (a document made from its whole text). */
const ALL_AT_ONCE = Number.MAX_SAFE_INTEGER;

/** How far the first read of a document has come. */
interface Loader {
  scanner: Scanner;
  /** Lines whose text is in. */
  texts: number;
  /** Lines read (their rows set). */
  rows: number;
  /** Characters of the head read so far, and whether the head is complete (and where it ends). */
  headChars: number;
  learned: boolean;
  head: number;
  /** While the head is read again under a dialect just learned: the next line of it to read. */
  reread: number | undefined;
  /** What the head's lines told so far of client prefixes (see generic/dialect.ts). */
  learner: DialectLearner;
  /** Calls of `load` so far. */
  steps: number;
}

function newLoader(texts: number, evidence: EvidenceTable): Loader {
  return { scanner: new Scanner(), texts, rows: 0, headChars: 0, learned: false, head: 0, reread: undefined, learner: new DialectLearner(evidence), steps: 0 };
}

/** Lines an edit re-scans before it returns: about 10 ms; the rest of a long re-scan goes on in `continueRescan`. */
export const SYNC_RESCAN_LINES = 20000;
/** Changes remembered for `changedSince`: a query further behind than this starts over. */
const CHANGES_KEPT = 64;
/** Scan states kept before the table may be rebuilt (see compactStates). */
const STATE_COMPACT_MIN = 4096;

/** A re-scan still to do: from `from`, stopping where the end state converges, but not before `noConvergeBefore`. */
interface Pending {
  from: number;
  /** Lines before this were inserted or changed: their stored states say nothing. */
  noConvergeBefore: number;
  /** False when every line must be read anew (the client prefixes changed). */
  converge: boolean;
}

/** `p` after lines [start, start + deleted) became `inserted` lines. */
function shiftedPending(p: Pending, start: number, deleted: number, inserted: number): Pending {
  const at = (x: number): number => (x >= start + deleted ? x - deleted + inserted : Math.min(x, start));
  return { from: at(p.from), noConvergeBefore: Math.max(at(p.noConvergeBefore), p.from >= start ? start + inserted : 0), converge: p.converge };
}

/** The lines an update re-scanned, in the document after the update. */
export interface ChangedLines {
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

export class LogDocument implements LineSource {
  private texts: LineTexts;
  private results: LineStore;
  private states = new StateTable<ScanState>();
  /** A re-scan an edit left for later: lines from `from` on may hold what they held before it. */
  private pending: Pending | undefined;
  /** Bumped by every change to lines or rows: what the cached answers below are checked against. */
  private version = 0;
  /** The last changes: the revision each made and the first line it touched. */
  private readonly changes: { version: number; from: number }[] = [];
  private cachedHead = { version: -1, count: 0, length: 0 };
  private cachedFamily: { version: number; head: number; family: Detected } = { version: -1, head: -1, family: 'none' };
  /** The first read of the lines: how far it has come (see `advance`); undefined once every line is read. */
  private loader: Loader | undefined;

  /** The client prefixes learned from the head (see head.ts); undefined when it proves none. */
  private dialectOf: Dialect | undefined;
  private evidence = new EvidenceTable();
  /** Servers named by sessions' greetings, built on first use after each change. */
  private servers: SessionServers | undefined;

  constructor(text: string | string[]) {
    this.texts = typeof text === 'string' ? LineTexts.fromText(text) : LineTexts.fromLines(text);
    this.results = new LineStore(this.texts.length);
    this.loader = newLoader(this.texts.length, this.evidence);
    this.advance(ALL_AT_ONCE);
  }

  /**
   * A document of `lineCount` lines that are read into it chunk by chunk with
   * `load`: an editor's document, read in slices. It answers nothing until
   * `load` has returned true. Its line array and results are sized once, up
   * front: grown chunk by chunk, they reallocated megabytes at a time on a
   * large log, inside the slices that were meant to stay short.
   */
  static loading(lineCount: number): LogDocument {
    const doc = new LogDocument([]);
    doc.texts = LineTexts.blank(lineCount);
    doc.results = new LineStore(lineCount);
    doc.loader = newLoader(0, doc.evidence);
    return doc;
  }

  /** How many lines `load` has been given so far, of a document made by `loading`. */
  get linesLoaded(): number {
    return this.loader ? this.loader.texts : this.lineCount;
  }

  /**
   * Takes the next lines of a document made by `loading` and reads on, at most
   * LOAD_STEP_LINES lines a call; true once every line is read. Once every
   * line is given, call it with none until it returns true.
   */
  load(lines: readonly string[]): boolean {
    const loader = this.loader;
    if (!loader) return true;
    const texts = this.texts.array();
    const to = Math.min(texts.length, loader.texts + lines.length);
    for (let i = loader.texts; i < to; i++) texts[i] = lines[i - loader.texts];
    loader.texts = to;
    // The head's steps run cold (the scanner's code still being compiled, which costs the host's
    // other threads as much again): they start small, double, and stay small until the head is
    // read, and read again under the dialect it proved.
    const inHeadStill = !loader.learned || loader.reread !== undefined;
    const budget = Math.min(inHeadStill ? HEAD_STEP_LINES : LOAD_STEP_LINES, FIRST_STEP_LINES << Math.min(loader.steps++, 16));
    return this.advance(budget);
  }

  /** The learned client prefixes (what the generic family reads), if any. */
  get dialect(): Dialect | undefined {
    return this.dialectOf;
  }

  /**
   * The first read, for up to `budget` lines: the head line by line with what
   * each tells of client prefixes; once the head is all in, the dialect is
   * decided and, if there is one, the head is read again under it; then the
   * rest. True once every line is read.
   */
  private advance(budget: number): boolean {
    const loader = this.loader!;
    const given = budget;
    const stepped = budget !== ALL_AT_ONCE;
    this.changed();
    const store = this.results;
    for (; budget > 0; budget--) {
      if (loader.reread !== undefined) {
        // Reading the head again under the dialect just learned.
        const i = loader.reread++;
        store.set(i, loader.scanner.next(this.texts.get(i)));
        store.setEndState(i, this.states.id(loader.scanner.state));
        if (loader.reread === loader.head) loader.reread = undefined;
        continue;
      }
      const i = loader.rows;
      if (!loader.learned && (i === this.lineCount || (i < loader.texts && !inHead(i, loader.headChars)))) {
        // The decision runs once, cold, and costs about a step: a read in steps gives it one of its own.
        if (stepped && budget < given) break;
        loader.learned = true;
        loader.head = i;
        // The learner has seen every head line in order (unless the evidence table had to be rebuilt).
        this.dialectOf = this.evidence.size > EVIDENCE_LIMIT ? this.decideDialect() : loader.learner.decide();
        if (this.dialectOf && i > 0) {
          loader.scanner = new Scanner(INITIAL_STATE, this.dialectOf);
          loader.reread = 0;
        }
        if (stepped) break;
        continue;
      }
      if (i >= loader.texts) break;
      const text = this.texts.get(i);
      if (!loader.learned) {
        loader.headChars += text.length;
        // What each head line tells of client prefixes, read with the line: deciding costs no pass of its own.
        const evidence = this.evidence.of(text);
        store.setEvidence(i, evidence);
        if (evidence !== NO_EVIDENCE) loader.learner.add(this.evidence.candidates(evidence));
      }
      store.set(i, loader.scanner.next(text));
      store.setEndState(i, this.states.id(loader.scanner.state));
      loader.rows++;
    }
    if (loader.rows < this.lineCount || loader.reread !== undefined || !loader.learned) return false;
    this.loader = undefined;
    return true;
  }

  /**
   * Forgets every answer computed from the lines as they were, and notes that
   * rows from line `from` on may have changed (for the queries that keep
   * answers of their own and catch up from there: see `changedSince`).
   */
  private changed(from = 0): void {
    this.version++;
    // What the lines before `from` named stays: an edit in the middle does not re-read the top.
    this.servers?.forgetFrom(from);
    this.changes.push({ version: this.version, from });
    if (this.changes.length > CHANGES_KEPT) this.changes.shift();
  }

  /** Counts every change to the lines or their rows: what a query's cached answer is checked against. */
  get revision(): number {
    return this.version;
  }

  /**
   * The first line whose text or row may differ from what it was at
   * `revision`: lines before it are as they were (`lineCount` when nothing changed).
   */
  changedSince(revision: number): number {
    if (revision === this.version) return this.lineCount;
    const oldest = this.changes[0];
    if (!oldest || revision < oldest.version - 1) return 0;
    let from = this.lineCount;
    for (const c of this.changes) if (c.version > revision) from = Math.min(from, c.from);
    return from;
  }

  /** How many lines form the head (see head.ts). */
  get headLines(): number {
    const cached = this.cachedHead;
    if (cached.version !== this.version) {
      // A head that a bound ended (not the last line) depends only on its own lines' lengths.
      const count = this.results.length;
      const same = cached.version >= 0 && cached.length < cached.count && cached.length < count && this.changedSince(cached.version) >= cached.length;
      this.cachedHead = { version: this.version, count, length: same ? cached.length : headLength(count, (i) => this.texts.get(i).length) };
    }
    return this.cachedHead.length;
  }

  /** The dialect the learning lines prove: their evidence (a function of each line's text alone), in order. */
  private decideDialect(): Dialect | undefined {
    if (this.evidence.size > EVIDENCE_LIMIT) {
      this.evidence = new EvidenceTable();
      for (let i = 0; i < this.results.length; i++) this.results.setEvidence(i, 0);
    }
    const window = this.headLines;
    const store = this.results;
    const table = this.evidence;
    const texts = this.texts;
    function* candidates(): Generator<readonly Candidate[]> {
      for (let i = 0; i < window; i++) {
        let id = store.evidence(i);
        if (id === 0) {
          id = table.of(texts.get(i));
          store.setEvidence(i, id);
        }
        if (id !== NO_EVIDENCE) yield table.candidates(id);
      }
    }
    return decideDialect(candidates(), table);
  }

  get lineCount(): number {
    return this.texts.length;
  }

  lineText(line: number): string {
    return this.texts.get(line);
  }

  lineResult(line: number): LineResult {
    return this.results.result(line);
  }

  rowOf(line: number, into: Row): Row {
    return this.results.read(line, into);
  }

  kindOf(line: number): LineKind {
    return this.results.kind(line);
  }

  codeOf(line: number): number {
    return this.results.code(line);
  }

  sessionOf(line: number): number {
    return this.results.sessionId(line);
  }

  blockCodeOf(line: number): number {
    return this.results.blockCode(line);
  }

  /** The IIS `#Fields:` layout in force on `line` (from the header above it), if any. */
  iisLayoutAt(line: number): IisLayout | undefined {
    if (line <= 0 || line > this.results.length) return undefined;
    return this.states.get(this.results.endState(line - 1)).iis;
  }

  serverFor(line: number): string | undefined {
    this.servers ??= new SessionServers(this);
    return this.servers.at(line, this.sessionOf(line)) ?? serverOfFamily(this.family);
  }

  /** The detected log family, or `none` when nothing in the document is FTP. */
  get family(): Detected {
    const cached = this.cachedFamily;
    if (cached.version !== this.version) {
      // The family is the head's: an edit past the head keeps it.
      const head = this.headLines;
      const same = cached.head === head && this.changedSince(cached.version) >= head;
      this.cachedFamily = { version: this.version, head, family: same ? cached.family : detectFromTally(this.headTally()) };
    }
    return this.cachedFamily.family;
  }

  /** The evidence of the head's lines (see head.ts). */
  private headTally(): FamilyTally {
    const tally = new FamilyTally();
    const store = this.results;
    for (let i = 0; i < this.headLines; i++) {
      tally.countText(this.texts.get(i));
      tally.add(store.kind(i), store.familyIndex(i));
    }
    return tally;
  }

  /**
   * Replaces `deleteCount` lines at `start` by `insert` and re-scans the
   * changed region. Returns the lines whose results may have changed.
   */
  replaceLines(start: number, deleteCount: number, insert: readonly string[], budget = SYNC_RESCAN_LINES): ChangedLines {
    this.changed(Math.max(0, start));
    let lines = this.texts.array();
    start = Math.max(0, Math.min(start, lines.length));
    deleteCount = Math.max(0, Math.min(deleteCount, lines.length - start));
    const store = this.results;
    if (deleteCount === insert.length) {
      // Rows stay until the re-scan reads their new text.
      for (let i = 0; i < insert.length; i++) {
        lines[start + i] = insert[i];
        store.setEvidence(start + i, 0);
      }
    } else {
      lines = spliced(lines, start, deleteCount, insert);
      this.texts.setArray(lines);
      store.splice(start, deleteCount, insert.length);
    }
    const insertedEnd = start + insert.length;
    const pending = this.pending && shiftedPending(this.pending, start, deleteCount, insert.length);
    let changed: ChangedLines;
    if (pending && start >= pending.from) {
      // The edit falls where the re-scan still has to go: it reads the new lines when it gets there.
      pending.noConvergeBefore = Math.max(pending.noConvergeBefore, insertedEnd);
      this.pending = pending;
      changed = { from: start, to: insertedEnd };
    } else {
      changed = this.rescanFrom({ from: start, noConvergeBefore: insertedEnd, converge: true }, pending, budget);
    }
    // An edit among the learning lines may prove other client prefixes: then every line reads anew.
    if (start < HEAD_LINES) {
      const dialect = this.decideDialect();
      if ((dialect?.key ?? '') !== (this.dialectOf?.key ?? '')) {
        this.dialectOf = dialect;
        this.pending = undefined;
        this.changed(0);
        return this.rescanFrom({ from: 0, noConvergeBefore: lines.length, converge: false }, undefined, budget);
      }
    }
    return changed;
  }

  /** True while an edit's re-scan has not reached the lines it changes (see `continueRescan`). */
  get rescanPending(): boolean {
    return this.pending !== undefined;
  }

  /** Goes on with a pending re-scan for up to `budget` lines; returns the lines it re-read. */
  continueRescan(budget = SYNC_RESCAN_LINES): ChangedLines {
    const pending = this.pending;
    if (!pending) return { from: 0, to: 0 };
    this.pending = undefined;
    return this.rescanFrom(pending, undefined, budget);
  }

  /** Finishes every pending re-scan at once (the command line and tests; an editor goes on in slices). */
  settle(): void {
    while (this.pending) this.continueRescan(Number.MAX_SAFE_INTEGER);
  }

  /**
   * Re-scans from `run.from` until the end state equals the one stored (past
   * `run.noConvergeBefore`, and unless `run.converge` is false), or `budget`
   * lines are read: then the rest stays pending. `ahead` is a pending re-scan
   * further down that this one may reach and take over.
   */
  private rescanFrom(run: Pending, ahead: Pending | undefined, budget: number): ChangedLines {
    this.changed(run.from);
    const store = this.results;
    const lines = this.texts.array();
    const scanner = new Scanner(run.from > 0 ? this.states.get(store.endState(run.from - 1)) : INITIAL_STATE, this.dialectOf);
    let { noConvergeBefore, converge } = run;
    let i = run.from;
    for (; i < lines.length; i++) {
      if (ahead && i >= ahead.from) {
        // The re-scan runs into the one pending further down: from here on, its rules hold too.
        noConvergeBefore = Math.max(noConvergeBefore, ahead.noConvergeBefore);
        converge = converge && ahead.converge;
        ahead = undefined;
      }
      if (i - run.from >= budget) {
        // Stopping short of the pending re-scan further down: one pending re-scan covers both, and it may not
        // converge before that one's start (the lines there were read from a state that no longer holds).
        this.pending = ahead
          ? { from: i, noConvergeBefore: Math.max(noConvergeBefore, ahead.from, ahead.noConvergeBefore), converge: converge && ahead.converge }
          : { from: i, noConvergeBefore, converge };
        this.compactStates();
        return { from: run.from, to: i };
      }
      const oldState = this.states.get(store.endState(i));
      const row = scanner.next(lines[i]);
      store.set(i, row);
      store.setEndState(i, this.states.id(scanner.state));
      // Past the changed lines, an unchanged end state means every later line scans as before.
      if (converge && i >= noConvergeBefore && sameState(oldState, scanner.state)) {
        i++;
        break;
      }
    }
    this.pending = ahead;
    this.compactStates();
    return { from: run.from, to: Math.max(i, run.noConvergeBefore) };
  }

  /**
   * Edits add scan states and never take one back: once there are far more
   * than the lines can use, the table is rebuilt from the states the lines
   * hold, so a long editing session keeps the memory of its document alone.
   */
  private compactStates(): void {
    if (this.states.size < Math.max(STATE_COMPACT_MIN, 2 * this.results.length)) return;
    const fresh = new StateTable<ScanState>();
    const store = this.results;
    for (let i = 0; i < store.length; i++) store.setEndState(i, fresh.id(this.states.get(store.endState(i))));
    this.states = fresh;
  }
}

/** Array splice that also works for inserts larger than the engine's argument limit. */
function spliced<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): T[] {
  if (start === array.length && deleteCount === 0) {
    // Appending (a log growing on disk): amortised, no copy of what is there.
    for (const item of items) array.push(item);
    return array;
  }
  if (items.length < 10000) {
    array.splice(start, deleteCount, ...items);
    return array;
  }
  return array.slice(0, start).concat(items as T[], array.slice(start + deleteCount));
}
