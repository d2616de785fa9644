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


/** The lines an update re-scanned, in the document after the update. */
export interface ChangedLines {
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

export class LogDocument implements LineSource {
  private texts: LineTexts;
  private results: LineStore;
  private readonly states = new StateTable<ScanState>();
  private readonly tally = new FamilyTally();
  private readonly findingBuilder = new FindingBuilder();
  /** The scanner of a document being loaded in chunks (see `loading`), carrying its state from chunk to chunk. */
  private loader: Scanner | undefined;

  /** The client prefixes learned from the first LEARN_LINES lines; undefined when they prove none. */
  private dialectOf: Dialect | undefined;
  /** Whether the learning lines have all been read (a document being loaded has not yet). */
  private learned = false;
  private evidence = new EvidenceTable();

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

  /** The detected log family, or `none` when nothing in the document is FTP. */
  get family(): Detected {
    return detectFromTally(this.tally);
  }

  /**
   * Replaces `deleteCount` lines at `start` by `insert` and re-scans the
   * changed region. Returns the lines whose results may have changed.
   */
  replaceLines(start: number, deleteCount: number, insert: readonly string[]): ChangedLines {
    let lines = this.texts.array();
    start = Math.max(0, Math.min(start, lines.length));
    deleteCount = Math.max(0, Math.min(deleteCount, lines.length - start));
    const store = this.results;
    for (let i = start; i < start + deleteCount; i++) {
      this.tally.add(store.kind(i), store.familyIndex(i), -1);
      this.tally.countText(lines[i], -1);
    }
    for (const text of insert) this.tally.countText(text, 1);
    if (deleteCount === insert.length) {
      for (let i = 0; i < insert.length; i++) {
        lines[start + i] = insert[i];
        store.setEvidence(start + i, 0);
      }
    } else {
      lines = spliced(lines, start, deleteCount, insert);
      this.texts.setArray(lines);
      store.splice(start, deleteCount, insert.length);
    }
    const scanner = new Scanner(start > 0 ? this.states.get(store.endState(start - 1)) : INITIAL_STATE, this.dialectOf);
    let i = start;
    const insertedEnd = start + insert.length;
    for (; i < lines.length; i++) {
      const oldState = i >= insertedEnd ? this.states.get(store.endState(i)) : undefined;
      if (oldState) this.tally.add(store.kind(i), store.familyIndex(i), -1);
      const row = scanner.next(lines[i]);
      this.tally.add(row.kind, familyIndex(row.family), 1);
      store.set(i, row);
      store.setEndState(i, this.states.id(scanner.state));
      // Past the inserted lines, an unchanged end state means every later line scans as before.
      if (oldState && sameState(oldState, scanner.state)) {
        i++;
        break;
      }
    }
    // An edit among the learning lines may prove other client prefixes: then every line reads anew.
    if (start < LEARN_LINES) {
      const dialect = this.decideDialect();
      if ((dialect?.key ?? '') !== (this.dialectOf?.key ?? '')) {
        this.dialectOf = dialect;
        this.rescan(new Scanner(INITIAL_STATE, dialect), 0, lines.length);
        return { from: 0, to: lines.length };
      }
    }
    return { from: start, to: Math.max(i, insertedEnd) };
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
