// Python ftplib debug output (`*cmd* 'USER x'`, `*resp* '331 ...'`, `*get*`,
// `*put*`, `*welcome*`; values printed with repr()) and the exception line
// that ends a traceback (`ftplib.error_perm: 550 ...`).

import { Channel, Hit, setHit } from './hit';
import { payloadEnd, stickyEnd } from './syntax';

// Sticky, tried at column 0 (see `stickyEnd`).
const DEBUG = /\*(?:resp|get|welcome|cmd|put)\* ['"]/y;
const ERROR = /ftplib\.error_(?:temp|perm|reply|proto): /y;

export function recogniseFtplib(line: string, hit: Hit): boolean {
  const c = line.charCodeAt(0);
  if (c === 42 /* * */) {
    const start = stickyEnd(DEBUG, line, 0);
    if (start < 0) return false;
    const end = payloadEnd(line, start);
    const isCommand = line.startsWith('*cmd*') || line.startsWith('*put*');
    // `*get*` (debug level 2) prints each reply line as read, so its lines form blocks;
    // `*resp*` and `*welcome*` print a whole reply on one line.
    const isGet = line.startsWith('*get*');
    setHit(hit, 'ftplib', isCommand ? Channel.Command : Channel.Reply, isGet ? 'ftplib-get' : 'ftplib', start, end);
    hit.single = !isGet;
    hit.anyCase = true;
    return true;
  }
  if (c === 102 /* f */) {
    const start = stickyEnd(ERROR, line, 0);
    if (start < 0) return false;
    setHit(hit, 'ftplib', Channel.Reply, 'ftplib!', start, line.length);
    hit.single = true;
    return true;
  }
  if (c === 84 /* T */ && line.startsWith('Traceback (most recent call last)')) {
    return setHit(hit, 'ftplib', Channel.Known, '', 0, 0);
  }
  return false;
}
