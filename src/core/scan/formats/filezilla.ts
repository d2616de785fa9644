// FileZilla client (message pane copy and log file) and FileZilla Server
// (0.9 legacy and 1.x) layouts, from log-formats.md §7-§9.

import { Channel, Hit, setHit } from './hit';
import { digitsEnd, sessionText } from './session';

const PANE_TYPES = ['Status:', 'Error:', 'Command:', 'Response:', 'Trace:', 'Listing:'];
const CLIENT_LOG = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \d+ \d+ [A-Z][a-z]+: /;
/** `2026-11-24 10:00:01 ` */
const CLIENT_DATE_LENGTH = 20;
const SERVER_1X = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z (?:\{Thread: \d+\} )?(?:==|!!|>>|<<|WW|DW|DI|DV|DD) /;
const SESSION_1X = '[FTP Session ';
const LEGACY = /^\(\d+\) /;

/** The FileZilla message type starting at `p` followed by a tab or space, or undefined. */
function messageType(line: string, p: number): string | undefined {
  for (const type of PANE_TYPES) {
    if (!line.startsWith(type, p)) continue;
    const sep = line.charCodeAt(p + type.length);
    return sep === 9 || sep === 32 ? type : undefined;
  }
  return undefined;
}

function clientChannel(type: string): Channel {
  if (type === 'Response:') return Channel.Reply;
  if (type === 'Command:') return Channel.Command;
  return Channel.Known;
}

/** Message pane copy: `Response:<TAB>220 ...`. */
export function recogniseFileZillaPane(line: string, hit: Hit): boolean {
  const type = messageType(line, 0);
  if (!type) return false;
  return setHit(hit, 'filezilla', clientChannel(type), 'fz', type.length + 1, line.length);
}

/** Client log file: `<date> <time> <pid> <engine> Response: 220 ...`; pid and engine id name the session. */
export function recogniseFileZillaLog(line: string, hit: Hit): boolean {
  if (!CLIENT_LOG.test(line)) return false;
  // The pid and engine id columns together name the session.
  const pidEnd = digitsEnd(line, CLIENT_DATE_LENGTH);
  const engineEnd = digitsEnd(line, pidEnd + 1);
  const type = messageType(line, engineEnd + 1);
  if (!type) return false;
  const p = engineEnd + 1 + type.length + 1;
  return setHit(hit, 'filezilla', clientChannel(type), 'fz', p, line.length, sessionText(line, CLIENT_DATE_LENGTH, engineEnd));
}

/** FileZilla Server 1.x: `<iso time>Z << [FTP Session 7 192.0.2.44] 220 ...`. */
export function recogniseFileZillaServer(line: string, hit: Hit): boolean {
  if (!SERVER_1X.test(line)) return false;
  let p = line.indexOf('Z ') + 2;
  if (line.charCodeAt(p) === 123 /* { */) p = line.indexOf('} ', p) + 2;
  const type = line.charCodeAt(p) === 60 && line.charCodeAt(p + 1) === 60 ? '<<' : line.charCodeAt(p) === 62 && line.charCodeAt(p + 1) === 62 ? '>>' : '';
  p += 3;
  let session: string | undefined;
  if (line.charCodeAt(p) === 91 /* [ */) {
    const close = line.indexOf('] ', p);
    if (close > 0) {
      if (line.startsWith(SESSION_1X, p)) {
        const idStart = p + SESSION_1X.length;
        session = sessionText(line, idStart, digitsEnd(line, idStart));
      }
      p = close + 2;
    }
  }
  const channel = type === '<<' ? Channel.Reply : type === '>>' ? Channel.Command : Channel.Known;
  setHit(hit, 'filezilla-server', channel, 'fzs', p, line.length, session);
  hit.anyCase = true;
  return true;
}

/** FileZilla Server 0.9: `(000012) <date> <time> - <user> (<ip>)> text`; replies and commands share the prefix. */
export function recogniseFileZillaServerLegacy(line: string, hit: Hit): boolean {
  if (!LEGACY.test(line)) return false;
  const idEnd = line.indexOf(') ');
  const arrow = line.indexOf(')> ', idEnd);
  if (arrow < 0 || line.indexOf(' - ', idEnd) < 0) return false;
  setHit(hit, 'filezilla-server-legacy', Channel.Raw, 'fzs0', arrow + 3, line.length, sessionText(line, 1, idEnd));
  hit.anyCase = true;
  return true;
}
