// Chunks to lines, as `splitLines` cuts a whole text: CRLF, LF and a bare CR
// each end a line, a CR at the end of one chunk and an LF at the start of the
// next are one line end, and what follows the last line end is a line (an
// empty one when the text ends with a line end). A line longer than a chunk
// is gathered in pieces and joined once.
//
// UTF-8 is cut as bytes at line ends: CR and LF bytes are never part of a
// longer UTF-8 sequence, and an invalid sequence is replaced the same way
// whether its line is decoded alone or with the lines around it. So a chunk's
// whole lines are decoded at once and cut as text, and only the line that
// spans two chunks is gathered as bytes. Lines are then views into a chunk's
// text: what the core keeps for long (a session id, a cached message) it copies
// (core/ownText.ts), so a kept piece never keeps a chunk alive.

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
  afterCr = false;

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

const TEXT: Chunks<string> = {
  length: (c) => c.length,
  indexOf: (c, code, from) => c.indexOf(code === LF ? '\n' : '\r', from),
  at: (c, i) => c.charCodeAt(i),
  keep: (c, from, to) => c.slice(from, to),
  line: (pieces, c, from, to) => (pieces.length === 0 ? c.slice(from, to) : pieces.join('') + c.slice(from, to)),
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

/** Lines of UTF-8 byte chunks, decoded as TextDecoder decodes them (invalid bytes as U+FFFD). */
export class Utf8LineSplitter {
  /** The line that starts in one chunk and ends in a later one, as bytes. */
  private readonly bytes: Splitter<Buffer>;
  /** The chunk's whole lines, decoded at once. */
  private readonly text: Splitter<string>;

  constructor(line: (text: string) => void) {
    this.bytes = new Splitter(UTF8, line);
    this.text = new Splitter(TEXT, line);
  }

  push(chunk: Buffer): void {
    const first = firstLineEnd(chunk);
    const last = Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
    if (first < 0 || first === last) {
      this.bytes.push(chunk);
      return;
    }
    // The line the last chunk left open ends at `first`; the lines up to `last` are whole.
    this.bytes.push(chunk.subarray(0, first + 1));
    this.text.afterCr = this.bytes.afterCr;
    this.text.push(chunk.toString('utf8', first + 1, last + 1));
    this.bytes.afterCr = this.text.afterCr;
    // (An empty rest would reset afterCr: a chunk that ends in CR leaves nothing open.)
    if (last + 1 < chunk.length) this.bytes.push(chunk.subarray(last + 1));
  }

  end(): void {
    this.bytes.end();
  }
}

function firstLineEnd(chunk: Buffer): number {
  const lf = chunk.indexOf(LF);
  const cr = chunk.indexOf(CR);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}
