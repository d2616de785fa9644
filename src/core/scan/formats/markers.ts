// Client transcripts whose lines start with a direction marker:
// curl -v (`< ` `> ` `* `, optional --trace-time; in a terminal its progress
// meter is often glued in front of the marker) and curl --trace-ascii
// (`== Info:`, `<= Recv header, N bytes`, `=> Send header, …`, then the line
// itself after a `0000: ` offset), Apache Commons Net PrintCommandListener
// (`< ` `> `), WinSCP (`<`/`>`/`.`/`!`/`*` + timestamp), lftp debug (`<--- `
// `---> ` `---- ` `**** `, optionally indented and behind `[pid] `, a date and
// the host: lftp src/log.cc) and the BSD/Windows ftp client's debug arrow
// (`---> `).

import { Channel, Hit, setHit } from './hit';
import { stickyEnd } from './syntax';

const WINSCP = /^[<>.!*] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} /;
// Sticky, tried at column 0 (see `stickyEnd`).
const TRACE_TIME = /\d\d:\d\d:\d\d\.\d{6} (?=[<>*=] )/y;
// log:show-pid, log:show-time and log:show-ctx prefixes in lftp's order (the date
// before the pid is accepted too), then the marker.
const LFTP = /[ \t]*(?:\[\d+\] )?(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d )?(?:\[\d+\] )?(?:[^\s<>*-]\S* )?(?:<---|--->|----|\*\*\*\*) /y;
// curl's progress meter (eight amounts, three times, the speed) glued in front of a marker.
const METER = / *\d+(?:\.\d+)?[kMGTP]?(?: +\d+(?:\.\d+)?[kMGTP]?){7} +(?:[\d-]+:[\d-]+:[\d-]+ +){3}\d+(?:\.\d+)?[kMGTP]?(?=[<>*] )/y;
// curl --trace-ascii: its notes and event headers; `--trace-ids` puts an id before them.
const TRACE_EVENT = /(?:== (?:\d+ )?Info: |(?:\d+ )?(?:<= Recv|=> Send) (?:header|data|SSL data), \d+ bytes)/y;
/** A --trace-ascii dump line: four hex digits of offset, a colon, a space. */
const TRACE_DUMP = /[0-9a-f]{4}: /y;

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

/** curl --trace-ascii lines at `p`: notes and event headers, or a dump line holding a reply or command. */
function curlTrace(line: string, p: number, hit: Hit): boolean {
  if (stickyEnd(TRACE_EVENT, line, p) >= 0) return setHit(hit, 'curl', Channel.Known, '', 0, 0);
  const q = stickyEnd(TRACE_DUMP, line, p);
  return q >= 0 && setHit(hit, 'curl', Channel.Raw, 'curl-trace', q, line.length);
}

/** Lines starting with `<`, `>`, `*`, `-`, `.`, `!`, `=`, white space or a digit (a stamp, a meter, an offset). */
export function recogniseMarkers(line: string, hit: Hit): boolean {
  const c = line.charCodeAt(0);
  if (c === 45 /* - */ || c === 91 /* [ */ || c === 32 || c === 9) {
    if (lftp(line, hit)) return true;
    const meter = c === 32 ? stickyEnd(METER, line, 0) : -1;
    return meter >= 0 && curlMarker(line, meter, hit);
  }
  if (c === 61 /* = */ || c === 60 /* < */ && line.charCodeAt(1) === 61) return curlTrace(line, 0, hit);
  if (c >= 48 && c <= 57) {
    const p = stickyEnd(TRACE_TIME, line, 0);
    if (p >= 0) return line.charCodeAt(p) === 61 || line.charCodeAt(p + 1) === 61 ? curlTrace(line, p, hit) : curlMarker(line, p, hit);
    const meter = stickyEnd(METER, line, 0);
    if (meter >= 0) return curlMarker(line, meter, hit);
    return lftp(line, hit) || curlTrace(line, 0, hit);
  }
  if (line.charCodeAt(1) === 32 && line.charCodeAt(2) >= 48 && line.charCodeAt(2) <= 57 && winscp(line, hit)) return true;
  if (c === 60 && line.startsWith('<--')) return lftp(line, hit);
  if (c === 42 && line.startsWith('****')) return lftp(line, hit);
  return curlMarker(line, 0, hit);
}
