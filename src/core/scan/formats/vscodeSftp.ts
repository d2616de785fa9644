// VS Code's SFTP extension (liximomo/vscode-sftp and its forks) with
// `"debug": true` on an FTP server, in its "sftp" output channel:
// `[MM-DD HH:MM:SS] [debug] > CMD` and `… < reply` (src/logger.ts: the
// month-day stamp has no year; older builds print no stamp at all). The reply
// is the chunk as read: quoted with `\r\n` escaped (node-ftp builds) or raw
// (basic-ftp builds, whose later reply lines then follow bare).

import { Channel, setHit, type Hit } from './hit';
import { payloadEnd, stickyEnd } from './syntax';

// Sticky at column 0: the optional stamp, then the level in brackets.
const PREFIX = /(?:\[\d\d-\d\d \d\d:\d\d:\d\d\] )?\[(?:trace|debug|info|warn|error|critical)\] /y;

export function recogniseVscodeSftp(line: string, hit: Hit): boolean {
  const p = stickyEnd(PREFIX, line, 0);
  if (p < 0) return false;
  const mark = line.charCodeAt(p);
  if ((mark !== 60 && mark !== 62) || line.charCodeAt(p + 1) !== 32) return setHit(hit, 'vscode-sftp', Channel.Known, '', 0, 0);
  let start = p + 2;
  if (line.charCodeAt(start) === 39 /* ' */) start++;
  // The basic-ftp builds print a reply's later lines bare: they share the `<` channel's bare-line rule.
  return setHit(hit, 'vscode-sftp', mark === 62 ? Channel.Command : Channel.Reply, '<', start, payloadEnd(line, start));
}
