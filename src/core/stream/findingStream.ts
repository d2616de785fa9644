// The problems of a log read as a stream, line by line, in constant memory:
// what `ftp-log check` runs on gigabytes. It keeps the head (see head.ts)
// until it knows what the log is — its dialect and its family — then reads
// the head under that knowledge and every later line as it comes, emitting
// each problem as soon as its line is read, in line order. The problems are
// the editor's, byte for byte: the same scanner, the same head decisions, the
// same problem builder over a window of the lines it looks back on.

import type { Finding } from '../model';
import { FamilyTally } from '../scan/tally';
import { detectFromTally, type Detected } from '../scan/detect';
import { Scanner } from '../scan/scanner';
import { INITIAL_STATE } from '../scan/state';
import { inHead } from '../scan/head';
import { familyIndex } from '../scan/lineStore';
import { dialectOfTexts } from '../scan/generic/dialect';
import { FindingBuilder } from '../features/findings';
import { serverNamedOn, SERVER_MEMORY } from '../query/sessionServer';
import { serverOfFamily } from '../families';
import { newRow } from '../scan/row';
import { WindowSource } from './windowSource';
import { ownText } from '../ownText';

/** Lines the window keeps: more than any query looks back (the drawing command, 2,000 lines). */
const WINDOW_LINES = 4096;

export class FindingStream {
  private head: string[] = [];
  private headChars = 0;
  private scanner: Scanner | undefined;
  private familyOf: Detected = 'none';
  private readonly window = new WindowSource((line, session) => this.serverAt(line, session));
  private readonly builder = new FindingBuilder();
  /** The server each session last named, and where (see query/sessionServer.ts). */
  private readonly servers = new Map<string | undefined, { line: number; server: string }>();
  private readonly scratch = newRow();
  private lines = 0;

  constructor(private readonly emit: (finding: Finding) => void) {}

  /** The log's family: known once the head is read (`undefined` before). */
  get family(): Detected | undefined {
    return this.scanner ? this.familyOf : undefined;
  }

  /** True once the head says the log is not FTP: no later line can give it a problem. */
  get done(): boolean {
    return this.scanner !== undefined && this.familyOf === 'none';
  }

  /** Reads the next line of the log. */
  push(line: string): void {
    if (!this.scanner) {
      if (inHead(this.head.length, this.headChars)) {
        this.head.push(line);
        this.headChars += line.length;
        return;
      }
      this.decide();
    }
    if (this.familyOf !== 'none') this.read(line);
  }

  /** The end of the log: decides what a log shorter than a head is; returns the family. */
  end(): Detected {
    if (!this.scanner) this.decide();
    return this.familyOf;
  }

  /** The head is all in: learn the dialect and the family, then read the head's lines under them. */
  private decide(): void {
    const head = this.head;
    this.head = [];
    const scanner = new Scanner(INITIAL_STATE, dialectOfTexts(head));
    const tally = new FamilyTally();
    const rows = head.map((text) => {
      tally.countText(text);
      const row = scanner.next(text);
      tally.add(row.kind, familyIndex(row.family));
      return { ...row };
    });
    this.familyOf = detectFromTally(tally);
    this.scanner = scanner;
    if (this.familyOf === 'none') return;
    for (let i = 0; i < head.length; i++) this.accept(head[i], rows[i]);
  }

  private read(text: string): void {
    this.accept(text, this.scanner!.next(text));
  }

  private accept(text: string, row: ReturnType<Scanner['next']>): void {
    const line = this.lines++;
    this.window.push(text, row);
    const server = serverNamedOn(this.window, line, this.scratch);
    if (server) {
      // Deleted first, so the map stays in the order sessions last named their server.
      this.servers.delete(row.session);
      this.servers.set(row.session === undefined ? undefined : ownText(row.session), { line, server });
    }
    const finding = this.builder.at(this.window, line);
    if (finding) this.emit(finding);
    if ((line & 4095) === 0) this.forgetServers(line);
    this.window.forget(WINDOW_LINES);
  }

  private serverAt(line: number, session: string | undefined): string | undefined {
    const named = this.servers.get(session);
    if (named && named.line <= line && line - named.line <= SERVER_MEMORY) return named.server;
    return serverOfFamily(this.familyOf);
  }

  /** Sessions whose server is no longer remembered take no memory (the oldest come first). */
  private forgetServers(line: number): void {
    for (const [session, named] of this.servers) {
      if (line - named.line <= SERVER_MEMORY) return;
      this.servers.delete(session);
    }
  }
}
