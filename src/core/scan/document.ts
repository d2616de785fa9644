// A scanned log that can be edited: per-line results and end states, updated
// incrementally by re-scanning from the first changed line until the end
// state matches what was there before.

import type { Command, Finding, LineKind, LineResult, Reply } from '../model';
import { familyIndex, LineStore, StateTable } from './lineStore';
import { Scanner } from './scanner';
import { INITIAL_STATE, sameState, type ScanState } from './state';
import { LineTexts } from './lineTexts';
import { FamilyTally } from './tally';
import { detectFromTally, type Detected } from './detect';
import { FindingBuilder } from '../features/findings';
import { SessionServers } from '../query/sessionServer';
import { serverOfFamily } from '../families';
import type { Row } from './row';
import { allCommands, allReplies, commandAt, drawingCommandLine, replyAt, replyStart, type LineSource } from '../query/replies';
import { EvidenceTable, NO_EVIDENCE, type Candidate } from './generic/evidence';
import { decideDialect, type Dialect } from './generic/dialect';

/**
 * The first lines a document's client prefixes are learned from (see
 * scan/generic): a log shows its conversation well before this, and a bound
 * keeps learning cheap on a 50 MB log and lets a stream learn before it reads on.
 */
export const LEARN_LINES = 10000;
/** Distinct evidence kept before the table is rebuilt from the learning lines (edits add entries). */
const EVIDENCE_LIMIT = 65536;


/** Lines an edit re-scans before it returns: about 10 ms; the rest of a long re-scan goes on in `continueRescan`. */
export const SYNC_RESCAN_LINES = 20000;
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
  private readonly tally = new FamilyTally();
  private readonly findingBuilder = new FindingBuilder();
  /** The scanner of a document being loaded in chunks (see `loading`), carrying its state from chunk to chunk. */
  private loader: Scanner | undefined;

  /** The client prefixes learned from the first LEARN_LINES lines; undefined when they prove none. */
  private dialectOf: Dialect | undefined;
  /** Whether the learning lines have all been read (a document being loaded has not yet). */
  private learned = false;
  private evidence = new EvidenceTable();
  /** Servers named by sessions' greetings, built on first use after each change. */
  private servers: SessionServers | undefined;

  constructor(text: string | string[]) {
    this.texts = typeof text === 'string' ? LineTexts.fromText(text) : LineTexts.fromLines(text);
    this.results = new LineStore(this.texts.length);
    this.firstScan(new Scanner(), 0, this.texts.length);
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
    doc.learned = false;
    doc.loader = new Scanner();
    return doc;
  }

  /** How many lines `load` has read so far into a document made by `loading`. */
  get linesLoaded(): number {
    // Lines get their results in order, as they are read: the results so far are the lines so far.
    return this.loader ? this.results.length : this.lineCount;
  }

  /** Reads the next lines of a document made by `loading` and scans them; true once every line is in. */
  load(lines: readonly string[]): boolean {
    if (!this.loader) return true;
    const texts = this.texts.array();
    const from = this.results.length;
    const to = Math.min(texts.length, from + lines.length);
    for (let i = from; i < to; i++) texts[i] = lines[i - from];
    this.loader = this.firstScan(this.loader, from, to);
    if (to < texts.length) return false;
    this.loader = undefined;
    return true;
  }

  /** The learned client prefixes (what the generic family reads), if any. */
  get dialect(): Dialect | undefined {
    return this.dialectOf;
  }

  /**
   * First scan of lines [from, to), which have no results yet. Once the
   * learning lines are all in, the dialect is decided and, if there is one,
   * they are read again under it; returns the scanner to go on with.
   */
  private firstScan(scanner: Scanner, from: number, to: number): Scanner {
    const window = Math.min(this.lineCount, LEARN_LINES);
    if (!this.learned) {
      const mid = Math.min(to, window);
      this.scan(scanner, from, mid);
      if (mid < window) return scanner;
      this.learned = true;
      const dialect = this.decideDialect();
      if (dialect) {
        this.dialectOf = dialect;
        scanner = this.rescan(new Scanner(INITIAL_STATE, dialect), 0, mid);
      }
      from = mid;
    }
    this.scan(scanner, from, to);
    return scanner;
  }

  /** Scan of lines [from, to), which have no results yet. */
  private scan(scanner: Scanner, from: number, to: number): void {
    this.servers = undefined;
    for (let i = from; i < to; i++) {
      const text = this.texts.get(i);
      const row = scanner.next(text);
      this.tally.countText(text, 1);
      this.results.set(i, row);
      this.tally.add(row.kind, familyIndex(row.family), 1);
      this.results.setEndState(i, this.states.id(scanner.state));
    }
  }

  /** Reads lines [from, to) again, which have results; returns the scanner after them. */
  private rescan(scanner: Scanner, from: number, to: number): Scanner {
    const store = this.results;
    for (let i = from; i < to; i++) {
      this.tally.add(store.kind(i), store.familyIndex(i), -1);
      const row = scanner.next(this.texts.get(i));
      store.set(i, row);
      this.tally.add(row.kind, familyIndex(row.family), 1);
      store.setEndState(i, this.states.id(scanner.state));
    }
    return scanner;
  }

  /** The dialect the learning lines prove: their evidence (a function of each line's text alone), in order. */
  private decideDialect(): Dialect | undefined {
    if (this.evidence.size > EVIDENCE_LIMIT) {
      this.evidence = new EvidenceTable();
      for (let i = 0; i < this.results.length; i++) this.results.setEvidence(i, 0);
    }
    const window = Math.min(this.results.length, LEARN_LINES);
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

  serverFor(line: number): string | undefined {
    this.servers ??= new SessionServers(this);
    return this.servers.at(line, this.sessionOf(line)) ?? serverOfFamily(this.family);
  }

  /** The detected log family, or `none` when nothing in the document is FTP. */
  get family(): Detected {
    return detectFromTally(this.tally);
  }

  /**
   * Replaces `deleteCount` lines at `start` by `insert` and re-scans the
   * changed region. Returns the lines whose results may have changed.
   */
  replaceLines(start: number, deleteCount: number, insert: readonly string[], budget = SYNC_RESCAN_LINES): ChangedLines {
    this.servers = undefined;
    let lines = this.texts.array();
    start = Math.max(0, Math.min(start, lines.length));
    deleteCount = Math.max(0, Math.min(deleteCount, lines.length - start));
    const store = this.results;
    for (let i = start; i < start + deleteCount; i++) this.tally.countText(lines[i], -1);
    for (const text of insert) this.tally.countText(text, 1);
    if (deleteCount === insert.length) {
      // Rows stay (and stay counted) until the re-scan reads their new text.
      for (let i = 0; i < insert.length; i++) {
        lines[start + i] = insert[i];
        store.setEvidence(start + i, 0);
      }
    } else {
      for (let i = start; i < start + deleteCount; i++) this.tally.add(store.kind(i), store.familyIndex(i), -1);
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
    if (start < LEARN_LINES) {
      const dialect = this.decideDialect();
      if ((dialect?.key ?? '') !== (this.dialectOf?.key ?? '')) {
        this.dialectOf = dialect;
        this.pending = undefined;
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
    this.servers = undefined;
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
      this.tally.add(store.kind(i), store.familyIndex(i), -1);
      const row = scanner.next(lines[i]);
      this.tally.add(row.kind, familyIndex(row.family), 1);
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

  findings(): Finding[] {
    if (this.family === 'none') return [];
    return this.findingBuilder.between(this, 0, this.lineCount);
  }

  /** Findings on lines [from, to): what an editor refreshes after an edit. */
  findingsBetween(from: number, to: number): Finding[] {
    if (this.family === 'none') return [];
    return this.findingBuilder.between(this, Math.max(0, from), Math.min(to, this.lineCount));
  }

  replies(): Reply[] {
    return allReplies(this);
  }

  commands(): Command[] {
    return allCommands(this);
  }

  /** The reply whose code (on its first line, or repeated on a later line) covers `character` on `line`. */
  replyAtPosition(line: number, character: number): Reply | undefined {
    if (line < 0 || line >= this.lineCount) return undefined;
    const r = this.results.result(line);
    if (!r.codeSpan || character < r.codeSpan.start || character > r.codeSpan.end) return undefined;
    const start = replyStart(this, line);
    return start >= 0 ? replyAt(this, start) : undefined;
  }

  /** The command on `line`, if any. */
  commandOnLine(line: number): Command | undefined {
    if (line < 0 || line >= this.lineCount) return undefined;
    return commandAt(this, line);
  }

  /** The command that drew `reply`, if one is known. */
  commandFor(reply: Reply): Command | undefined {
    const at = drawingCommandLine(this, reply.line);
    return at >= 0 ? commandAt(this, at) : undefined;
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
