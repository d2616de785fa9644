// ProFTPD: the SystemLog file (no reply codes: it explains replies the client
// saw) and ExtendedLog lines in the default LogFormat `%h %l %u %t "%r" %s %b`
// where `%s` is the reply code (log-formats.md §11).

import { LineKind, type LineResult } from '../model';
import { isCommandVerb } from '../commands';
import { Channel, Hit, setHit } from './hit';
import { replyCodeAt } from './syntax';

const SYSTEM_LOG = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \S+ (?:proftpd|daemon|session)\[\d+\] /;
const EXTENDED = /^\S+ \S+ \S+ \[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "([^"]*)" /;

export function recogniseProftpdSystemLog(line: string, hit: Hit): boolean {
  if (!SYSTEM_LOG.test(line)) return false;
  return setHit(hit, 'proftpd', Channel.Known, '', 0, 0);
}

export function recogniseProftpdExtended(line: string, hit: Hit): boolean {
  if (line.indexOf('] "') < 0) return false;
  const m = EXTENDED.exec(line);
  if (!m) return false;
  const request = m[1];
  const verbStart = m[0].length - request.length - 2;
  const space = request.indexOf(' ');
  const verb = space < 0 ? request : request.slice(0, space);
  // An HTTP access log has the same shape; only FTP verbs make it ProFTPD's.
  if (!isCommandVerb(verb)) return false;
  const p = m[0].length;
  let statusEnd = line.indexOf(' ', p);
  if (statusEnd < 0) statusEnd = line.length;
  const code = statusEnd - p === 3 ? replyCodeAt(line, p, statusEnd) : -1;
  const argStart = verbStart + verb.length + 1;
  const result: LineResult = {
    kind: code >= 0 ? LineKind.Exchange : LineKind.Command,
    family: 'proftpd-extlog',
    code: code >= 0 ? code : undefined,
    codeSpan: code >= 0 ? { start: p, end: p + 3 } : undefined,
    verb: verb.toUpperCase(),
    verbSpan: { start: verbStart, end: verbStart + verb.length },
    argSpan: space < 0 ? undefined : { start: argStart, end: verbStart + request.length },
  };
  setHit(hit, 'proftpd-extlog', Channel.Done, '', 0, 0);
  hit.result = result;
  return true;
}
