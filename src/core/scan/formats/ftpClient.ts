// The command-line ftp clients print the server's replies bare and add their
// own prompts and summaries (log-formats.md §5). These client lines are never
// replies, and they end a reply block the server left open. Windows ftp.exe
// and the BSD family (BSD ftp, netkit ftp, tnftp; `---> CMD` with `-d`) share
// the prompt and a few texts, and each has lines of its own that name it:
// Windows asks `User (host:(none)):` and sums up `ftp: N bytes received in
// 0.00Seconds …`; the BSD clients ask `Name (host:user):`, report `Remote
// system type is UNIX.` and sum up `N bytes received in 0.0001 seconds (…)`.

import { Channel, setHit, type Hit } from './hit';
import { stickyEnd } from './syntax';

const SHARED = /(?:ftp>(?: |$)|Password:|Connected to |Login failed\.|Not connected\.)/y;
const WINDOWS = /(?:User \([^)]*\)+:|Invalid command\.|ftp: \d+ bytes (?:received|sent) in [\d.]+Seconds )/y;
const BSD =
  /(?:Name \([^)]*\): |Remote system type is |Using (?:binary|ascii) mode to transfer files\.|\d+ bytes (?:received|sent) in [\d.]+ (?:seconds|secs) |\?Invalid command\.|Debugging on \((?:ftp_)?debug=\d+\)\.|Trying [\d.:a-f]+\.\.\.$|local: \S+ remote: |ftp_login: user |got (?:local|remote)cwd as )/y;
// basic-ftp (Node.js, src/FtpContext.ts and src/Client.ts) prints these itself in verbose mode.
const BASIC_FTP =
  /(?:Connected to \S+:\d+ \((?:No encryption|TLS[^)]*)\)$|Login security: |Control socket is using: |Trying to find optimal transfer strategy\.\.\.$|Optimal transfer strategy found\.$|(?:Downloading from|Uploading to) \S+:\d+ \()/y;

export function recogniseFtpClient(line: string, hit: Hit): boolean {
  if (stickyEnd(BASIC_FTP, line, 0) >= 0) return setHit(hit, 'basic-ftp', Channel.Known, '', 0, 0);
  if (stickyEnd(WINDOWS, line, 0) >= 0) return setHit(hit, 'windows-ftp', Channel.Known, '', 0, 0);
  if (stickyEnd(BSD, line, 0) >= 0) return setHit(hit, 'bsd-ftp', Channel.Known, '', 0, 0);
  // Lines both clients print say which client only through the others: they name no family.
  return stickyEnd(SHARED, line, 0) >= 0 && setHit(hit, undefined, Channel.Known, '', 0, 0);
}
