// What a family recogniser reports about one line before the scanner applies
// the reply/command/multi-line rules that every family shares.

import type { FamilyId, LineKind } from '../../model';
import { clearRow, newRow, type Row } from '../row';

export const enum Channel {
  /** A line of a known family that carries no reply or command (status, note, header). */
  Known = 0,
  /** The payload is server output: a reply line or the continuation of one. */
  Reply = 1,
  /** The payload is a command the client sent. */
  Command = 2,
  /** No direction marker: the payload is a reply line, a command or reply text (raw transcripts). */
  Raw = 3,
  /** Indented or unprefixed text: only ever the continuation of an open raw reply. */
  Text = 4,
  /** The recogniser filled the whole row itself (a command and its reply on one line). */
  Done = 5,
}

/** Filled in place by recognisers (one shared object: no allocation per line). */
export interface Hit {
  family: FamilyId | undefined;
  channel: Channel;
  /** Lines with the same key continue each other's multi-line replies. */
  key: string;
  /** Payload columns: the reply or command starts at `start`; `end` excludes a closing quote. */
  start: number;
  end: number;
  session: string | undefined;
  /** The payload is a whole reply even if it reads `NNN-` (ftplib prints a reply on one line). */
  single: boolean;
  /** Command verbs in this family may be lower case (ftplib, FileZilla Server, Pure-FTPd). */
  anyCase: boolean;
  /**
   * A reply line that is only `NNN ` or `NNN- ` has its text on the next line
   * of the same key and session (FreeBSD ftpd's debug log).
   */
  textNext: boolean;
  /** Command argument columns when the family does not put it right after the verb (-1: after the verb). */
  argStart: number;
  argEnd: number;
  /** For `Channel.Done`: the row the recogniser filled (the scanner's own, shared). */
  readonly row: Row;
}

export function newHit(row: Row = newRow()): Hit {
  return { family: undefined, channel: Channel.Known, key: '', start: 0, end: 0, session: undefined, single: false, anyCase: false, textNext: false, argStart: -1, argEnd: -1, row };
}

/** Resets `hit` for a line whose payload is `line[start, end)`. Returns true for chaining. */
export function setHit(
  hit: Hit,
  family: FamilyId | undefined,
  channel: Channel,
  key: string,
  start: number,
  end: number,
  session?: string,
): true {
  hit.family = family;
  hit.channel = channel;
  hit.key = key;
  hit.start = start;
  hit.end = end;
  hit.session = session;
  hit.single = false;
  hit.anyCase = false;
  hit.textNext = false;
  hit.argStart = -1;
  hit.argEnd = -1;
  return true;
}

/** Marks `hit` as a whole result and returns its row, cleared for the recogniser to fill. */
export function doneRow(hit: Hit, kind: LineKind, family: FamilyId, session: string | undefined): Row {
  setHit(hit, family, Channel.Done, '', 0, 0, session);
  return clearRow(hit.row, kind, family, session);
}
