// Perl Net::FTP with `Debug => 1` (libnet Net::Cmd debug_print): every line
// starts with the object as Perl prints it, `Net::FTP=GLOB(0x55d0c1a2b3c4)`,
// then `>>> ` for what it sent or `<<< ` for what it read; the version banner
// it prints first is `Net::FTP>>> Net::FTP(3.15)`. Subclasses print their own
// class (`Net::FTPSSL=GLOB(...)`). The object names the session.

import { Channel, setHit, type Hit } from './hit';
import { sessionText } from './session';
import { stickyEnd } from './syntax';

// Sticky at column 0: a Perl class name, `=GLOB(0x…)`, and the arrow.
const OBJECT = /[A-Za-z_][\w]*(?:::\w+)*=GLOB\(0x[0-9a-f]+\)(?:<<<|>>>) /y;
const BANNER = /Net::\w+(?:::\w+)*>>> /y;

export function recognisePerlNetFtp(line: string, hit: Hit): boolean {
  const p = stickyEnd(OBJECT, line, 0);
  if (p < 0) return stickyEnd(BANNER, line, 0) >= 0 ? setHit(hit, 'perl-net-ftp', Channel.Known, '', 0, 0) : false;
  const sent = line.charCodeAt(p - 2) === 62; /* > */
  setHit(hit, 'perl-net-ftp', sent ? Channel.Command : Channel.Reply, 'perl', p, line.length, sessionText(line, 0, p - 4));
  return true;
}
