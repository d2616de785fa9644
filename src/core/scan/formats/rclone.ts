// rclone's FTP backend with `--dump headers` (rclone backend/ftp/ftp.go,
// `debugLog`): the rclone log prefix `YYYY/MM/DD HH:MM:SS LEVEL : ` (or a
// syslog priority `<7>DEBUG : ` under systemd), then `FTP Tx: "CMD"` for a
// command and `FTP Rx: "reply line"` for each reply line, Go-quoted; the
// password line alone is bare: `FTP Tx: PASS *****`. rclone's other lines
// with that prefix are its own notes.

import { Channel, setHit, type Hit } from './hit';
import { payloadEnd, stickyEnd } from './syntax';

// Sticky at column 0: the date form, or a syslog priority; the level padded to six columns.
const PREFIX = /(?:\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? |<\d>)(?:DEBUG|INFO |NOTICE|ERROR|WARNING|CRITICAL|ALERT|EMERGENCY) ?: /y;
const TX = 'FTP Tx: ';
const RX = 'FTP Rx: ';

export function recogniseRclone(line: string, hit: Hit): boolean {
  const p = stickyEnd(PREFIX, line, 0);
  if (p < 0) return false;
  const tx = line.startsWith(TX, p);
  if (!tx && !line.startsWith(RX, p)) return setHit(hit, 'rclone', Channel.Known, '', 0, 0);
  let start = p + TX.length;
  if (line.charCodeAt(start) === 34 /* " */) start++;
  return setHit(hit, 'rclone', tx ? Channel.Command : Channel.Reply, 'rclone', start, payloadEnd(line, start));
}
