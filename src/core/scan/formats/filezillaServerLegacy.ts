// FileZilla Server 0.9: every event is `(%06d)- %s (%s)> %s` (connection id,
// user, client address, text; source: FileZilla Server Server.cpp
// `OnServerMessage`). The log file inserts ` <date> <time> ` after the id
// (`(000412) 11/24/2026 9:41:02 AM - …`), the admin interface's pane the same
// without the first space (`(000550)24/11/2026 10:00:01 - …`), and what the
// service sends the interface has no date at all (`(000133)- …`). The date is
// the Windows user locale's short date and the time is forced to 24 hours but
// keeps the locale's AM/PM designator (`13:05:40 PM`), before or after it.

import { Channel, Hit, setHit } from './hit';
import { digitsEnd, sessionText } from './session';
import { stickyEnd } from './syntax';

/**
 * ` <date> <time> - `: `M/d/yyyy`, `dd/MM/yyyy`, `dd.MM.yyyy`, `yyyy/M/d`,
 * `yyyy-M-d`, `yyyy-MM-dd`, `yyyy. MM. dd.`; `H:mm:ss` (or `H.mm.ss`) with
 * up to two designator words before or after it (`AM`, `p. m.`, `오후`).
 */
const DATE_TIME =
  / ?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?|\d{4}\. \d{1,2}\. \d{1,2}\.)(?: [^ \t0-9-]{1,4}){0,2} \d{1,2}[:.]\d\d[:.]\d\d(?: [^ \t0-9-]{1,4}){0,2} - /y;
const ARROW = ')> ';

function isAddressChar(c: number): boolean {
  // IPv4, IPv6 (with a zone: `fe80::1%eth0`).
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 37;
}

/** Where ` (<address>` starts when the client address stands right before the `)> ` at `arrow`, else -1. */
function addressBefore(line: string, arrow: number): number {
  let p = arrow;
  while (p > 0 && isAddressChar(line.charCodeAt(p - 1))) p--;
  return p < arrow && line.charCodeAt(p - 1) === 40 /* ( */ && line.charCodeAt(p - 2) === 32 ? p - 2 : -1;
}

/** `(000012)[ ]<date> <time> - <user> (<ip>)> text` or `(000012)- <user> (<ip>)> text`. */
export function recogniseFileZillaServerLegacy(line: string, hit: Hit): boolean {
  const idEnd = digitsEnd(line, 1);
  if (idEnd === 1 || line.charCodeAt(idEnd) !== 41 /* ) */) return false;
  let user = idEnd + 1;
  if (line.charCodeAt(user) === 45 /* - */ && line.charCodeAt(user + 1) === 32) {
    user += 2;
  } else {
    user = stickyEnd(DATE_TIME, line, user);
    if (user < 0) return false;
  }
  // The user name is everything up to the address: it may hold spaces and parentheses (`(not logged in)`).
  for (let arrow = line.indexOf(ARROW, user); arrow >= 0; arrow = line.indexOf(ARROW, arrow + 1)) {
    if (addressBefore(line, arrow) < user) continue;
    setHit(hit, 'filezilla-server-legacy', Channel.Raw, 'fzs0', arrow + ARROW.length, line.length, sessionText(line, 1, idEnd));
    hit.anyCase = true;
    return true;
  }
  return false;
}
