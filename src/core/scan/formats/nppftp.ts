// NppFTP, Notepad++'s FTP plug-in, in its "NppFTP Output" window: commands as
// `-> CMD` (pipelined ones often with two trailing spaces; PASS as
// `-> PASS *HIDDEN*`), replies bare, and its own status lines (`[FTPS] …`,
// `[SFTP] …`, `Failure retrieving contents of directory …`). Because it
// pipelines, a command may be logged before the reply to an earlier one.

import { Channel, setHit, type Hit } from './hit';
import { isCommandAt, stickyEnd } from './syntax';

const OWN_LINE = /(?:\[(?:FTPS|SFTP)\] |Failure retrieving contents of directory |Unable to connect$)/y;

export function recogniseNppFtp(line: string, hit: Hit): boolean {
  // The marker alone is common; NppFTP's is followed by the command (in any case: it logs `-> Quit`).
  if (line.startsWith('-> ')) return isCommandAt(line, 3, true) && setHit(hit, 'nppftp', Channel.Command, 'raw', 3, line.length);
  return stickyEnd(OWN_LINE, line, 0) >= 0 && setHit(hit, 'nppftp', Channel.Known, '', 0, 0);
}
