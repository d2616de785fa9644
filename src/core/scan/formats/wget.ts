// GNU wget on ftp:// URLs (src/ftp-basic.c, src/ftp.c). With `-S` or `-d`
// every command is printed as `--> CMD` (PASS as the fixed `--> PASS Turtle
// Power!` under -S) and replies are printed bare; without them wget prints
// only its own steps (`==> CWD (1) /pub ... done.`) and no reply code at all.
// The greeting is printed on wget's own status line:
// `Logging in as alice ... 220 ftp.example.com ready`.

import { Channel, setHit, type Hit } from './hit';
import { isCommandAt, replyCodeAt, stickyEnd } from './syntax';

const LOGGING_IN = /Logging in as \S+ \.\.\. /y;
/** wget's own lines: the URL banner, resolving and connecting, its `==>` steps, the outcome. */
const OWN_LINE = /(?:--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  |--\d\d:\d\d:\d\d--  |==> |Resolving \S+ (?:\(\S+\) )?\.\.\. |Connecting to \S+ (?:\(\S+\)\|\S+\||\S+\|)|Logged in!$|Length: \d|done\.(?:  |$))/y;

export function recogniseWget(line: string, hit: Hit): boolean {
  // Other tools write `--> ` too (yafc: `--> [host] CMD`): wget's is followed by the command itself.
  if (line.startsWith('--> ')) return isCommandAt(line, 4, false) && setHit(hit, 'wget', Channel.Command, 'wget', 4, line.length);
  const greeting = stickyEnd(LOGGING_IN, line, 0);
  if (greeting >= 0 && replyCodeAt(line, greeting, line.length) >= 0) return setHit(hit, 'wget', Channel.Raw, 'raw', greeting, line.length);
  return greeting >= 0 || stickyEnd(OWN_LINE, line, 0) >= 0 ? setHit(hit, 'wget', Channel.Known, '', 0, 0) : false;
}
