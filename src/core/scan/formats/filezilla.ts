// FileZilla client: the message pane as copied (Windows, Linux, macOS, with or
// without "Show timestamps") and the log file, in every UI language: the
// label is the catalogue's translation (catalogue/filezillaLabels.ts), in the
// pane and in the file alike. Sources: FileZilla src/interface/StatusView.cpp
// and src/engine/logfile_writer.cpp (3.70.6), src/engine/logging.cpp (3.5.3).

import { Channel, Hit, setHit } from './hit';
import { digitsEnd, sessionText } from './session';
import { stickyEnd } from './syntax';
import { foundLabels, labelsAt, MessageType } from '../../catalogue/filezillaLabels';
import { isFluentFtpPadding, recogniseFluentFtpNote } from './fluentftp';
import type { FamilyId } from '../../model';

/**
 * macOS pads each label with spaces to the widest label's pixel width before
 * its TAB, so the count depends on the font and the language: allow any
 * plausible run.
 */
const MAC_PADDING = 32;
/** A TAB that a paste turned into spaces (tab stops up to 8 columns). */
const EXPANDED_TAB = 8;
const LTR_MARK = 0x200e;
const LTR_EMBEDDING = 0x202a;
/** `2026-11-24 10:00:01 ` */
const LOG_DATE = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /y;
const LOG_DATE_LENGTH = 20;

/** Columns of the digits in `HH:MM:SS`. */
const CLOCK_DIGITS = [0, 1, 3, 4, 6, 7];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `HH:MM:SS` and a TAB (or a space, on macOS): the pane's "Show timestamps" column. */
function paneClockLength(line: string): number {
  if (line.charCodeAt(2) !== 58 || line.charCodeAt(5) !== 58) return 0;
  for (let i = 0; i < CLOCK_DIGITS.length; i++) if (!isDigit(line.charCodeAt(CLOCK_DIGITS[i]))) return 0;
  const sep = line.charCodeAt(8);
  return sep === 9 || sep === 32 ? 9 : 0;
}

/**
 * Where the message starts after a pane label ending at `q`, or -1: one TAB
 * (Windows, Linux), spaces then one TAB (macOS), or 1-8 spaces where a paste
 * turned the TAB into spaces.
 */
function paneMessageStart(line: string, q: number): number {
  const c = line.charCodeAt(q);
  if (c === 9) return q + 1;
  if (c !== 32) return -1;
  let k = q + 1;
  while (k - q < MAC_PADDING && line.charCodeAt(k) === 32) k++;
  const next = line.charCodeAt(k);
  if (next === 9) return k + 1;
  return k - q <= EXPANDED_TAB && k < line.length && next !== 32 ? k : -1;
}

/**
 * In right-to-left UI languages the pane writes LEFT-TO-RIGHT MARK and
 * LEFT-TO-RIGHT EMBEDDING before a command, reply or trace text (the English
 * text keeps its reading order); the message starts after them.
 */
function afterDirectionMarks(line: string, p: number): number {
  if (line.charCodeAt(p) === LTR_MARK) p++;
  if (line.charCodeAt(p) === LTR_EMBEDDING) p++;
  return p;
}

function channelOf(type: MessageType): Channel {
  if (type === MessageType.Response) return Channel.Reply;
  if (type === MessageType.Command) return Channel.Command;
  // Status, Error, Trace, Listing: the client's own lines; numbers in them are never replies.
  return Channel.Known;
}

/** Message pane copy: `[HH:MM:SS<TAB>]<label><TAB>message`, the label in the UI language. */
export function recogniseFileZillaPane(line: string, hit: Hit): boolean {
  const p = paneClockLength(line);
  if (p === 0 && recogniseFluentFtpNote(line, hit)) return true;
  for (let k = labelsAt(line, p) - 1; k >= 0; k--) {
    const label = foundLabels[k];
    const start = paneMessageStart(line, p + label.text.length);
    if (start < 0) continue;
    const channel = channelOf(label.type);
    const family: FamilyId = channel === Channel.Known && p === 0 && isFluentFtpPadding(line, label.text, start) ? 'fluentftp' : 'filezilla';
    return setHit(hit, family, channel, 'fz', afterDirectionMarks(line, start), line.length);
  }
  return false;
}

/**
 * Client log file: `<date> <time> <pid> <engine> <label> message`, single
 * spaces, the label translated; 3.70 leaves out the engine id for messages of
 * no engine (`<date> <time> <pid> <label> message`). The pid and engine id
 * name the session: concurrent transfers interleave in one file.
 */
export function recogniseFileZillaLog(line: string, hit: Hit): boolean {
  if (stickyEnd(LOG_DATE, line, 0) < 0) return false;
  const pidEnd = digitsEnd(line, LOG_DATE_LENGTH);
  if (pidEnd === LOG_DATE_LENGTH || line.charCodeAt(pidEnd) !== 32) return false;
  let sessionEnd = pidEnd;
  let p = pidEnd + 1;
  const engineEnd = digitsEnd(line, p);
  if (engineEnd > p) {
    if (line.charCodeAt(engineEnd) !== 32) return false;
    sessionEnd = engineEnd;
    p = engineEnd + 1;
  }
  for (let k = labelsAt(line, p) - 1; k >= 0; k--) {
    const label = foundLabels[k];
    const end = p + label.text.length;
    if (line.charCodeAt(end) !== 32) continue;
    return setHit(hit, 'filezilla', channelOf(label.type), 'fz', end + 1, line.length, sessionText(line, LOG_DATE_LENGTH, sessionEnd));
  }
  return false;
}
