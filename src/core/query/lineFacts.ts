// Facts a session's name is made of, read from one line's text: the address
// of the other end, the time of day, the user a server log marks a line with.
// They are read only where a log puts its own prefix or its event text — never
// from a reply's text or a command's argument, where an address is the
// server's payload (a greeting that names a mirror, an EPRT argument).

import { LineKind } from '../model';
import type { LineSource } from '../scan/lineSource';
import type { Row } from '../scan/row';

/** Characters of a line looked at: prefixes and event texts are short; a line may be megabytes long. */
const LOOK = 512;

// A dotted IPv4 address, not part of a longer run of digits and dots (a version, an OID).
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d.])/;
// An IPv6 address: eight groups, or a `::` with a group on at least one side. A time of day has
// three groups and no `::`; it never matches.
const IPV6 = /(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?|::[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})(?![\w:])/;
// A time of day as logs write it: `10:00:01`, `10:00:01.123456`, `9:41:02 AM`.
const TIME = /(?<![\d:])\d{1,2}:\d\d:\d\d(?:[.,]\d{1,9})?(?: ?[AP]M\b)?(?![\d:])/;
// vsftpd marks every line of a session with its user once USER was given, right before its
// message (logging.c): `[pid 552] [frank] OK LOGIN:`, `vsftpd[425]: [kim] FTP response:`.
const USER_MARK = /\[([^\]\s]{1,64})\] (?=FTP (?:command|response):|(?:OK|FAIL) [A-Z]+:)/;

/** The parts of `line` a log writes itself: all of an event line; before the payload of a reply or command. */
function ownText(src: LineSource, line: number, row: Row): string {
  const text = src.lineText(line);
  const kind = src.kindOf(line);
  if (kind === LineKind.Other || kind === LineKind.Foreign) return text.slice(0, LOOK);
  src.rowOf(line, row);
  // An exchange row (IIS, ExtendedLog) keeps its columns around the verb and code: all of it is the log's own.
  if (kind === LineKind.Exchange) return text.slice(0, LOOK);
  const payload = [row.codeStart, row.verbStart, row.textStart].filter((p) => p >= 0);
  return text.slice(0, Math.min(LOOK, payload.length ? Math.min(...payload) : text.length));
}

/** The first IP address in the log's own text on `line`, if any. */
export function addressOn(src: LineSource, line: number, row: Row): string | undefined {
  const own = ownText(src, line, row);
  const v4 = IPV4.exec(own);
  const v6 = own.includes(':') ? IPV6.exec(own) : null;
  if (v4 && (!v6 || v4.index <= v6.index)) return v4[0];
  return v6?.[0];
}

/** The time of day the log's own text on `line` gives, as written. */
export function timeOn(src: LineSource, line: number, row: Row): string | undefined {
  return TIME.exec(ownText(src, line, row))?.[0];
}

/** The user a server marks `line` with (vsftpd's `[user]`), if any. */
export function userMarkOn(src: LineSource, line: number, row: Row): string | undefined {
  return USER_MARK.exec(ownText(src, line, row))?.[1];
}
