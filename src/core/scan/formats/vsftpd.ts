// vsftpd's own log format (log_ftp_protocol=YES) and the wu-ftpd style
// xferlog it writes with xferlog_std_format=YES (log-formats.md §10).

import { Channel, Hit, setHit } from './hit';
import { digitsEnd, sessionText } from './session';
import { stickyEnd } from './syntax';

const DAY_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d \d{4} /;
// xferlog after the date: seconds, host, bytes, file name, a|b, flag, i|o, a|g|r.
const XFERLOG_FIELDS = /\d+ \S+ \d+ \S+ [ab] \S+ [iod] [agr] /y;
/** The day-name date is always 25 characters: `Tue Nov 24 10:00:01 2026 `. */
const DATE_LENGTH = 25;
const RESPONSE = 'FTP response: Client "';
const COMMAND = 'FTP command: Client "';

/**
 * The part after the date and `[pid N] ` (or after `vsftpd[N]: ` in syslog):
 * `[user] FTP response: Client "<ip>", "<reply>"`.
 */
export function recogniseVsftpdEvent(line: string, from: number, session: string | undefined, hit: Hit): boolean {
  const isReply = line.indexOf(RESPONSE, from);
  const at = isReply >= 0 ? isReply : line.indexOf(COMMAND, from);
  if (at < 0) return setHit(hit, 'vsftpd', Channel.Known, '', 0, 0, session);
  const open = line.indexOf('", "', at);
  if (open < 0) return setHit(hit, 'vsftpd', Channel.Known, '', 0, 0, session);
  const start = open + 4;
  const end = line.endsWith('"') && line.length > start ? line.length - 1 : line.length;
  setHit(hit, 'vsftpd', isReply >= 0 ? Channel.Reply : Channel.Command, 'vsftpd', start, end, session);
  hit.anyCase = true;
  return true;
}

/** Lines that start with `Tue Nov 24 10:00:01 2026 `. */
export function recogniseDayDate(line: string, hit: Hit): boolean {
  if (!DAY_DATE.test(line)) return false;
  const p = DATE_LENGTH;
  if (line.startsWith('[pid ', p)) {
    const end = digitsEnd(line, p + 5);
    if (end > p + 5 && line.startsWith('] ', end)) return recogniseVsftpdEvent(line, end + 2, sessionText(line, p + 5, end), hit);
  }
  if (stickyEnd(XFERLOG_FIELDS, line, p) >= 0) return setHit(hit, 'xferlog', Channel.Known, '', 0, 0);
  return false;
}
