// Picks the family recogniser for a line by its first character, so each line
// costs one or two anchored tests rather than one per family.

import { INITIAL_STATE, type ScanState } from '../state';
import { Channel, Hit, setHit } from './hit';
import { recogniseMarkers } from './markers';
import { recogniseFtplib } from './ftplib';
import { recogniseFileZillaLog, recogniseFileZillaPane } from './filezilla';
import { recogniseFileZillaServer, recogniseFileZillaServerAdmin } from './filezillaServer';
import { recogniseFileZillaServerLegacy } from './filezillaServerLegacy';
import { recogniseFluentFtpCall } from './fluentftp';
import { recogniseDayDate } from './vsftpd';
import { recogniseSyslog } from './syslog';
import { recogniseProftpdExtended, recogniseProftpdSystemLog } from './proftpd';
import { IisMatch, isIisHeader, recogniseIisData } from './iis';
import { recognisePyftpdlib } from './pyftpdlib';
import { recogniseFtpClient } from './windowsFtp';
import { replyCodeAt, verbAt, verbLengthAt } from './syntax';
import { recogniseGeneric } from './generic';
import { isCommandVerb } from '../../catalogue/commands';
import type { Dialect } from '../generic/dialect';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function digitLine(line: string, hit: Hit): boolean {
  if (replyCodeAt(line, 0, line.length) >= 0) {
    return setHit(hit, undefined, Channel.Raw, 'raw', 0, line.length);
  }
  // `HH:MM:SS<TAB>`: the FileZilla pane with timestamps shown.
  if (line.charCodeAt(2) === 58 && recogniseFileZillaPane(line, hit)) return true;
  if (line.charCodeAt(4) === 45 /* yyyy- */) {
    return (
      recogniseFileZillaServer(line, hit) ||
      recogniseFileZillaLog(line, hit) ||
      recogniseProftpdSystemLog(line, hit) ||
      recogniseMarkers(line, hit) ||
      recogniseProftpdExtended(line, hit)
    );
  }
  return recogniseMarkers(line, hit) || recogniseProftpdExtended(line, hit);
}

function letterLine(line: string, hit: Hit): boolean {
  const c = line.charCodeAt(0);
  if (line.charCodeAt(3) === 32) {
    if (recogniseDayDate(line, hit) || recogniseSyslog(line, hit)) return true;
  }
  if (isUpper(c) && recogniseFileZillaPane(line, hit)) return true;
  if (recogniseFtplib(line, hit) || recogniseFtpClient(line, hit)) return true;
  if (c === 99 /* c */ && line.startsWith('curl: (')) return setHit(hit, 'curl', Channel.Known, '', 0, 0);
  if (recogniseProftpdExtended(line, hit)) return true;
  return setHit(hit, undefined, Channel.Raw, 'raw', 0, line.length);
}

/**
 * Fills `hit` for `line`; false when the line belongs to no family and has no
 * FTP shape (it can still continue an open raw reply). Families come first;
 * the document's learned client prefixes (`dialect`) read what they leave,
 * except a bare reply or command, which stays a raw transcript's.
 */
export function recognise(line: string, state: ScanState, hit: Hit, dialect?: Dialect): boolean {
  const claimed = recogniseFamilies(line, state, hit);
  if (!dialect || (claimed && !isRawFallback(hit) && !isIndented(hit))) return claimed;
  if (claimed && (replyCodeAt(line, 0, line.length) >= 0 || startsWithCommand(line))) return true;
  return recogniseGeneric(line, dialect, hit) || claimed;
}

/**
 * True when some family's own layout claims `line` whatever the lines around
 * it (no IIS header in force): the lines a learned prefix is never learned
 * from. Depends on the text alone, so what a document learns does not depend
 * on what it learned before.
 */
export function claimedByFamily(line: string, hit: Hit): boolean {
  return recogniseFamilies(line, INITIAL_STATE, hit) && !isRawFallback(hit) && !isIndented(hit);
}

function startsWithCommand(line: string): boolean {
  const length = verbLengthAt(line, 0, line.length, false);
  return length > 0 && isCommandVerb(verbAt(line, 0, length));
}

function recogniseFamilies(line: string, state: ScanState, hit: Hit): boolean {
  if (line.length === 0) return false;
  const c = line.charCodeAt(0);
  // Under an IIS `#Fields:` header, data lines may start with any column (a site name, a date).
  if (state.iis && c !== 35) {
    const iis = recogniseIisData(line, state.iis, hit);
    if (iis === IisMatch.Event) return true;
    if (iis === IisMatch.Shape) {
      // The field count fits, but so may another family's line that happens to have as many spaces.
      if (recogniseOutsideIis(line, c, state, hit) && !isRawFallback(hit)) return true;
      return setHit(hit, 'iis', Channel.Known, '', 0, 0);
    }
  }
  return recogniseOutsideIis(line, c, state, hit);
}

/** A line that starts with white space and that no family claimed (a learned prefix may start so). */
function isIndented(hit: Hit): boolean {
  return hit.channel === Channel.Text && hit.family === undefined;
}

/** A letter line that no family claimed: kept as a possible bare reply or command. */
function isRawFallback(hit: Hit): boolean {
  return hit.channel === Channel.Raw && hit.family === undefined;
}

function recogniseOutsideIis(line: string, c: number, state: ScanState, hit: Hit): boolean {
  if (c === 32 || c === 9) return setHit(hit, undefined, Channel.Text, 'raw', 0, line.length);
  if (isDigit(c)) return digitLine(line, hit);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return letterLine(line, hit);
  switch (c) {
    case 35 /* # */:
      if (recogniseFluentFtpCall(line, hit)) return true;
      return isIisHeader(line) ? setHit(hit, state.iis || line.startsWith('#Software: Microsoft') ? 'iis' : undefined, Channel.Known, '', 0, 0) : false;
    case 40 /* ( */:
      return recogniseFileZillaServerLegacy(line, hit);
    case 91 /* [ */:
      return recognisePyftpdlib(line, hit) || recogniseMarkers(line, hit);
    case 42 /* * */:
      return recogniseFtplib(line, hit) || recogniseMarkers(line, hit);
    case 60 /* < */:
      return recogniseFileZillaServerAdmin(line, hit) || recogniseMarkers(line, hit);
    case 62 /* > */:
      return recogniseFluentFtpCall(line, hit) || recogniseMarkers(line, hit);
    case 45 /* - */:
    case 46 /* . */:
    case 33 /* ! */:
      return recogniseMarkers(line, hit);
    default:
      // Labels in non-Latin scripts (and Latin ones with a diacritic first: `Állapot:`).
      return c >= 128 && recogniseFileZillaPane(line, hit);
  }
}
