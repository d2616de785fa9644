// Client transcripts whose lines start with a direction marker:
// curl -v (`< ` `> ` `* `, optional --trace-time), Apache Commons Net
// PrintCommandListener (`< ` `> `), WinSCP (`<`/`>`/`.`/`!`/`*` + timestamp),
// lftp debug (`<--- ` `---> ` `---- ` `**** `) and the BSD/Windows ftp
// client's debug arrow (`---> `).

import { Channel, Hit, setHit } from './hit';
import { stickyEnd } from './syntax';

const WINSCP = /^[<>.!*] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} /;
// Sticky, tried at column 0 (see `stickyEnd`).
const TRACE_TIME = /\d\d:\d\d:\d\d\.\d{6} (?=[<>*] )/y;
const LFTP = /(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d )?(?:\[\d+\] )?(?:<---|--->|----|\*\*\*\*) /y;

/** curl / Commons Net markers at `p`: `< ` reply, `> ` command, `* ` curl commentary. */
function curlMarker(line: string, p: number, hit: Hit): boolean {
  const c = line.charCodeAt(p);
  if (line.charCodeAt(p + 1) !== 32) return false;
  if (c === 60) return setHit(hit, 'curl', Channel.Reply, '<', p + 2, line.length);
  if (c === 62) return setHit(hit, 'curl', Channel.Command, '<', p + 2, line.length);
  if (c === 42) return setHit(hit, 'curl', Channel.Known, '', 0, 0);
  return false;
}

function winscp(line: string, hit: Hit): boolean {
  if (!WINSCP.test(line)) return false;
  const c = line.charCodeAt(0);
  const p = 26;
  if (c === 60) return setHit(hit, 'winscp', Channel.Reply, 'winscp', p, line.length);
  if (c === 62) return setHit(hit, 'winscp', Channel.Command, 'winscp', p, line.length);
  return setHit(hit, 'winscp', Channel.Known, '', 0, 0);
}

function lftp(line: string, hit: Hit): boolean {
  const p = stickyEnd(LFTP, line, 0);
  if (p < 0) return false;
  const arrow = line.charCodeAt(p - 5);
  const second = line.charCodeAt(p - 2);
  if (arrow === 60) return setHit(hit, 'lftp', Channel.Reply, 'lftp', p, line.length);
  // `---> ` is shared by lftp and the BSD/Windows ftp client's debug mode: no family claim.
  if (second === 62) return setHit(hit, undefined, Channel.Command, 'lftp', p, line.length);
  return setHit(hit, 'lftp', Channel.Known, '', 0, 0);
}

/** Lines starting with `<`, `>`, `*`, `-`, `.`, `!` or a curl --trace-time stamp. */
export function recogniseMarkers(line: string, hit: Hit): boolean {
  const c = line.charCodeAt(0);
  if (c === 45 /* - */ || c === 91 /* [ */) return lftp(line, hit);
  if (c >= 48 && c <= 57) {
    const p = stickyEnd(TRACE_TIME, line, 0);
    return p >= 0 ? curlMarker(line, p, hit) : lftp(line, hit);
  }
  if (line.charCodeAt(1) === 32 && line.charCodeAt(2) >= 48 && line.charCodeAt(2) <= 57 && winscp(line, hit)) return true;
  if (c === 60 && line.startsWith('<--')) return lftp(line, hit);
  if (c === 42 && line.startsWith('****')) return lftp(line, hit);
  return curlMarker(line, 0, hit);
}
