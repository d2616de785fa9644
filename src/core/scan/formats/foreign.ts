// Lines of other protocols that share FTP's shapes: SMTP (a 220 greeting,
// 250- multi-line replies, 550 rejections), NNTP (three-digit codes exactly
// like FTP's), POP3 (USER, PASS, LIST, RETR, QUIT), IMAP, IRC, HTTP, RTSP and
// SIP. Their commands and tokens never occur in FTP (RFC 959 §4.1 lists every
// FTP verb, RFC 2228, RFC 2389, RFC 2428, RFC 3659 and RFC 7151 the later
// ones), so a log that carries them is not an FTP log.

import { stickyEnd } from './syntax';

// Sticky, case-insensitive (SMTP, NNTP and POP3 verbs are case-insensitive:
// RFC 5321 §2.4, RFC 3977 §3.1, RFC 1939 §3; Python's smtplib sends `ehlo`):
// - SMTP (RFC 5321 §4.1): EHLO, HELO, RSET, VRFY, EXPN, `MAIL FROM:`, `RCPT TO:`,
//   a bare DATA; LHLO (RFC 2033), STARTTLS (RFC 3207), BDAT (RFC 3030), ETRN
//   (RFC 1985); `AUTH` with an SMTP SASL mechanism (RFC 4954). `AUTH TLS`,
//   `AUTH SSL`, `AUTH GSSAPI` and `AUTH KERBEROS_V4` are FTP (RFC 2228, RFC 4217).
// - NNTP (RFC 3977 §6-7, RFC 4643, RFC 2980): AUTHINFO, ARTICLE, XOVER,
//   NEWNEWS, NEWGROUPS, IHAVE, LISTGROUP, `MODE READER`, `GROUP name`.
// - POP3 (RFC 1939, RFC 2449, RFC 2595): CAPA, UIDL, APOP, STLS, `+OK`, `-ERR`.
// - HTTP, RTSP and SIP status and request lines (RFC 9112 §3-4, RFC 2326 §6-7 and §10,
//   RFC 3261 §7 and the SIP methods of RFC 3262, 3265, 3311, 3428, 3515, 3903, 6086).
const FOREIGN_ANY_CASE =
  /(?:(?:EHLO|HELO|LHLO|STARTTLS|VRFY|EXPN|BDAT|RSET|ETRN|AUTHINFO|ARTICLE|XOVER|NEWNEWS|NEWGROUPS|IHAVE|LISTGROUP|CAPA|UIDL|APOP|STLS)(?![A-Za-z0-9])|MAIL FROM:|RCPT TO:|DATA(?=['"\]]?$)|AUTH (?:LOGIN|PLAIN|CRAM-MD5|XOAUTH2|NTLM)(?![A-Za-z0-9_-])|MODE READER|GROUP (?=\S)|\+OK(?![^ \r])|-ERR(?![^ \r])|(?:HTTP|RTSP)\/\d|SIP\/2\.0 |(?:GET|POST|PUT|HEAD|DELETE|OPTIONS|PATCH|CONNECT|DESCRIBE|SETUP|PLAY|PAUSE|TEARDOWN|ANNOUNCE|RECORD|GET_PARAMETER|SET_PARAMETER|INVITE|ACK|BYE|CANCEL|REGISTER|SUBSCRIBE|NOTIFY|PRACK|UPDATE|REFER|MESSAGE|INFO|PUBLISH) \S+ (?:HTTP|SIP|RTSP)\/)/iy;

// Sticky and case-sensitive: words that are common in prose (`Date`, `Next`,
// `Last`, `Head`) count only in the upper case clients send, with the
// arguments their protocol gives them, alone on the line (a closing quote or
// bracket of the log's own may follow). A bare `HEAD`, or a lone `.`, may be
// a file name in an FTP listing, so neither counts:
// - NNTP (RFC 3977 §6.1-6.3, §8, §7.1, §3.3.2): HEAD and BODY with an article
//   number or message-id, NEXT, LAST, DATE, POST, CAPABILITIES, OVER with a
//   range, HDR/XHDR (RFC 2980 §2.6) with a header name;
// - POP3 TOP msg n (RFC 1939 §7);
// - IRC (RFC 2812 §3.1-3.3, §3.7): NICK, `USER u m * :real name`, JOIN a channel,
//   PRIVMSG/NOTICE with a trailing parameter, PING/PONG/QUIT with one, and any
//   message that starts with a `:prefix` (§2.3.1);
// - IMAP (RFC 9051 §7): untagged `* OK`, `* CAPABILITY`, `* 12 EXISTS`…, and a
//   tag of letters and digits before a command or a status (§2.2.1, §7.1).
const FOREIGN_UPPER_CASE =
  /(?:(?:HEAD|BODY) (?:\d{1,20}|<[^<>\s]{1,250}>)(?=['"\]]?$)|(?:NEXT|LAST|DATE|POST|CAPABILITIES)(?=['"\]]?$)|OVER(?: \d{1,20}(?:-\d{0,20})?| <[^<>\s]{1,250}>)?(?=['"\]]?$)|X?HDR [A-Za-z][\w-]*(?![^ '"\]])|TOP \d{1,10} \d{1,10}(?=['"\]]?$)|NICK [^\s:'"]+(?=['"\]]?$)|USER \S+ \S+ \S+ :|JOIN [#&+!]|(?:PRIVMSG|NOTICE) \S+ :|(?:PING|PONG|QUIT) :|:[^\s:]\S* (?:\d{3}|[A-Z]+) |\* (?:OK|NO|BAD|BYE|PREAUTH|CAPABILITY|FLAGS|LIST|LSUB|STATUS|SEARCH|ESEARCH|ENABLED|NAMESPACE)(?![^ \]'"])|\* \d{1,10} (?:EXISTS|RECENT|EXPUNGE|FETCH)(?![A-Za-z])|[A-Za-z]{1,8}\d{1,8} (?:OK|NO|BAD|CAPABILITY|LOGIN|AUTHENTICATE|SELECT|EXAMINE|FETCH|UID|LOGOUT|STARTTLS|LIST|LSUB|STATUS|APPEND|IDLE|NAMESPACE|ENABLE|STORE|COPY|MOVE|EXPUNGE|SEARCH|CLOSE|NOOP)(?![A-Za-z]))/y;

/** True when the payload at `p` is another protocol's command, status line or line shape. */
export function foreignPayloadAt(line: string, p: number): boolean {
  return stickyEnd(FOREIGN_ANY_CASE, line, p) >= 0 || stickyEnd(FOREIGN_UPPER_CASE, line, p) >= 0;
}

/** True when the foreign payload at `p` is a POP3 `+OK`, which may open a listing (see `listingLineAt`). */
export function positiveStatusAt(line: string, p: number): boolean {
  return line.charCodeAt(p) === 43 /* + */ && (line.charCodeAt(p + 1) | 32) === 111 /* o */ && (line.charCodeAt(p + 2) | 32) === 107 /* k */;
}

// After 250, a line of the EHLO reply (RFC 5321 §4.1.1.1) that no FTP reply
// looks like: a keyword alone on the line, with its parameters if it has any.
// PIPELINING (RFC 2920), 8BITMIME (RFC 6152), ENHANCEDSTATUSCODES (RFC 2034),
// DSN (RFC 3461), SMTPUTF8 (RFC 6531), STARTTLS (RFC 3207), CHUNKING and
// BINARYMIME (RFC 3030), ETRN (RFC 1985), REQUIRETLS (RFC 8689), SIZE
// (RFC 1870) and DELIVERBY (RFC 2852) with a number, AUTH with SASL mechanisms
// (RFC 4954; `AUTH=` is the pre-standard form). A quote or `\r` of the log's
// own may close the line.
const EHLO_KEYWORD =
  /(?:PIPELINING|8BITMIME|ENHANCEDSTATUSCODES|DSN|SMTPUTF8|STARTTLS|CHUNKING|BINARYMIME|ETRN|REQUIRETLS|(?:DELIVERBY|SIZE)(?: \d{1,20})?|AUTH[ =](?:PLAIN|LOGIN|CRAM-MD5|DIGEST-MD5|NTLM|GSSAPI|XOAUTH2|OAUTHBEARER|SCRAM-SHA-1|SCRAM-SHA-256)(?: [A-Z0-9_-]+)*)(?=[\r'"\\]|$)/y;

// After 220-223, NNTP's article response `n <message-id>` (RFC 3977 §6.2.1-6.2.4, §6.1.3).
const ARTICLE_RESPONSE = / \d{1,20} <[^<>\s@]{1,250}@[^<>\s]{1,250}>/y;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * True when the reply `code` at `p` is another protocol's: `354` (start mail
 * input, RFC 5321 §4.2.3), a code followed by an enhanced status code whose
 * class digit is the code's own (`550 5.1.1`, `250-2.0.0`; RFC 3463 §2), an
 * EHLO keyword line (`250-PIPELINING`) or an NNTP article response
 * (`220 3000234 <id@host>`).
 */
export function foreignReplyAt(line: string, p: number, code: number): boolean {
  if (code === 354) return true;
  if (code === 250 && stickyEnd(EHLO_KEYWORD, line, p + 4) >= 0) return true;
  if (code >= 220 && code <= 223 && stickyEnd(ARTICLE_RESPONSE, line, p + 3) >= 0) return true;
  return enhancedStatusAt(line, p);
}

/** The `c.d.d` enhanced status code after the reply code at `p`, its class digit the code's own. */
function enhancedStatusAt(line: string, p: number): boolean {
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

/**
 * True when `line[start, end)` is a line of a POP3 listing: `msg octets` or
 * `msg unique-id` after `+OK` to LIST or UIDL (RFC 1939 §5, §7), or the lone
 * `.` that ends it. `121 550` there is message 121 of 550 octets, not a reply.
 */
export function listingLineAt(line: string, start: number, end: number): boolean {
  if (end - start === 1) return line.charCodeAt(start) === 46;
  let i = start;
  while (i < end && isDigit(line.charCodeAt(i))) i++;
  if (i === start || i - start > 10 || line.charCodeAt(i) !== 32) return false;
  const token = ++i;
  // RFC 1939 §7: a unique-id is 1-70 characters in 0x21-0x7E.
  while (i < end && line.charCodeAt(i) > 32 && line.charCodeAt(i) < 127) i++;
  return i === end && i > token && i - token <= 70;
}
