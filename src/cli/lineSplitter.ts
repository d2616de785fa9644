// Chunks to lines, as `splitLines` cuts a whole text: CRLF, LF and a bare CR
// each end a line, a CR at the end of one chunk and an LF at the start of the
// next are one line end, and what follows the last line end is a line (an
// empty one when the text ends with a line end). A line longer than a chunk
// is gathered in pieces and joined once.
//
// UTF-8 is cut as bytes and each line decoded on its own: CR and LF bytes are
// never part of a longer UTF-8 sequence, and an invalid sequence is replaced
// the same way whether its line is decoded alone or in the whole text. Each
// line is then a string of its own, not a view into a chunk that the core
// would keep alive by keeping a piece of the line (a session id).

/** What a splitter needs of a chunk: finding a line end and making a line. */
interface Chunks<C> {
  length(chunk: C): number;
  indexOf(chunk: C, code: number, from: number): number;
  at(chunk: C, i: number): number;
  /** A piece kept past the chunk's life (the chunk's memory may be reused). */
  keep(chunk: C, from: number, to: number): C;
  /** The line made of `pieces` (kept) and `chunk[from, to)`. */
  line(pieces: readonly C[], chunk: C, from: number, to: number): string;
}

const LF = 10;
const CR = 13;

class Splitter<C> {
  private pieces: C[] = [];
  /** The last chunk ended in CR: an LF starting the next one belongs to it. */
  private afterCr = false;

  constructor(private readonly kind: Chunks<C>, private readonly line: (text: string) => void) {}

  push(chunk: C): void {
    const k = this.kind;
    const n = k.length(chunk);
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (n > 0 && k.at(chunk, 0) === LF) i = 1;
    }
    let cr = k.indexOf(chunk, CR, i);
    let nl = k.indexOf(chunk, LF, i);
    while (nl >= 0 || cr >= 0) {
      if (nl >= 0 && (cr < 0 || nl < cr)) {
        this.emit(chunk, i, nl);
        i = nl + 1;
        nl = k.indexOf(chunk, LF, i);
        continue;
      }
      this.emit(chunk, i, cr);
      i = cr + 1;
      if (i === n) this.afterCr = true;
      else if (k.at(chunk, i) === LF) i++;
      cr = k.indexOf(chunk, CR, i);
      if (nl >= 0 && nl < i) nl = k.indexOf(chunk, LF, i);
    }
    if (i < n) this.pieces.push(k.keep(chunk, i, n));
  }

  /** The end of the text: the last line, possibly empty. */
  end(): void {
    const pieces = this.pieces;
    this.pieces = [];
    if (pieces.length === 0) this.line('');
    else this.line(this.kind.line(pieces.slice(0, -1), pieces[pieces.length - 1], 0, this.kind.length(pieces[pieces.length - 1])));
  }

  private emit(chunk: C, from: number, to: number): void {
    const pieces = this.pieces;
    if (pieces.length > 0) this.pieces = [];
    this.line(this.kind.line(pieces, chunk, from, to));
  }
}

/** V8 flattens the concatenation into a new string before it slices: a string of its own. */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

const TEXT: Chunks<string> = {
  length: (c) => c.length,
  indexOf: (c, code, from) => c.indexOf(code === LF ? '\n' : '\r', from),
  at: (c, i) => c.charCodeAt(i),
  keep: (c, from, to) => c.slice(from, to),
  line: (pieces, c, from, to) => (pieces.length === 0 ? own(c.slice(from, to)) : pieces.join('') + c.slice(from, to)),
};

const UTF8: Chunks<Buffer> = {
  length: (c) => c.length,
  indexOf: (c, code, from) => c.indexOf(code, from),
  at: (c, i) => c[i],
  keep: (c, from, to) => Buffer.from(c.subarray(from, to)),
  line: (pieces, c, from, to) => (pieces.length === 0 ? c.toString('utf8', from, to) : Buffer.concat([...pieces, c.subarray(from, to)]).toString('utf8')),
};

/** Lines of decoded text chunks. */
export class LineSplitter extends Splitter<string> {
  constructor(line: (text: string) => void) {
    super(TEXT, line);
  }
}

/** Lines of UTF-8 byte chunks, each line decoded as TextDecoder decodes it (invalid bytes as U+FFFD). */
export class Utf8LineSplitter extends Splitter<Buffer> {
  constructor(line: (text: string) => void) {
    super(UTF8, line);
  }
}
