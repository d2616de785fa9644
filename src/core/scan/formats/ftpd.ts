// The ftpd of wu-ftpd and of the BSDs / Solaris / macOS, through syslog
// (wu-ftpd src/ftpd.c and ftpcmd.y, FreeBSD and OpenBSD libexec/ftpd/ftpd.c).
// Both log connections and logins with fixed strings, commands (wu-ftpd
// `-L`: `USER dave`; `-d`: `command: USER x`) and, in debug mode, every
// reply line as `<--- NNN text` (wu-ftpd, OpenBSD's reply()) or as
// `<--- NNN ` / `<--- NNN- ` followed by the text on the next syslog line
// (FreeBSD's and NetBSD's reply() and lreply(), OpenBSD's lreply(): the code
// and the text are two syslog calls).
//
// Which of the two wrote a line: its program name when that says
// (`wu-ftpd[pid]` is how distributions' wu-ftpd logs, `in.ftpd[pid]` is
// Solaris), else the fixed strings only wu-ftpd writes — its remote identity
// `host [ip]` where the BSDs name the host alone (`FTP LOGIN FROM %s, %s`,
// `ANONYMOUS FTP LOGIN FROM`, `repeated login failures from`, `%s of %s
// deleted %s`), `failed login from`, `FTP LOGIN REFUSED (…)` — and its `-L`
// command lines, which the BSDs never write. Anything else under the bare
// name `ftpd` is the BSD ftpd's: `connection from host [ip]` (OpenBSD writes
// it as wu-ftpd does), `command: …`, the debug replies, `lost connection`.
// `ftpd` is the ident of the ftpd in every BSD base system and in macOS,
// while wu-ftpd, unmaintained since 2004, was packaged as `wu-ftpd`
// (fail2ban's and OSSEC's samples), although its source opens the log as `ftpd`.

import type { FamilyId } from '../../model';
import { isCommandVerb } from '../../catalogue/commands';
import type { ScanState } from '../state';
import { Channel, Hit, setHit } from './hit';
import { stickyEnd, verbAt, verbLengthAt } from './syntax';

export const enum FtpdProgram {
  /** `wu-ftpd[pid]` */
  Wu,
  /** `in.ftpd[pid]` (Solaris) */
  InFtpd,
  /** `ftpd[pid]`: either, told by the line. */
  Ftpd,
}

/** The channel key of ftpd's reply lines: the text line FreeBSD writes after `<--- NNN ` continues it. */
export const FTPD_KEY = 'ftpd';

/** wu-ftpd's remote identity `host [ip]` (or `ident @ host [ip]`) where a BSD ftpd writes the host alone, and its own strings. */
const WU_ONLY =
  /(?:(?:FTP LOGIN FROM|ANONYMOUS FTP LOGIN FROM|repeated login failures from) \S+(?: @ \S+)? \[|failed login from |lost connection to |FTP LOGIN REFUSED \(|FTP GSSAPI LOGIN REFUSED |FTP LOGIN FAILED \((?:cannot|home_base|virtual)|FTP (?:ACCESS|CONNECTION) REFUSED |cmd failure - not logged in|\S+ of \S+(?: @ \S+)? \[[^\]]*\][ :])/y;
/** Fixed strings both ftpds write (with the BSD forms: `host (ip)`, `as user`, Solaris' `at <date>`). */
const SHARED =
  /(?:connection from |FTP LOGIN FROM |ANONYMOUS FTP LOGIN (?:REFUSED )?FROM |FTP LOGIN FAILED (?:FROM |\(HOST\) as )|FTP LOGIN REFUSED FROM |repeated login failures from |lost connection|User \S+ timed out after \d+ seconds|refused connect from |login \S+ from \S+ failed\.|FTPD: (?:IMPORT|EXPORT) file |PAM_ERROR_MSG: |Failed authentication from: )/y;
/** BSD `-ll` (logcmd): `get /pub/a.txt = 4096 bytes (wd: /home/alice)` (FreeBSD), `delete /srv/x` (OpenBSD). */
const COMMAND_LOG = /(?:get|put|append|delete|mkdir|rmdir|rename) \S/y;

function familyOf(program: FtpdProgram, wuOnly: boolean): FamilyId {
  if (program === FtpdProgram.Wu) return 'wu-ftpd';
  if (program === FtpdProgram.InFtpd) return 'bsd-ftpd';
  return wuOnly ? 'wu-ftpd' : 'bsd-ftpd';
}

/** True when `state` waits for the text of a reply this session's `<--- NNN ` line announced. */
function awaitsReplyText(state: ScanState, session: string | undefined): boolean {
  const block = state.block;
  return !!block && block.textNext !== undefined && block.channel === FTPD_KEY && block.session === session;
}

/** The message of an ftpd line from `from`; `session` is its pid. */
export function recogniseFtpdMessage(line: string, from: number, program: FtpdProgram, session: string | undefined, state: ScanState, hit: Hit): boolean {
  if (awaitsReplyText(state, session)) {
    return setHit(hit, state.block!.family, Channel.Reply, FTPD_KEY, from, line.length, session);
  }
  if (line.startsWith('<--- ', from)) {
    // `<--- NNN ` alone (its text follows) is FreeBSD's; with the text on the line, OpenBSD's or wu-ftpd's.
    setHit(hit, familyOf(program, false), Channel.Reply, FTPD_KEY, from + 5, line.length, session);
    hit.textNext = true;
    return true;
  }
  if (line.startsWith('command: ', from)) {
    const start = from + 9;
    return setHit(hit, familyOf(program, false), Channel.Command, FTPD_KEY, start, line.length, session);
  }
  const verbLength = verbLengthAt(line, from, line.length, false);
  if (verbLength > 0 && isCommandVerb(verbAt(line, from, verbLength))) {
    // wu-ftpd -L logs the commands it parsed, bare (ftpcmd.y).
    return setHit(hit, familyOf(program, true), Channel.Command, FTPD_KEY, from, line.length, session);
  }
  if (stickyEnd(WU_ONLY, line, from) >= 0) return setHit(hit, familyOf(program, true), Channel.Known, '', 0, 0, session);
  if (stickyEnd(SHARED, line, from) >= 0 || stickyEnd(COMMAND_LOG, line, from) >= 0) {
    return setHit(hit, familyOf(program, false), Channel.Known, '', 0, 0, session);
  }
  return setHit(hit, undefined, Channel.Known, '', 0, 0, session);
}
