// Lines of other protocols that share FTP's shapes: SMTP (a 220 greeting,
// 250- multi-line replies, 550 rejections), NNTP (three-digit codes exactly
// like FTP's), POP3 (USER, PASS, LIST, RETR, QUIT), HTTP, RTSP and SIP status
// lines. Their commands and tokens never occur in FTP (RFC 959 §4.1 lists
// every FTP verb; RFC 5321 §4.1, RFC 3977 §3, RFC 1939 §5, RFC 9112 §4,
// RFC 3261 §7), so a log that carries them is not an FTP log.

import { stickyEnd } from './syntax';

// Sticky, case-insensitive (SMTP and NNTP verbs are case-insensitive, RFC 5321 §2.4, RFC 3977 §3.1):
// a command another protocol has and FTP does not, or a status line of HTTP, RTSP or SIP.
const FOREIGN_PAYLOAD =
  /(?:(?:EHLO|HELO|LHLO|STARTTLS|VRFY|EXPN|BDAT|RSET|ETRN|AUTHINFO|ARTICLE|XOVER|NEWNEWS|NEWGROUPS|IHAVE|LISTGROUP|CAPA|UIDL|APOP|STLS)(?![A-Za-z0-9])|MAIL FROM:|RCPT TO:|DATA(?=['"\]]?$)|AUTH (?:LOGIN|PLAIN|CRAM-MD5|XOAUTH2|NTLM|GSSAPI)|MODE READER|GROUP (?=\S)|\+OK(?![^ \r])|-ERR(?![^ \r])|(?:HTTP|RTSP)\/\d|SIP\/2\.0 |(?:GET|POST|PUT|HEAD|DELETE|OPTIONS|PATCH|CONNECT|INVITE|REGISTER|SUBSCRIBE) \S+ (?:HTTP|SIP|RTSP)\/)/iy;

/** True when the payload at `p` is another protocol's command or status line. */
export function foreignPayloadAt(line: string, p: number): boolean {
  return stickyEnd(FOREIGN_PAYLOAD, line, p) >= 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * True when the reply `code` at `p` is an SMTP reply: `354` (start mail input,
 * RFC 5321 §4.2.3) or a code followed by an enhanced status code whose class
 * digit is the code's own (`550 5.1.1`, `250-2.0.0`; RFC 3463 §2).
 */
export function foreignReplyAt(line: string, p: number, code: number): boolean {
  if (code === 354) return true;
  let i = p + 4;
  if (line.charCodeAt(i) !== line.charCodeAt(p) || line.charCodeAt(i + 1) !== 46 /* . */) return false;
  i += 2;
  for (let part = 0; part < 2; part++) {
    const start = i;
    while (i < line.length && i - start < 4 && isDigit(line.charCodeAt(i))) i++;
    if (i === start || i - start > 3) return false;
    if (part === 0) {
      if (line.charCodeAt(i) !== 46) return false;
      i++;
    }
  }
  return i === line.length || !isDigit(line.charCodeAt(i));
}
