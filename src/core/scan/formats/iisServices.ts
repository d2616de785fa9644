// Rows that IIS's other services write in the same W3C files as its FTP
// service. The SMTP service (SMTPSVC) logs under the same `#Fields:` names:
// SMTP verbs in cs-method, SMTP codes in sc-status, and QUIT, AUTH, HELP and
// NOOP rows that read like FTP's. Such a row is another protocol's line, never
// an FTP event. A web (W3SVC) row needs no test of its own: its GET or POST is
// no FTP verb.

import { stickyEnd } from './syntax';

// Sticky, each tested against one whole field.
/** s-sitename of another service (FTP's are MSFTPSVC<n> and FTPSVC<n>). */
const OTHER_SITE = /(?:SMTP|NNTP|W3)SVC\d+/y;
/** cs-version of another protocol (FTP rows carry `FTP` or `-`). */
const OTHER_VERSION = /(?:SMTP|NNTP|HTTP\/\d+(?:\.\d+)?)/y;
/** cs-username of the SMTP service's rows about its own outbound sessions. */
const SMTP_OUTBOUND = /OutboundConnection(?:Command|Response)/y;
/** SMTP verbs FTP does not have (RFC 5321 §4.1, RFC 3030, RFC 3207, and Exchange's own); any case, as clients send them. */
const SMTP_VERB = /(?:EHLO|HELO|MAIL|RCPT|DATA|BDAT|VRFY|EXPN|RSET|ETRN|TURN|ATRN|STARTTLS|XEXCH50|X-EXPS|X-LINK2STATE)/iy;

function isWhole(sticky: RegExp, line: string, start: number, end: number): boolean {
  return stickyEnd(sticky, line, start) === end;
}

/** An s-sitename value naming the SMTP, NNTP or web service. */
export function isOtherServiceSite(line: string, start: number, end: number): boolean {
  return isWhole(OTHER_SITE, line, start, end);
}

/** A cs-version value of SMTP, NNTP or HTTP. */
export function isOtherProtocolVersion(line: string, start: number, end: number): boolean {
  return isWhole(OTHER_VERSION, line, start, end);
}

/** A cs-username value only the SMTP service writes. */
export function isSmtpOutboundUser(line: string, start: number, end: number): boolean {
  return isWhole(SMTP_OUTBOUND, line, start, end);
}

/** A cs-method value that is an SMTP verb. */
export function isSmtpVerb(line: string, start: number, end: number): boolean {
  return isWhole(SMTP_VERB, line, start, end);
}
