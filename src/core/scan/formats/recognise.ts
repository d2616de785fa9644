// Picks the family recogniser for a line by its first character, so each line
// costs one or two anchored tests rather than one per family.

import type { ScanState } from '../state';
import { Channel, Hit, setHit } from './hit';
import { recogniseMarkers } from './markers';
import { recogniseFtplib } from './ftplib';
import { recogniseFileZillaLog, recogniseFileZillaPane, recogniseFileZillaServer, recogniseFileZillaServerLegacy } from './filezilla';
import { recogniseDayDate } from './vsftpd';
import { recogniseSyslog } from './syslog';
import { recogniseProftpdExtended, recogniseProftpdSystemLog } from './proftpd';
import { IisMatch, isIisHeader, recogniseIisData } from './iis';
import { recognisePyftpdlib } from './pyftpdlib';
import { recogniseFtpClient } from './windowsFtp';
import { replyCodeAt } from './syntax';

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
 * FTP shape (it can still continue an open raw reply).
 */
export function recognise(line: string, state: ScanState, hit: Hit): boolean {
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
      return isIisHeader(line) ? setHit(hit, state.iis || line.startsWith('#Software: Microsoft') ? 'iis' : undefined, Channel.Known, '', 0, 0) : false;
    case 40 /* ( */:
      return recogniseFileZillaServerLegacy(line, hit);
    case 91 /* [ */:
      return recognisePyftpdlib(line, hit) || recogniseMarkers(line, hit);
    case 42 /* * */:
      return recogniseFtplib(line, hit) || recogniseMarkers(line, hit);
    case 60 /* < */:
    case 62 /* > */:
    case 45 /* - */:
    case 46 /* . */:
    case 33 /* ! */:
      return recogniseMarkers(line, hit);
    default:
      return false;
  }
}
