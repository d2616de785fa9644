// The long tail of FTP clients and tools: each writes its own prefix (a clock,
// a level, a logger name, an object id, a direction marker) before the FTP
// line. The prefix shapes are not listed here: a document's dialect, learned
// from its own unmistakable FTP lines (scan/generic/dialect.ts), says which
// prefixes carry commands and which carry replies; this reads a line under it.

import type { Dialect } from '../generic/dialect';
import { Channel, setHit, type Hit } from './hit';
import { payloadEnd, stickyEnd } from './syntax';

/** Fills `hit` when `line` starts with one of the dialect's prefixes. */
export function recogniseGeneric(line: string, dialect: Dialect, hit: Hit): boolean {
  for (const entry of dialect.entries) {
    const p = stickyEnd(entry.pattern, line, 0);
    if (p < 0) continue;
    const channel = entry.role === 'command' ? Channel.Command : entry.role === 'reply' ? Channel.Reply : Channel.Raw;
    return setHit(hit, 'generic', channel, 'generic', p, payloadEnd(line, p));
  }
  return false;
}
