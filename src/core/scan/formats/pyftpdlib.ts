// pyftpdlib's logger (log-formats.md §15): `[I 2026-11-24 10:00:01] ip:port-[user] msg`.
// DEBUG lines carry `<- COMMAND` and `-> reply`; INFO lines log a command with
// the code it drew on one line: `DELE /path 550 'No such file or directory.'`.

import { LineKind } from '../../model';
import { isCommandVerb } from '../../catalogue/commands';
import { Channel, doneRow, setHit, type Hit } from './hit';
import { sessionText } from './session';
import { stickyEnd, verbAt, verbLengthAt } from './syntax';

const PREFIX = /^\[[DIWEC] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d[^\]]*\] /;
const USER = /-\[[^\]]*\] /y;
const INFO_CODE = / ([1-6]\d\d)(?= '|$)/g;

function infoExchange(line: string, p: number, session: string, hit: Hit): boolean {
  // `VERB ` in upper case, then somewhere ` NNN` before a quoted message or the end.
  const verbLength = verbLengthAt(line, p, line.length, false);
  const verb = verbLength > 0 && line.charCodeAt(p + verbLength) === 32 ? verbAt(line, p, verbLength) : '';
  if (!verb || !isCommandVerb(verb)) return setHit(hit, 'pyftpdlib', Channel.Known, '', 0, 0, session);
  const afterVerb = p + verbLength + 1;
  INFO_CODE.lastIndex = afterVerb - 1;
  const c = INFO_CODE.exec(line);
  if (!c) return setHit(hit, 'pyftpdlib', Channel.Known, '', 0, 0, session);
  const codeStart = c.index + 1;
  const row = doneRow(hit, LineKind.Exchange, 'pyftpdlib', session);
  row.code = Number(c[1]);
  row.codeStart = codeStart;
  row.textStart = Math.min(codeStart + 4, line.length);
  row.textEnd = line.length;
  row.verb = verb;
  row.verbStart = p;
  row.verbEnd = p + verbLength;
  if (c.index > afterVerb - 1) {
    row.argStart = afterVerb;
    row.argEnd = c.index;
  }
  return true;
}

export function recognisePyftpdlib(line: string, hit: Hit): boolean {
  if (!PREFIX.test(line)) return false;
  const peerStart = line.indexOf('] ') + 2;
  const dash = line.indexOf('-[', peerStart);
  if (dash < 0) return false;
  const p = stickyEnd(USER, line, dash);
  if (p < 0) return false;
  const session = sessionText(line, peerStart, dash);
  if (line.startsWith('-> ', p)) return setHit(hit, 'pyftpdlib', Channel.Reply, 'pyftpd', p + 3, line.length, session);
  if (line.startsWith('<- ', p)) return setHit(hit, 'pyftpdlib', Channel.Command, 'pyftpd', p + 3, line.length, session);
  return infoExchange(line, p, session, hit);
}
