// The lines of a log past its head decision, read one by one into problems:
// a window of the lines the problem builder looks back on, the server each
// session last named, and the builder itself. A whole log is read by one
// reader from its first line (FindingStream); a piece of a large log is read
// by one reader from a little before the piece (segment.ts), and then a
// session that named its server before the reader's first line is not known
// to it: such a problem comes out with its message built for the family's
// server and what a message for another server needs (PendingMessage).

import type { Finding } from '../model';
import type { Detected } from '../scan/detect';
import type { Scanner } from '../scan/scanner';
import type { Row } from '../scan/row';
import { FindingBuilder } from '../features/findings';
import { serverNamedOn, SERVER_MEMORY } from '../query/sessionServer';
import { serverOfFamily } from '../families';
import { newRow } from '../scan/row';
import { WindowSource } from './windowSource';
import { ownText } from '../ownText';

/** Lines the window keeps: more than any query looks back (the drawing command, 2,000 lines). */
export const WINDOW_LINES = 4096;

/** A problem whose session's server may have been named before the reader's first line. */
export interface PendingMessage {
  readonly session: string | undefined;
  /** The reply text and drawing verb its message is built from. */
  readonly text: string;
  readonly verb: string | undefined;
  /** The server its message was built for: the family's. */
  readonly assumed: string | undefined;
}

/** A server a session named, and the reader's line that named it. */
export interface Named {
  readonly line: number;
  readonly server: string;
}

export interface ReaderOptions {
  /** True when the reader's first line is the log's: a session it has not seen named no server. */
  readonly fromFirstLine: boolean;
  /** Lines before this one may have been read in the wrong state: the servers they name are not trusted. */
  readonly trustedFrom: number;
  /** Lines before this one are read for what later lines look back on, not for their problems. */
  readonly findFrom: number;
}

const WHOLE_LOG: ReaderOptions = { fromFirstLine: true, trustedFrom: 0, findFrom: 0 };

export class FindingReader {
  private readonly window = new WindowSource((line, session) => this.serverAt(line, session));
  private readonly builder = new FindingBuilder();
  /** The server each session last named, and where (see query/sessionServer.ts); oldest naming first. */
  private readonly servers = new Map<string | undefined, Named>();
  private readonly scratch = newRow();
  private lines = 0;
  /** Set while a problem's message is built for a session whose server this reader cannot know. */
  private unsure = false;

  constructor(
    readonly scanner: Scanner,
    readonly family: Detected,
    private readonly emit: (finding: Finding, pending: PendingMessage | undefined) => void,
    private readonly options: ReaderOptions = WHOLE_LOG,
  ) {}

  /** Lines read so far. */
  get lineCount(): number {
    return this.lines;
  }

  /** Reads the next line. */
  read(text: string): void {
    this.accept(text, this.scanner.next(text));
  }

  /** Takes the next line with the row the scanner gave it. */
  accept(text: string, row: Row): void {
    const line = this.lines++;
    this.window.push(text, row);
    const server = serverNamedOn(this.window, line, this.scratch);
    if (server) {
      // Deleted first, so the map stays in the order sessions last named their server.
      this.servers.delete(row.session);
      this.servers.set(row.session === undefined ? undefined : ownText(row.session), { line, server });
    }
    if (line >= this.options.findFrom) {
      this.unsure = false;
      const finding = this.builder.at(this.window, line);
      if (finding) this.emit(finding, this.unsure ? this.pending(line) : undefined);
    }
    if ((line & 4095) === 0) this.forgetServers(line);
    this.window.forget(WINDOW_LINES);
  }

  /** The servers sessions named on lines from `from` on, in the order they last named them. */
  namedSince(from: number): Array<[string | undefined, Named]> {
    return [...this.servers].filter(([, named]) => named.line >= from);
  }

  private pending(line: number): PendingMessage {
    const b = this.builder;
    return { session: this.window.sessionText(line), text: ownText(b.lastText), verb: b.lastVerb, assumed: serverOfFamily(this.family) };
  }

  private serverAt(line: number, session: string | undefined): string | undefined {
    const named = this.servers.get(session);
    if (named && named.line >= this.options.trustedFrom) {
      if (named.line <= line && line - named.line <= SERVER_MEMORY) return named.server;
    } else if (!this.options.fromFirstLine) {
      this.unsure = true;
    }
    return serverOfFamily(this.family);
  }

  /** Sessions whose server is no longer remembered take no memory (the oldest come first). */
  private forgetServers(line: number): void {
    for (const [session, named] of this.servers) {
      if (line - named.line <= SERVER_MEMORY) return;
      this.servers.delete(session);
    }
  }
}
