// vsftpd's own log (vsftpd.log, or through syslog with syslog_enable=YES) and
// the wu-ftpd style xferlog it writes with xferlog_std_format=YES
// (log-formats.md §10). At default verbosity vsftpd logs events only
// (CONNECT, OK/FAIL LOGIN, transfers, DEBUG; logging.c), which carry no reply
// code: byte counts and rates on them are decoys. With log_ftp_protocol=YES it
// adds `FTP command` / `FTP response` lines.

import { Channel, Hit, setHit } from './hit';
import { digitsEnd, sessionText } from './session';
import { stickyEnd } from './syntax';

// Sticky, tried at column 0. The day is space-padded by vsftpd (sysutil.c); an unpadded one was seen too.
const DAY_DATE = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d\d:\d\d:\d\d \d{4} /y;
// xferlog after the date: seconds, host, bytes, file name, a|b, flag, i|o, a|g|r.
const XFERLOG_FIELDS = /\d+ \S+ \d+ \S+ [ab] \S+ [iod] [agr] /y;
/** `[user] ` (once a USER was given), then the fixed event names of logging.c and `: Client "`. */
const EVENT =
  /(?:\[[^\]]*\] )?(?:(?:OK|FAIL) (?:LOGIN|DOWNLOAD|UPLOAD|MKDIR|RMDIR|DELETE|RENAME|CHMOD)|CONNECT|DEBUG): Client "/y;
/** log_ftp_protocol: `[user] FTP response: Client "<ip>", "` before the reply. */
const PROTOCOL = /(?:\[[^\]]*\] )?FTP (?:response|command): Client "[^"]*", "/y;

/**
 * The message after the date and `[pid N] ` (or after `vsftpd[N]: ` in
 * syslog). Lines that are none of vsftpd's own (PAM's `pam_unix(vsftpd:auth)`
 * lines, which share its syslog tag) belong to no family.
 */
export function recogniseVsftpdEvent(line: string, from: number, session: string | undefined, hit: Hit): boolean {
  const start = stickyEnd(PROTOCOL, line, from);
  if (start < 0) {
    const own = stickyEnd(EVENT, line, from) >= 0;
    return setHit(hit, own ? 'vsftpd' : undefined, Channel.Known, '', 0, 0, session);
  }
  const ftp = line.charCodeAt(from) === 91 /* [ */ ? line.indexOf('] ', from) + 2 : from;
  const isReply = line.charCodeAt(ftp + 4) === 114; /* `FTP r`esponse */
  const end = line.endsWith('"') && line.length > start ? line.length - 1 : line.length;
  setHit(hit, 'vsftpd', isReply ? Channel.Reply : Channel.Command, 'vsftpd', start, end, session);
  hit.anyCase = true;
  return true;
}

/** Lines that start with `Tue Nov 24 10:00:01 2026 `. */
export function recogniseDayDate(line: string, hit: Hit): boolean {
  const p = stickyEnd(DAY_DATE, line, 0);
  if (p < 0) return false;
  if (line.startsWith('[pid ', p)) {
    const end = digitsEnd(line, p + 5);
    if (end > p + 5 && line.startsWith('] ', end)) return recogniseVsftpdEvent(line, end + 2, sessionText(line, p + 5, end), hit);
  }
  if (stickyEnd(XFERLOG_FIELDS, line, p) >= 0) return setHit(hit, 'xferlog', Channel.Known, '', 0, 0);
  return false;
}
