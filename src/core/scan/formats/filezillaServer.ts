// FileZilla Server 1.x: the log file and the administration interface's log
// pane copied as plaintext. Sources: filezilla-server src/filezilla/logger/
// stdio.cpp and type.hpp (file), src/gui/serverlogger.cpp
// (`CopyToClipboardAsLog`: `<%s> %s [%s] %s`, the column header row first)
// and src/gui/glue.hpp (the date is `%c` in the admin machine's locale, so
// `11/24/2026 9:41:02 AM` or `24.11.2026 14:02:11`).

import { Channel, Hit, setHit } from './hit';
import { digitsEnd, sessionText } from './session';
import { stickyEnd } from './syntax';

const FILE_LINE = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z (?:\{Thread: \d+\} )?(?:==|!!|>>|<<|WW|DW|DI|DV|DD) /y;
const SESSION_CONTEXT = 'FTP Session ';
/** The pane's column header row, the first line of every copy. */
export const ADMIN_HEADER = '<Date/Time> Info [Type] Message';
/** `<date time> `: a locale's `%c`, which holds a clock (`9:41:02`) and no `<`/`>`. */
const ADMIN_DATE = /<[^<>]{0,40}?\d:\d\d:\d\d[^<>]{0,24}> /y;
/** Type words of the pane (`Private (N)` for custom levels); never translated, the server has no catalogue. */
const ADMIN_TYPES = ['Response', 'Command', 'Status', 'Error', 'Warning', 'Trace'];
const PRIVATE_TYPE = /Private \(\d+\)\] /y;

/** The session id when the context at `p` is `FTP Session <id> ...`. */
function sessionAt(line: string, p: number): string | undefined {
  if (!line.startsWith(SESSION_CONTEXT, p)) return undefined;
  const idStart = p + SESSION_CONTEXT.length;
  const idEnd = digitsEnd(line, idStart);
  return idEnd > idStart ? sessionText(line, idStart, idEnd) : undefined;
}

/** Log file: `<iso time>Z << [FTP Session 7 192.0.2.44] 220 ...`. */
export function recogniseFileZillaServer(line: string, hit: Hit): boolean {
  let p = stickyEnd(FILE_LINE, line, 0);
  if (p < 0) return false;
  const marker = line.charCodeAt(p - 3);
  const reply = marker === 60 && line.charCodeAt(p - 2) === 60;
  const command = marker === 62 && line.charCodeAt(p - 2) === 62;
  let session: string | undefined;
  if (line.charCodeAt(p) === 91 /* [ */) {
    const close = line.indexOf('] ', p);
    if (close > 0) {
      session = sessionAt(line, p + 1);
      p = close + 2;
    }
  }
  setHit(hit, 'filezilla-server', reply ? Channel.Reply : command ? Channel.Command : Channel.Known, 'fzs', p, line.length, session);
  hit.anyCase = true;
  return true;
}

/** The pane's type word at `p` (after `[`) and its `] `: the length through the space, or 0. */
function adminTypeLength(line: string, p: number): number {
  for (const type of ADMIN_TYPES) {
    if (line.startsWith(type, p) && line.charCodeAt(p + type.length) === 93 && line.charCodeAt(p + type.length + 1) === 32) return type.length + 2;
  }
  const end = stickyEnd(PRIVATE_TYPE, line, p);
  return end < 0 ? 0 : end - p;
}

/**
 * Admin pane copy: `<date time> <info> [<Type>] message`, where info is the
 * module context without brackets (`FTP Session 12 203.0.113.61 grace`,
 * `FTP Session 38 198.51.100.9/Throttler`, `FTP Server`) and holds no `[`.
 */
export function recogniseFileZillaServerAdmin(line: string, hit: Hit): boolean {
  // `< ` (curl, Commons Net) and `<--` (lftp) are the common lines starting with `<`: no date there.
  const second = line.charCodeAt(1);
  if (second === 32 || second === 45) return false;
  if (line.startsWith(ADMIN_HEADER)) return setHit(hit, 'filezilla-server', Channel.Known, '', 0, 0);
  const infoStart = stickyEnd(ADMIN_DATE, line, 0);
  if (infoStart < 0) return false;
  const open = line.indexOf('[', infoStart);
  if (open < 0 || line.charCodeAt(open - 1) !== 32 || line.lastIndexOf(']', open) >= infoStart) return false;
  const typeLength = adminTypeLength(line, open + 1);
  if (typeLength === 0) return false;
  const c = line.charCodeAt(open + 1);
  const channel = c === 82 /* Response */ ? Channel.Reply : c === 67 /* Command */ ? Channel.Command : Channel.Known;
  setHit(hit, 'filezilla-server', channel, 'fzs', open + 1 + typeLength, line.length, sessionAt(line, infoStart));
  hit.anyCase = true;
  return true;
}
