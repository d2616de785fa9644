// pyftpdlib's logger (log-formats.md §15): `[I 2026-11-24 10:00:01] ip:port-[user] msg`.
// DEBUG lines carry `<- COMMAND` and `-> reply`; INFO lines log a command with
// the code it drew on one line: `DELE /path 550 'No such file or directory.'`.

import { LineKind, type LineResult } from '../model';
import { isCommandVerb } from '../commands';
import { Channel, Hit, setHit } from './hit';
import { sessionText } from './session';

const PREFIX = /^\[[DIWEC] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d[^\]]*\] /;
const USER = /-\[[^\]]*\] /y;
const INFO_COMMAND = /^([A-Z]{3,4}) /;
const INFO_CODE = / ([1-6]\d\d)(?= '|$)/g;

function infoExchange(line: string, p: number, session: string, hit: Hit): boolean {
  const m = INFO_COMMAND.exec(line.slice(p));
  if (!m || !isCommandVerb(m[1])) return setHit(hit, 'pyftpdlib', Channel.Known, '', 0, 0, session);
  INFO_CODE.lastIndex = p + m[0].length - 1;
  const c = INFO_CODE.exec(line);
  if (!c) return setHit(hit, 'pyftpdlib', Channel.Known, '', 0, 0, session);
  const codeStart = c.index + 1;
  const result: LineResult = {
    kind: LineKind.Exchange,
    family: 'pyftpdlib',
    session,
    code: Number(c[1]),
    codeSpan: { start: codeStart, end: codeStart + 3 },
    textSpan: { start: Math.min(codeStart + 4, line.length), end: line.length },
    verb: m[1],
    verbSpan: { start: p, end: p + m[1].length },
    argSpan: c.index > p + m[0].length - 1 ? { start: p + m[0].length, end: c.index } : undefined,
  };
  setHit(hit, 'pyftpdlib', Channel.Done, '', 0, 0, session);
  hit.result = result;
  return true;
}

export function recognisePyftpdlib(line: string, hit: Hit): boolean {
  if (!PREFIX.test(line)) return false;
  const peerStart = line.indexOf('] ') + 2;
  const dash = line.indexOf('-[', peerStart);
  if (dash < 0) return false;
  USER.lastIndex = dash;
  if (!USER.test(line)) return false;
  const session = sessionText(line, peerStart, dash);
  const p = USER.lastIndex;
  if (line.startsWith('-> ', p)) return setHit(hit, 'pyftpdlib', Channel.Reply, 'pyftpd', p + 3, line.length, session);
  if (line.startsWith('<- ', p)) return setHit(hit, 'pyftpdlib', Channel.Command, 'pyftpd', p + 3, line.length, session);
  return infoExchange(line, p, session, hit);
}
