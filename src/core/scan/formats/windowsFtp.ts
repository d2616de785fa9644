// The command-line ftp clients (Windows ftp.exe, BSD/netkit ftp) print the
// server's replies bare and add their own prompts and summaries
// (log-formats.md §5). These client lines are never replies, and they end a
// reply block the server left open.

import { Channel, Hit, setHit } from './hit';

const CLIENT_LINE = /^(?:ftp>(?: |$)|User \([^)]*\)+:|Password:|Connected to |Login failed\.|Not connected\.|Invalid command\.|ftp: \d+ bytes (?:received|sent) in )/;

export function recogniseFtpClient(line: string, hit: Hit): boolean {
  if (!CLIENT_LINE.test(line)) return false;
  return setHit(hit, 'windows-ftp', Channel.Known, '', 0, 0);
}
