// The Node.js `ftp` package (mscdex/node-ftp, lib/connection.js and
// lib/parser.js) with `debug: console.log`: `[connection] > 'CMD'` for what it
// sent (the password in clear), `[connection] < '…'` for each chunk read
// (util.inspect of the raw text, `\r\n` escaped, so one chunk may hold part of
// a reply or several), `[parser] < '…'` for what it hands its parser (the same
// text again) and `[parser] Response: code=NNN, buffer='…'` once per reply.
// The chunk lines carry the replies; the parser's lines repeat them and are
// the library's own.

import { Channel, setHit, type Hit } from './hit';
import { payloadEnd } from './syntax';

const SENT = "[connection] > '";
const READ = "[connection] < '";
const PARSER = '[parser] ';

export function recogniseNodeFtp(line: string, hit: Hit): boolean {
  if (line.startsWith(SENT)) return setHit(hit, 'node-ftp', Channel.Command, 'node-ftp', SENT.length, payloadEnd(line, SENT.length));
  if (line.startsWith(READ)) return setHit(hit, 'node-ftp', Channel.Reply, 'node-ftp', READ.length, payloadEnd(line, READ.length));
  return line.startsWith(PARSER) && setHit(hit, 'node-ftp', Channel.Known, '', 0, 0);
}
