// The header syslog daemons and journalctl put before a program's message, in
// every layout FTP servers' logs are pasted in (glibc syslog(3), rsyslog, RFC 5424,
// busybox syslogd.c, FreeBSD syslogd, systemd logs-show.c, Solaris syslog):
//
//   Nov  4 10:00:01 host prog[pid]: msg        RFC 3164 (rsyslog, syslog-ng, sysklogd); the day
//                                               space-padded, zero-padded (journalctl) or unpadded
//   Nov 04 10:00:01.123456 host prog[pid]: msg journalctl -o short-precise
//   2026-11-24T10:00:01.204518+01:00 host ...  rsyslog ISO, journalctl -o short-iso(-precise)
//   Wed 2026-11-04 10:00:01 CET host ...       journalctl -o short-full
//   1793786401.123456 host ...                 journalctl -o short-unix
//   <94>1 2026-11-24T10:00:01Z host app pid - SD msg   RFC 5424
//   Nov 24 10:00:01 host ftp.info prog[pid]:   busybox syslogd (`-S`: no host, no facility)
//   Nov 24 10:00:01 <11.6> host prog[pid]:     FreeBSD syslogd -v (`-vv`: <ftp.notice>)
//   6 11 2026-11-24T10:00:06+00:00 Nov 24 …    a collector's relay prefix before RFC 3164
//
// The tag is `prog[pid]:`, `prog:`, or `prog[pid]` with no colon (ProFTPD's own
// SystemLog before 1.3.5); Solaris adds `[ID n fac.sev] ` after it.
//
// One line is read per call into the module's `header` (no allocation). The
// classic form comes first: it is what most pasted logs carry.

import { digitsEnd } from './session';
import { stickyEnd } from './syntax';

export interface SyslogHeader {
  /** The program name (`vsftpd`, `in.ftpd`, RFC 5424 APP-NAME): `line[progStart, progEnd)`. */
  progStart: number;
  progEnd: number;
  /** The process id, or -1 for both when the tag has none. */
  pidStart: number;
  pidEnd: number;
  /** Whether a colon ended the tag (RFC 5424 headers count as having one). */
  colon: boolean;
  /** Where the program's message starts. */
  msgStart: number;
}

/** The header of the line last read by `readSyslogHeader` (valid while it returned true). */
export const header: SyslogHeader = { progStart: 0, progEnd: 0, pidStart: -1, pidEnd: -1, colon: false, msgStart: 0 };

// Sticky (see `stickyEnd`); each ends with the space before the host.
const CLASSIC = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d{1,6})? /y;
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)? /y;
const SHORT_FULL = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? [A-Za-z0-9+-]{1,6} /y;
const SHORT_UNIX = /\d{9,11}\.\d{6} /y;
/** A collector's `<severity> <facility> <received ISO time> ` before the original RFC 3164 header. */
const RELAY = /\d{1,3} \d{1,3} \d{4}-\d\d-\d\dT\S+ /y;
/** FreeBSD syslogd -v `<4.3> ` / -vv `<auth.info> `, before the host. */
const BSD_PRIORITY = /<[A-Za-z0-9]+\.[A-Za-z0-9]+> /y;
/** busybox syslogd's `facility.priority ` (or `<N> ` for an unnamed one), after the host. */
const BUSYBOX_PRIORITY =
  /(?:(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|ntp|security|console|local[0-7])\.(?:emerg|panic|alert|crit|err|error|warn|warning|notice|info|debug)|<\d{1,3}>) /y;
const SOLARIS_ID = /\[ID \d+ [a-z0-9]+\.[a-z]+\] /y;
const RFC5424 = /<\d{1,3}>1 /y;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Where the timestamp (and a relay prefix before it) ends: the column of the next field, or -1. */
function timestampEnd(line: string): number {
  const c = line.charCodeAt(0);
  if (c >= 65 && c <= 90) {
    const p = stickyEnd(CLASSIC, line, 0);
    return p >= 0 ? p : stickyEnd(SHORT_FULL, line, 0);
  }
  if (!isDigit(c)) return -1;
  if (line.charCodeAt(4) === 45 /* - */) return stickyEnd(ISO, line, 0);
  const relay = stickyEnd(RELAY, line, 0);
  if (relay >= 0) return stickyEnd(CLASSIC, line, relay);
  return stickyEnd(SHORT_UNIX, line, 0);
}

/**
 * Reads the tag at `p` (`prog[pid]:`, `prog:`, `prog[pid]`) and what follows
 * it into `header`. A token that is neither (no pid and no colon) is no tag.
 */
function readTag(line: string, p: number): boolean {
  let i = p;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 91 /* [ */ || c === 58 /* : */ || c === 32) break;
    i++;
  }
  if (i === p) return false;
  header.progStart = p;
  header.progEnd = i;
  header.pidStart = header.pidEnd = -1;
  if (line.charCodeAt(i) === 91) {
    const end = digitsEnd(line, i + 1);
    if (end === i + 1 || line.charCodeAt(end) !== 93 /* ] */) return false;
    header.pidStart = i + 1;
    header.pidEnd = end;
    i = end + 1;
  }
  header.colon = line.charCodeAt(i) === 58;
  if (header.colon) i++;
  else if (header.pidStart < 0) return false;
  if (i === line.length && header.colon) {
    header.msgStart = i;
    return true;
  }
  if (line.charCodeAt(i) !== 32) return false;
  i++;
  const solaris = line.charCodeAt(i) === 91 ? stickyEnd(SOLARIS_ID, line, i) : -1;
  header.msgStart = solaris >= 0 ? solaris : i;
  return true;
}

/** A token that is a tag rather than a host: busybox -S writes no host before it. */
function isTagToken(line: string, p: number, end: number): boolean {
  const last = line.charCodeAt(end - 1);
  return last === 58 /* : */ || (last === 93 /* ] */ && line.indexOf('[', p) < end);
}

/** Skips one SD-ELEMENT (`[id k="v" …]`, values may hold `]` and escaped quotes); returns its end or -1. */
function sdElementEnd(line: string, p: number): number {
  let quoted = false;
  for (let i = p + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) quoted = !quoted;
    else if (c === 93 && !quoted) return i + 1;
  }
  return -1;
}

/** The field of a space-separated RFC 5424 header starting at `p`: its end, or -1 if the line ends first. */
function fieldEnd(line: string, p: number): number {
  const end = line.indexOf(' ', p);
  return end > p ? end : -1;
}

/** `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG` (RFC 5424 §6). */
function readRfc5424(line: string): boolean {
  const start = stickyEnd(RFC5424, line, 0);
  if (start < 0) return false;
  const timeEnd = fieldEnd(line, start);
  const hostEnd = timeEnd < 0 ? -1 : fieldEnd(line, timeEnd + 1);
  const appEnd = hostEnd < 0 ? -1 : fieldEnd(line, hostEnd + 1);
  const procEnd = appEnd < 0 ? -1 : fieldEnd(line, appEnd + 1);
  const msgIdEnd = procEnd < 0 ? -1 : fieldEnd(line, procEnd + 1);
  if (msgIdEnd < 0) return false;
  header.progStart = hostEnd + 1;
  header.progEnd = appEnd;
  const procStart = appEnd + 1;
  const isPid = digitsEnd(line, procStart) === procEnd;
  header.pidStart = isPid ? procStart : -1;
  header.pidEnd = isPid ? procEnd : -1;
  header.colon = true;
  let p = msgIdEnd + 1;
  if (line.charCodeAt(p) === 45 /* - */) p++;
  else {
    while (line.charCodeAt(p) === 91) {
      p = sdElementEnd(line, p);
      if (p < 0) return false;
    }
  }
  if (p < line.length && line.charCodeAt(p) !== 32) return false;
  header.msgStart = Math.min(p + 1, line.length);
  return true;
}

/**
 * Reads the syslog or journalctl header of `line` into `header`; false when
 * the line has none.
 */
export function readSyslogHeader(line: string): boolean {
  if (line.charCodeAt(0) === 60 /* < */) return readRfc5424(line);
  let p = timestampEnd(line);
  if (p < 0) return false;
  if (line.charCodeAt(p) === 60) {
    const q = stickyEnd(BSD_PRIORITY, line, p);
    if (q >= 0) p = q;
  }
  const tokenEnd = line.indexOf(' ', p);
  if (tokenEnd < 0) return isTagToken(line, p, line.length) && readTag(line, p);
  if (isTagToken(line, p, tokenEnd)) return readTag(line, p);
  p = tokenEnd + 1;
  const q = stickyEnd(BUSYBOX_PRIORITY, line, p);
  return readTag(line, q >= 0 ? q : p);
}

/** True when the program the header names is `name`. */
export function programIs(line: string, name: string): boolean {
  return header.progEnd - header.progStart === name.length && line.startsWith(name, header.progStart);
}

const BOOT_ID = /-- Boot [0-9a-f]{32} --$/y;

/**
 * journalctl's own lines between entries (systemd logs-show.c, journalctl(1)):
 * the journal's extent, a reboot, a boot id, an empty result.
 */
export function isJournalMarker(line: string): boolean {
  if (!line.startsWith('-- ')) return false;
  return (
    line.startsWith('Logs begin at ', 3) ||
    line.startsWith('Journal begins at ', 3) ||
    line === '-- Reboot --' ||
    line === '-- No entries --' ||
    stickyEnd(BOOT_ID, line, 0) >= 0
  );
}
