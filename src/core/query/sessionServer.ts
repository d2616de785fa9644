// Which server a session talks to, from what the session's own replies say:
// its greeting (`220 (vsFTPd 3.0.5)`, `220 ProFTPD … Server`, `220---------- Welcome
// to Pure-FTPd`, `220-FileZilla Server`, `220 Microsoft FTP Service`) or its SYST
// reply. The hover and the problem messages then use that server's causes for
// every reply of the session, instead of guessing from each reply's text alone.

import { LineKind } from '../model';
import { recogniseServerFromGreeting, recogniseServerFromSyst } from '../catalogue/servers';
import { replyAt, type LineSource } from './replies';

interface Named {
  readonly line: number;
  readonly server: string;
}

/** Servers named in a document, by session: built in one pass over the codes, looked up by binary search. */
export class SessionServers {
  private readonly bySession = new Map<number, Named[]>();

  constructor(src: LineSource) {
    for (let line = 0; line < src.lineCount; line++) {
      const code = src.codeOf(line);
      if ((code !== 220 && code !== 215) || src.kindOf(line) !== LineKind.Reply) continue;
      const reply = replyAt(src, line);
      if (!reply) continue;
      const match = code === 220 ? recogniseServerFromGreeting(reply.text) : recogniseServerFromSyst(reply.text);
      if (!match) continue;
      const session = src.sessionOf(line);
      let list = this.bySession.get(session);
      if (!list) this.bySession.set(session, (list = []));
      list.push({ line, server: match.server });
    }
  }

  /** The server the session of `line` last named at or before `line`. */
  at(line: number, session: number): string | undefined {
    const list = this.bySession.get(session);
    if (!list || list[0].line > line) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].line <= line) lo = mid;
      else hi = mid - 1;
    }
    return list[lo].server;
  }
}
