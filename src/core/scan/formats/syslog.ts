// Lines written through syslog (`Nov 24 10:00:01 host prog[pid]: msg`):
// Pure-FTPd (log-formats.md §12), ProFTPD and vsftpd with syslog_enable.
// Other daemons' lines are not FTP and are left unrecognised.

import { Channel, Hit, setHit } from './hit';
import { recogniseVsftpdEvent } from './vsftpd';
import { digitsEnd, sessionText } from './session';
import { stickyEnd } from './syntax';

const SYSLOG_DATE = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d \S/;
/** `Nov 24 10:00:01 ` */
const DATE_LENGTH = 16;
const PURE_PREFIX = /\([^@)\s]*@[^)\s]*\) \[[A-Z]+\] /y;
const PURE_COMMAND = /Command \[[^\]]*\](?: \[.*\])?$/y;
const PROGRAMS = ['pure-ftpd', 'vsftpd', 'proftpd'] as const;

function pureFtpd(line: string, from: number, pid: string | undefined, hit: Hit): boolean {
  const p = stickyEnd(PURE_PREFIX, line, from);
  if (p < 0) return setHit(hit, 'pure-ftpd', Channel.Known, '', 0, 0);
  const at = line.indexOf('@', from);
  const hostEnd = line.indexOf(') [', at);
  const session = pid ?? sessionText(line, at + 1, hostEnd);
  if (!line.startsWith('DEBUG] ', hostEnd + 3)) return setHit(hit, 'pure-ftpd', Channel.Known, '', 0, 0, session);
  if (stickyEnd(PURE_COMMAND, line, p) >= 0) {
    // `Command [verb] [arg]`: the payload is the verb inside the first brackets.
    const verbStart = p + 9;
    const verbEnd = line.indexOf(']', verbStart);
    setHit(hit, 'pure-ftpd', Channel.Command, 'pure', verbStart, verbEnd, session);
    hit.anyCase = true;
    if (line.startsWith('] [', verbEnd)) {
      hit.argStart = verbEnd + 3;
      hit.argEnd = line.length - 1;
    }
    return true;
  }
  return setHit(hit, 'pure-ftpd', Channel.Reply, 'pure', p, line.length, session);
}

function programAt(line: string, at: number): (typeof PROGRAMS)[number] | undefined {
  for (const name of PROGRAMS) if (line.startsWith(name, at)) return name;
  return undefined;
}

export function recogniseSyslog(line: string, hit: Hit): boolean {
  if (!SYSLOG_DATE.test(line)) return false;
  const hostEnd = line.indexOf(' ', DATE_LENGTH);
  if (hostEnd < 0) return false;
  const at = hostEnd + 1;
  const program = programAt(line, at);
  if (!program) return false;
  let p = at + program.length;
  let pid: string | undefined;
  if (line.charCodeAt(p) === 91 /* [ */) {
    const end = digitsEnd(line, p + 1);
    if (line.charCodeAt(end) !== 93 /* ] */) return false;
    pid = sessionText(line, p + 1, end);
    p = end + 1;
  }
  if (!line.startsWith(': ', p)) return false;
  const from = p + 2;
  if (program === 'pure-ftpd') return pureFtpd(line, from, pid, hit);
  if (program === 'vsftpd') return recogniseVsftpdEvent(line, from, pid, hit);
  return setHit(hit, 'proftpd', Channel.Known, '', 0, 0);
}
