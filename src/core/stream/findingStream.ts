// The problems of a log read as a stream, line by line, in constant memory:
// what `ftp-log check` runs on gigabytes. It keeps the head (see head.ts)
// until it knows what the log is — its dialect and its family — then reads
// the head under that knowledge and every later line as it comes, emitting
// each problem as soon as its line is read, in line order. The problems are
// the editor's, byte for byte: the same scanner, the same head decisions, the
// same problem builder over a window of the lines it looks back on.

import type { Finding } from '../model';
import type { Detected } from '../scan/detect';
import { decideHead, HeadLines } from './headDecision';
import { FindingReader } from './findingReader';

export class FindingStream {
  private head = new HeadLines();
  private reader: FindingReader | undefined;

  constructor(private readonly emit: (finding: Finding) => void) {}

  /** The log's family: known once the head is read (`undefined` before). */
  get family(): Detected | undefined {
    return this.reader?.family;
  }

  /** True once the head says the log is not FTP: no later line can give it a problem. */
  get done(): boolean {
    return this.reader?.family === 'none';
  }

  /** Reads the next line of the log. */
  push(line: string): void {
    if (!this.reader) {
      if (this.head.take(line)) return;
      this.decide();
    }
    if (this.reader!.family !== 'none') this.reader!.read(line);
  }

  /**
   * The input paused before its head was full (a live log: `tail -f`): decide
   * from the lines so far, as the editor decides a log that short, so that
   * the problems of lines already read show now. Later lines are read under
   * that decision.
   */
  decideNow(): void {
    if (!this.reader) this.decide();
  }

  /** The end of the log: decides what a log shorter than a head is; returns the family. */
  end(): Detected {
    if (!this.reader) this.decide();
    return this.reader!.family;
  }

  /** The head is all in: learn the dialect and the family, then read the head's lines under them. */
  private decide(): void {
    const head = this.head.lines;
    this.head = new HeadLines();
    const decided = decideHead(head);
    const reader = new FindingReader(decided.scanner, decided.family, (f) => this.emit(f));
    this.reader = reader;
    if (decided.family === 'none') return;
    for (let i = 0; i < head.length; i++) reader.accept(head[i], decided.rows[i]);
  }
}
