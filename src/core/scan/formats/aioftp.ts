// aioftp (Python asyncio FTP server and client; aio-libs/aioftp server.py, __main__.py).
// Its loggers `aioftp.server` / `aioftp.client` log each command and each
// reply line unmarked (server.py: write_line, parse_command), so a line is a
// reply when its message starts with a code and a command when it starts with
// an FTP verb, in the case the client sent it. Two layouts are seen: the
// server CLI's `[HH:MM:SS]: [aioftp.server] msg` (__main__.py) and Python's
// basicConfig default `DEBUG:aioftp.server:msg`. PASS is logged as one star
// per character. Both sides in one log print each exchange twice: the
// repeated reply is one problem (query/replies isEcho).

import { Channel, Hit, setHit } from './hit';
import { stickyEnd } from './syntax';

const CLI = /\[\d\d:\d\d:\d\d\]: \[aioftp\.(?:server|client)\] /y;
const BASIC = /(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):aioftp\.(?:server|client):/y;

export function recogniseAioftp(line: string, hit: Hit): boolean {
  const p = line.charCodeAt(0) === 91 /* [ */ ? stickyEnd(CLI, line, 0) : stickyEnd(BASIC, line, 0);
  if (p < 0) return false;
  // The server's and the client's logger each log whole replies: their lines do not continue each other's.
  const client = line.charCodeAt(p - (line.charCodeAt(p - 1) === 58 /* : */ ? 7 : 8)) === 99; /* `c`lient */
  setHit(hit, 'aioftp', Channel.Raw, client ? 'aioftp-client' : 'aioftp-server', p, line.length);
  hit.anyCase = true;
  return true;
}
