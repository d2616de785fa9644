// FTP servers' lines written through syslog or the journal, in any of the
// header layouts syslogHeader.ts reads: the program named by the tag picks
// the server's own reader for the message. Other programs' lines are left
// unrecognised (an FTP client that logs through syslog is the generic
// recogniser's to learn).

import type { ScanState } from '../state';
import { Channel, setHit, type Hit } from './hit';
import { header, programIs, readSyslogHeader } from './syslogHeader';
import { recogniseVsftpdEvent } from './vsftpd';
import { recognisePureFtpdMessage } from './pureFtpd';
import { recogniseProftpdMessage } from './proftpd';
import { FtpdProgram, recogniseFtpdMessage } from './ftpd';
import { recogniseSftpgoJson } from './sftpgo';
import { sessionText } from './session';

/** The tag's process id as a session (only FTP servers' lines pay for the string). */
function pidOf(line: string): string | undefined {
  return header.pidStart >= 0 ? sessionText(line, header.pidStart, header.pidEnd) : undefined;
}

export function recogniseSyslog(line: string, state: ScanState, hit: Hit): boolean {
  if (!readSyslogHeader(line)) return false;
  const from = header.msgStart;
  // Only ProFTPD's own SystemLog file writes a tag with no colon (`proftpd[pid] vhost …`).
  if (!header.colon) return programIs(line, 'proftpd') && recogniseProftpdMessage(line, from, hit);
  switch (line.charCodeAt(header.progStart)) {
    case 118 /* v */:
      return programIs(line, 'vsftpd') && recogniseVsftpdEvent(line, from, pidOf(line), hit);
    case 112 /* p */:
      if (programIs(line, 'pure-ftpd')) return recognisePureFtpdMessage(line, from, pidOf(line), hit);
      return programIs(line, 'proftpd') && recogniseProftpdMessage(line, from, hit);
    case 102 /* f */:
      return programIs(line, 'ftpd') && recogniseFtpdMessage(line, from, FtpdProgram.Ftpd, pidOf(line), state, hit);
    case 119 /* w */:
      return programIs(line, 'wu-ftpd') && recogniseFtpdMessage(line, from, FtpdProgram.Wu, pidOf(line), state, hit);
    case 105 /* i */:
      return programIs(line, 'in.ftpd') && recogniseFtpdMessage(line, from, FtpdProgram.InFtpd, pidOf(line), state, hit);
    case 115 /* s */:
      if (!programIs(line, 'sftpgo')) return false;
      return recogniseSftpgoJson(line, from, hit) || setHit(hit, undefined, Channel.Known, '', 0, 0);
    default:
      return false;
  }
}
