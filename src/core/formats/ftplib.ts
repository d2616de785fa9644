// Python ftplib debug output (`*cmd* 'USER x'`, `*resp* '331 ...'`, `*get*`,
// `*put*`, `*welcome*`; values printed with repr()) and the exception line
// that ends a traceback (`ftplib.error_perm: 550 ...`).

import { Channel, Hit, setHit } from './hit';

const DEBUG = /^\*(resp|get|welcome|cmd|put)\* (['"])/;
const ERROR = /^ftplib\.error_(?:temp|perm|reply|proto): /;

export function recogniseFtplib(line: string, hit: Hit): boolean {
  const c = line.charCodeAt(0);
  if (c === 42 /* * */) {
    const m = DEBUG.exec(line);
    if (!m) return false;
    const quote = m[2];
    const start = m[0].length;
    const end = line.endsWith(quote) && line.length > start ? line.length - 1 : line.length;
    const isCommand = m[1] === 'cmd' || m[1] === 'put';
    setHit(hit, 'ftplib', isCommand ? Channel.Command : Channel.Reply, 'ftplib', start, end);
    hit.single = true;
    hit.anyCase = true;
    return true;
  }
  if (c === 102 /* f */) {
    const m = ERROR.exec(line);
    if (!m) return false;
    setHit(hit, 'ftplib', Channel.Reply, 'ftplib!', m[0].length, line.length);
    hit.single = true;
    return true;
  }
  if (c === 84 /* T */ && line.startsWith('Traceback (most recent call last)')) {
    return setHit(hit, 'ftplib', Channel.Known, '', 0, 0);
  }
  return false;
}
