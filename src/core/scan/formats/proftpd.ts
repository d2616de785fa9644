// ProFTPD (log-formats.md §11; proftpd src/log.c, modules/mod_log.c).
// - SystemLog file, 1.3.5 and later: `YYYY-MM-DD HH:MM:SS,mmm host proftpd[pid] vhost (name[ip]): msg`;
//   before 1.3.5 the same after an `Mmm DD HH:MM:SS` date and with no colon after `[pid]`
//   (read through the syslog header). It explains replies the client saw and carries no code.
// - syslog: `proftpd[pid]: vhost (name[ip]) - msg` (pr_syslog joins the two with ` - `).
// - ExtendedLog with any LogFormat that writes the request quoted and the reply code after it
//   (`… "%r" %s …`: the default `%h %l %u %t "%r" %s %b`, Debian's `auth` `%v [%P] %h %t "%r" %s`,
//   formats led by `%{UNIQUE_ID}e` or `%{iso8601}`), to a file or through syslog. `%s` is `-`
//   when no reply was sent.

import { LineKind } from '../../model';
import { isCommandVerb } from '../../catalogue/commands';
import { Channel, doneRow, setHit, type Hit } from './hit';
import { replyCodeAt, stickyEnd, verbSpanning } from './syntax';

const SYSTEM_LOG = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \S+ (?:proftpd|daemon|session)\[\d+\] /y;

export function recogniseProftpdSystemLog(line: string, hit: Hit): boolean {
  const p = stickyEnd(SYSTEM_LOG, line, 0);
  if (p < 0) return false;
  return recogniseProftpdMessage(line, p, hit);
}

/**
 * A SystemLog or syslog message of ProFTPD's from `from` (after its tag):
 * its own lines, an ExtendedLog line sent to syslog, or PAM's line under its tag.
 */
export function recogniseProftpdMessage(line: string, from: number, hit: Hit): boolean {
  if (line.startsWith('pam_', from)) return setHit(hit, undefined, Channel.Known, '', 0, 0);
  if (recogniseProftpdExtended(line, hit, from)) return true;
  return setHit(hit, 'proftpd', Channel.Known, '', 0, 0);
}

/** A request with no quote inside, a space, then the reply code or `-` and a space or the end. */
function statusEnd(line: string, p: number): number {
  if (line.charCodeAt(p) === 45 /* - */) return p + 1;
  return p + 3 <= line.length && replyCodeAt(line, p, p + 3) >= 0 ? p + 3 : -1;
}

/** An ExtendedLog line: the first quoted field from `from` is an FTP request, the reply code follows it. */
export function recogniseProftpdExtended(line: string, hit: Hit, from = 0): boolean {
  const open = line.indexOf('"', from);
  if (open < 0) return false;
  const verbStart = open + 1;
  const requestEnd = line.indexOf('"', verbStart);
  if (requestEnd < 0 || line.charCodeAt(requestEnd + 1) !== 32) return false;
  const p = requestEnd + 2;
  const end = statusEnd(line, p);
  if (end < 0 || (end < line.length && line.charCodeAt(end) !== 32)) return false;
  const space = line.indexOf(' ', verbStart);
  const verbEnd = space >= 0 && space < requestEnd ? space : requestEnd;
  // An HTTP access log has the same shape; only FTP verbs make it ProFTPD's.
  const verb = verbSpanning(line, verbStart, verbEnd);
  if (!verb || !isCommandVerb(verb) || line.lastIndexOf(' HTTP/', requestEnd) > verbEnd) return false;
  const code = end - p === 3 ? replyCodeAt(line, p, end) : -1;
  const row = doneRow(hit, code >= 0 ? LineKind.Exchange : LineKind.Command, 'proftpd-extlog', undefined);
  if (code >= 0) {
    row.code = code;
    row.codeStart = p;
  }
  row.verb = verb;
  row.verbStart = verbStart;
  row.verbEnd = verbEnd;
  if (verbEnd < requestEnd) {
    row.argStart = verbEnd + 1;
    row.argEnd = requestEnd;
  }
  return true;
}
