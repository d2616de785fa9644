// The text of each line. A document made from one string keeps that string and
// the line offsets, and cuts a line out only when asked: a scan then leaves no
// per-line strings alive (for a 200k-line log they would cost more garbage
// collection than the scan itself). The first edit switches to an array.

import { splitLines } from './lines';

export class LineTexts {
  private text = '';
  /** Where each line starts; a line ends one before the next line's start (the `\n`). */
  private starts: Int32Array | undefined;
  private lines: string[] | undefined;

  static fromLines(lines: readonly string[]): LineTexts {
    const t = new LineTexts();
    t.lines = lines.slice();
    return t;
  }

  /** `count` empty lines, to be overwritten in place (a document read in chunks). */
  static blank(count: number): LineTexts {
    const t = new LineTexts();
    t.lines = new Array<string>(count).fill('');
    return t;
  }

  static fromText(text: string): LineTexts {
    const t = new LineTexts();
    if (text.indexOf('\r') >= 0) {
      // CR and CRLF line ends: rare enough to take the simple path.
      t.lines = splitLines(text);
      return t;
    }
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
    t.text = text;
    t.starts = starts;
    return t;
  }

  get length(): number {
    return this.lines ? this.lines.length : this.starts!.length;
  }

  get(line: number): string {
    if (this.lines) return this.lines[line];
    const starts = this.starts!;
    return this.text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] - 1 : this.text.length);
  }

  /** The lines as an array that edits may change in place. */
  array(): string[] {
    if (!this.lines) {
      const lines = new Array<string>(this.length);
      for (let i = 0; i < lines.length; i++) lines[i] = this.get(i);
      this.lines = lines;
      this.text = '';
      this.starts = undefined;
    }
    return this.lines;
  }

  /** Replaces the array after a splice that had to build a new one. */
  setArray(lines: string[]): void {
    this.lines = lines;
  }
}
