// Pure-FTPd through syslog (log-formats.md §12; pure-ftpd src/ftpd.c logfile()):
// `(<account>@<host>) [<LEVEL>] <text>` after the syslog tag `pure-ftpd:`
// (`pure-ftpd[pid]:` with --logpid). At default verbosity the lines are
// events with no reply code; `-d` adds `[DEBUG] <Command> [verb] [arg]`, the
// label translated at build time, and `-d -d` every reply line as
// `[DEBUG] NNN text`.

import labelData from '../../catalogue/pure-ftpd-command-labels.json';
import { Channel, Hit, setHit } from './hit';
import { sessionText } from './session';
import { replyCodeAt, stickyEnd } from './syntax';

/** `(account@host) `, then the level tag logfile() adds (none for other priorities; ftpd.c). */
const PREFIX = /\([^@)\s]*@[^)\s]*\) (?:\[(?:INFO|WARNING|ERROR|NOTICE|DEBUG)\] )?/y;

const LABELS = labelData.labels.map((l) => l.label).sort((a, b) => b.length - a.length);
/** `<label> [verb] [arg]` (ftp_parser.c: MSG_DEBUG_COMMAND " [%s] [%s]"), to the end of the line. */
const COMMAND = new RegExp(`(?:${LABELS.join('|')}) \\[[^\\]]*\\](?: \\[.*\\])?$`, 'y');

/** The message after the tag; `pid` is the session when the tag has one, else the client's host. */
export function recognisePureFtpdMessage(line: string, from: number, pid: string | undefined, hit: Hit): boolean {
  const p = stickyEnd(PREFIX, line, from);
  // `last message repeated N times` (syslogd), PAM's `pam_unix(pure-ftpd:auth)`: not Pure-FTPd's own lines.
  if (p < 0) return setHit(hit, undefined, Channel.Known, '', 0, 0);
  const at = line.indexOf('@', from);
  const hostEnd = line.indexOf(') ', at);
  const session = pid ?? sessionText(line, at + 1, hostEnd);
  if (!line.startsWith('[DEBUG] ', hostEnd + 2)) return setHit(hit, 'pure-ftpd', Channel.Known, '', 0, 0, session);
  if (replyCodeAt(line, p, line.length) >= 0) return setHit(hit, 'pure-ftpd', Channel.Reply, 'pure', p, line.length, session);
  if (stickyEnd(COMMAND, line, p) < 0) return setHit(hit, 'pure-ftpd', Channel.Known, '', 0, 0, session);
  // The payload is the verb inside the first brackets, the argument inside the second.
  const verbStart = line.indexOf(' [', p) + 2;
  const verbEnd = line.indexOf(']', verbStart);
  setHit(hit, 'pure-ftpd', Channel.Command, 'pure', verbStart, verbEnd, session);
  hit.anyCase = true;
  if (line.startsWith('] [', verbEnd)) {
    hit.argStart = verbEnd + 3;
    hit.argEnd = line.length - 1;
  }
  return true;
}
