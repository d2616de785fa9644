// Ruby Net::FTP with `debug_mode = true` (net-ftp lib/net/ftp.rb): `put: CMD`
// for what it sent, `get: reply` for each reply line, `connect: host, port`
// when it connects. Other tools print `put:`/`get:` too (lftp's command
// errors: `put: file: Access failed: 553 …`), so a line is Ruby's only when
// its payload is a command verb or a reply.

import { Channel, setHit, type Hit } from './hit';
import { isCommandAt, replyCodeAt, stickyEnd } from './syntax';

const CONNECT = /connect: \S+, \d+$/y;

export function recogniseRubyNetFtp(line: string, hit: Hit): boolean {
  const c = line.charCodeAt(0);
  if (c === 99 /* c */) return stickyEnd(CONNECT, line, 0) >= 0 && setHit(hit, 'ruby-net-ftp', Channel.Known, '', 0, 0);
  const put = line.startsWith('put: ');
  if (!put && !line.startsWith('get: ')) return false;
  if (put) return isCommandAt(line, 5, false) && setHit(hit, 'ruby-net-ftp', Channel.Command, 'ruby', 5, line.length);
  // A reply line, or a later line of a multi-line reply (its text starts with a space).
  if (replyCodeAt(line, 5, line.length) < 0 && line.charCodeAt(5) !== 32) return false;
  return setHit(hit, 'ruby-net-ftp', Channel.Reply, 'ruby', 5, line.length);
}
