// The lines a stream has read lately, as the query layer reads a document:
// rows and texts of a sliding window, by absolute line number. Every query
// the problems need looks back a bounded number of lines (the command that
// drew a reply, a reply printed twice), so a stream of gigabytes keeps only
// this window. Lines that have left it answer as if they held nothing.

import { LineKind, type LineResult } from '../model';
import type { LineSource } from '../scan/lineSource';
import { LineStore } from '../scan/lineStore';
import { clearRow, newRow, type Row } from '../scan/row';

const EMPTY: LineResult = { kind: LineKind.Other };

export class WindowSource implements LineSource {
  /** Absolute line number of the first line the window holds. */
  private base = 0;
  private store = new LineStore(4096);
  private texts: string[] = [];
  private readonly scratch = newRow();

  constructor(private readonly serverOf: (line: number, session: string | undefined) => string | undefined) {}

  get lineCount(): number {
    return this.base + this.texts.length;
  }

  /** Appends the next line and its row. */
  push(text: string, row: Row): void {
    this.store.set(this.texts.length, row);
    this.texts.push(text);
  }

  /**
   * Forgets all but the last `keep` lines once twice that many are held; when
   * the store has interned far more sessions than the window holds lines, it
   * is rebuilt, so a log of millions of sessions keeps the memory of a few.
   */
  forget(keep: number): void {
    if (this.texts.length < 2 * keep) return;
    const drop = this.texts.length - keep;
    this.texts = this.texts.slice(drop);
    if (this.store.internedSessions > 4 * keep) {
      const fresh = new LineStore(keep * 2);
      for (let i = 0; i < keep; i++) fresh.set(i, this.store.read(drop + i, this.scratch));
      this.store = fresh;
    } else {
      this.store.splice(0, drop, 0);
    }
    this.base += drop;
  }

  private index(line: number): number {
    const i = line - this.base;
    return i >= 0 && i < this.texts.length ? i : -1;
  }

  lineText(line: number): string {
    const i = this.index(line);
    return i < 0 ? '' : this.texts[i];
  }

  lineResult(line: number): LineResult {
    const i = this.index(line);
    return i < 0 ? EMPTY : this.store.result(i);
  }

  rowOf(line: number, into: Row): Row {
    const i = this.index(line);
    return i < 0 ? clearRow(into, LineKind.Other, undefined, undefined) : this.store.read(i, into);
  }

  kindOf(line: number): LineKind {
    const i = this.index(line);
    return i < 0 ? LineKind.Other : this.store.kind(i);
  }

  codeOf(line: number): number {
    const i = this.index(line);
    return i < 0 ? -1 : this.store.code(i);
  }

  blockCodeOf(line: number): number {
    const i = this.index(line);
    return i < 0 ? -1 : this.store.blockCode(i);
  }

  sessionOf(line: number): number {
    const i = this.index(line);
    return i < 0 ? -1 : this.store.sessionId(i);
  }

  /** The session of `line` as its text (ids change when the store is rebuilt). */
  sessionText(line: number): string | undefined {
    const i = this.index(line);
    return i < 0 ? undefined : this.store.read(i, this.scratch).session;
  }

  serverFor(line: number): string | undefined {
    return this.serverOf(line, this.sessionText(line));
  }
}
