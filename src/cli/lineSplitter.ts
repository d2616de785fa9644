// Text chunks to lines, as `splitLines` cuts a whole text: CRLF, LF and a bare
// CR each end a line, a CR at the end of one chunk and an LF at the start of
// the next are one line end, and the text after the last line end is a line
// (an empty one when the text ends with a line end). A line longer than any
// chunk is gathered in pieces and joined once.
//
// Every line is a copy of its characters, never a view into its chunk: the
// core keeps small pieces of lines it has left behind (a session id), and a
// view would keep its whole chunk alive with it — memory that grows with the log.

/** `text` as a string of its own: V8 flattens the concatenation into a new string before it slices. */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

export class LineSplitter {
  private pieces: string[] = [];
  /** The last chunk ended in CR: an LF starting the next one belongs to it. */
  private afterCr = false;

  constructor(private readonly line: (text: string) => void) {}

  push(chunk: string): void {
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (chunk.charCodeAt(0) === 10) i = 1;
    }
    const n = chunk.length;
    let cr = chunk.indexOf('\r', i);
    if (cr < 0) {
      // The common case: LF alone.
      for (let nl = chunk.indexOf('\n', i); nl >= 0; nl = chunk.indexOf('\n', i)) {
        this.emit(chunk, i, nl);
        i = nl + 1;
      }
    } else {
      let nl = chunk.indexOf('\n', i);
      while (nl >= 0 || cr >= 0) {
        if (nl >= 0 && (cr < 0 || nl < cr)) {
          this.emit(chunk, i, nl);
          i = nl + 1;
          nl = chunk.indexOf('\n', i);
          continue;
        }
        this.emit(chunk, i, cr);
        i = cr + 1;
        if (i === n) this.afterCr = true;
        else if (chunk.charCodeAt(i) === 10) i++;
        cr = chunk.indexOf('\r', i);
        if (nl >= 0 && nl < i) nl = chunk.indexOf('\n', i);
      }
    }
    if (i < n) this.pieces.push(chunk.slice(i));
  }

  /** The end of the text: the last line, possibly empty. */
  end(): void {
    const last = this.pieces.length === 0 ? '' : this.pieces.join('');
    this.pieces = [];
    this.line(last);
  }

  private emit(chunk: string, from: number, to: number): void {
    if (this.pieces.length === 0) {
      this.line(own(chunk.slice(from, to)));
      return;
    }
    this.pieces.push(chunk.slice(from, to));
    const text = this.pieces.join('');
    this.pieces = [];
    this.line(text);
  }
}
