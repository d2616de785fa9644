// Which server a session talks to, from what the session's own replies say:
// its greeting (`220 (vsFTPd 3.0.5)`, `220 ProFTPD … Server`, `220---------- Welcome
// to Pure-FTPd`, `220-FileZilla Server`, `220 Microsoft FTP Service`) or its SYST
// reply. The hover and the problem messages then use that server's causes for
// every later reply of the session, instead of guessing from each reply's text.
//
// A line names the server the moment it is read (any line of a multi-line
// greeting may carry the name), and a session remembers it for SERVER_MEMORY
// lines: the same answer whether the whole log is at hand (the editor) or
// streams past (the command line, which keeps only what is still remembered).

import { LineKind } from '../model';
import { recogniseServerFromGreeting, recogniseServerFromSyst } from '../catalogue/servers';
import { newRow, type Row } from '../scan/row';
import type { LineSource } from '../scan/lineSource';
import { ownText } from '../ownText';

/** Lines a session's server stays known after the line that named it. */
export const SERVER_MEMORY = 200_000;

/** Greeting texts repeat (a server greets every session alike): the server each names, or null. */
const greeted = new Map<string, string | null>();
const GREETED_LIMIT = 1024;

function serverOfGreeting(text: string): string | undefined {
  let server = greeted.get(text);
  if (server === undefined) {
    server = recogniseServerFromGreeting(text)?.server ?? null;
    if (greeted.size >= GREETED_LIMIT) greeted.clear();
    greeted.set(ownText(text), server);
  }
  return server ?? undefined;
}

/** The server `line` names, if it is a greeting line or a SYST reply in a server's own words. */
export function serverNamedOn(src: LineSource, line: number, scratch: Row = newRow()): string | undefined {
  const kind = src.kindOf(line);
  if (kind !== LineKind.Reply && kind !== LineKind.Continuation) return undefined;
  // The code first, from the packed word: most replies name no server, and decoding their whole row would be wasted.
  const code = kind === LineKind.Reply ? src.codeOf(line) : src.blockCodeOf(line);
  if (code !== 220 && !(code === 215 && kind === LineKind.Reply)) return undefined;
  const r = src.rowOf(line, scratch);
  if (r.textStart < 0) return undefined;
  const text = src.lineText(line).slice(r.textStart, Math.min(r.textEnd, r.textStart + 512));
  return code === 220 ? serverOfGreeting(text) : recogniseServerFromSyst(text)?.server;
}

interface Named {
  readonly line: number;
  readonly server: string;
}

/**
 * Servers named in a document, by session, looked up by binary search. The
 * index is built as far as it is asked for, so the first problems of a 50 MB
 * log do not wait for its last line to be read.
 */
export class SessionServers {
  private readonly bySession = new Map<number, Named[]>();
  private indexed = 0;
  private readonly scratch = newRow();

  constructor(private readonly src: LineSource) {}

  /** Indexes lines up to and including `line`. */
  private extend(line: number): void {
    const src = this.src;
    const to = Math.min(src.lineCount, line + 1);
    for (let i = this.indexed; i < to; i++) {
      const code = src.codeOf(i);
      if (code !== 220 && code !== 215 && src.blockCodeOf(i) !== 220) continue;
      const server = serverNamedOn(src, i, this.scratch);
      if (!server) continue;
      const session = src.sessionOf(i);
      let list = this.bySession.get(session);
      if (!list) this.bySession.set(session, (list = []));
      list.push({ line: i, server });
    }
    this.indexed = Math.max(this.indexed, to);
  }

  /** Forgets what lines from `line` on named (they changed); the lines before keep their entries. */
  forgetFrom(line: number): void {
    if (line >= this.indexed) return;
    for (const [session, list] of this.bySession) {
      let keep = list.length;
      while (keep > 0 && list[keep - 1].line >= line) keep--;
      if (keep === 0) this.bySession.delete(session);
      else list.length = keep;
    }
    this.indexed = line;
  }

  /** The server the session of `line` last named at or before `line`, if it is still remembered. */
  at(line: number, session: number): string | undefined {
    if (line >= this.indexed) this.extend(line);
    const list = this.bySession.get(session);
    if (!list || list[0].line > line) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].line <= line) lo = mid;
      else hi = mid - 1;
    }
    return line - list[lo].line <= SERVER_MEMORY ? list[lo].server : undefined;
  }
}
