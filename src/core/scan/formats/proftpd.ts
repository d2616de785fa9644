// ProFTPD: the SystemLog file (no reply codes: it explains replies the client
// saw) and ExtendedLog lines in the default LogFormat `%h %l %u %t "%r" %s %b`
// where `%s` is the reply code (log-formats.md §11).

import { LineKind } from '../../model';
import { isCommandVerb } from '../../catalogue/commands';
import { Channel, doneRow, setHit, type Hit } from './hit';
import { replyCodeAt, stickyEnd, verbSpanning } from './syntax';

const SYSTEM_LOG = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \S+ (?:proftpd|daemon|session)\[\d+\] /;
/** `%h %l %u %t "` of the default ExtendedLog format; sticky at column 0, the request follows. */
const EXTENDED_PREFIX = /\S+ \S+ \S+ \[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "/y;

export function recogniseProftpdSystemLog(line: string, hit: Hit): boolean {
  if (!SYSTEM_LOG.test(line)) return false;
  return setHit(hit, 'proftpd', Channel.Known, '', 0, 0);
}

export function recogniseProftpdExtended(line: string, hit: Hit): boolean {
  if (line.indexOf('] "') < 0) return false;
  const verbStart = stickyEnd(EXTENDED_PREFIX, line, 0);
  if (verbStart < 0) return false;
  // `"%r" ` : the request holds no quote, and a space follows its closing one.
  const requestEnd = line.indexOf('"', verbStart);
  if (requestEnd < 0 || line.charCodeAt(requestEnd + 1) !== 32) return false;
  const space = line.indexOf(' ', verbStart);
  const verbEnd = space >= 0 && space < requestEnd ? space : requestEnd;
  // An HTTP access log has the same shape; only FTP verbs make it ProFTPD's.
  const verb = verbSpanning(line, verbStart, verbEnd);
  if (!verb || !isCommandVerb(verb)) return false;
  const p = requestEnd + 2;
  let statusEnd = line.indexOf(' ', p);
  if (statusEnd < 0) statusEnd = line.length;
  const code = statusEnd - p === 3 ? replyCodeAt(line, p, statusEnd) : -1;
  const row = doneRow(hit, code >= 0 ? LineKind.Exchange : LineKind.Command, 'proftpd-extlog', undefined);
  if (code >= 0) {
    row.code = code;
    row.codeStart = p;
  }
  row.verb = verb;
  row.verbStart = verbStart;
  row.verbEnd = verbEnd;
  if (verbEnd < requestEnd) {
    row.argStart = verbEnd + 1;
    row.argEnd = requestEnd;
  }
  return true;
}
