// Picks the family recogniser for a line by its first character, so each line
// costs one or two anchored tests rather than one per family.

import { INITIAL_STATE, type ScanState } from '../state';
import { LineKind, type FamilyId } from '../../model';
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
import { isJournalMarker } from './syslogHeader';
import { recogniseSftpgoConsole, recogniseSftpgoJson } from './sftpgo';
import { recogniseAioftp } from './aioftp';
import { IisMatch, isIisHeader, isIisSoftware, recogniseIisData } from './iis';
import { recogniseHeaderlessIis } from './iisHeaderless';
import { recognisePyftpdlib } from './pyftpdlib';
import { recogniseFtpClient } from './ftpClient';
import { recogniseRclone } from './rclone';
import { recognisePerlNetFtp } from './perlNetFtp';
import { recogniseRubyNetFtp } from './rubyNetFtp';
import { recogniseWget } from './wget';
import { recogniseNppFtp } from './nppftp';
import { recogniseNodeFtp } from './nodeFtp';
import { recogniseVscodeSftp } from './vscodeSftp';
import { isCommandAt, replyCodeAt } from './syntax';
import { recogniseGeneric } from './generic';
import type { Dialect } from '../generic/dialect';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function digitLine(line: string, state: ScanState, hit: Hit): boolean {
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
      (line.charCodeAt(10) === 84 /* T */ && (recogniseSyslog(line, state, hit) || recogniseSftpgoConsole(line, hit))) ||
      recogniseMarkers(line, hit) ||
      recogniseProftpdExtended(line, hit) ||
      recogniseHeaderlessIis(line, hit)
    );
  }
  if (line.charCodeAt(4) === 47 /* yyyy/ */ && recogniseRclone(line, hit)) return true;
  return recogniseSyslog(line, state, hit) || recogniseMarkers(line, hit) || recogniseProftpdExtended(line, hit) || recogniseHeaderlessIis(line, hit);
}

/** `DEBUG:`, `INFO:` … : Python logging's default layout (aioftp). */
function isPythonLevel(c: number): boolean {
  return c === 68 || c === 73 || c === 87 || c === 69 || c === 67;
}

/** Client libraries whose lines start with a letter: cheap first-character tests before each pattern. */
function clientLibraryLine(line: string, c: number, hit: Hit): boolean {
  if ((c === 112 /* p */ || c === 103 /* g */ || c === 99 /* c */) && recogniseRubyNetFtp(line, hit)) return true;
  if (line.indexOf('=GLOB(0x') > 0 || line.startsWith('Net::')) return recognisePerlNetFtp(line, hit);
  return (c === 76 /* L */ || c === 82 /* R */ || c === 67 /* C */ || c === 100 /* d */) && recogniseWget(line, hit);
}

function letterLine(line: string, state: ScanState, hit: Hit): boolean {
  const c = line.charCodeAt(0);
  if (line.charCodeAt(3) === 32) {
    if (recogniseDayDate(line, hit) || recogniseSyslog(line, state, hit)) return true;
  }
  if (isUpper(c) && (recogniseFileZillaPane(line, hit) || (isPythonLevel(c) && recogniseAioftp(line, hit)))) return true;
  if (recogniseFtplib(line, hit) || recogniseFtpClient(line, hit) || clientLibraryLine(line, c, hit)) return true;
  if ((c === 70 /* F */ || c === 85 /* U */) && recogniseNppFtp(line, hit)) return true;
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
  if (claimed && (replyCodeAt(line, 0, line.length) >= 0 || isCommandAt(line, 0, false))) return true;
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

/**
 * The family whose reply, command or own line `text` is by that family's
 * layout alone (no IIS header in force), or undefined: what a wrapper's
 * inner text is learned from. `hit.channel` then tells which kind of line it is.
 */
export function familyLineOf(text: string, hit: Hit): FamilyId | undefined {
  if (!recogniseFamilies(text, INITIAL_STATE, hit) || hit.family === undefined) return undefined;
  switch (hit.channel) {
    case Channel.Known:
      return hit.family;
    case Channel.Reply:
      return replyCodeAt(text, hit.start, hit.end) >= 0 ? hit.family : undefined;
    case Channel.Command:
      return isCommandAt(text, hit.start, true) ? hit.family : undefined;
    case Channel.Raw:
      return replyCodeAt(text, hit.start, hit.end) >= 0 || isCommandAt(text, hit.start, hit.anyCase) ? hit.family : undefined;
    case Channel.Done:
      return hit.row.kind !== LineKind.Other ? hit.family : undefined;
    default:
      return undefined;
  }
}


function recogniseFamilies(line: string, state: ScanState, hit: Hit): boolean {
  if (line.length === 0) return false;
  const c = line.charCodeAt(0);
  // Under an IIS `#Fields:` header, data lines may start with any column (a site name, a date).
  if (state.iis && !isIisHeader(line)) {
    const iis = recogniseIisData(line, state.iis, hit);
    if (iis === IisMatch.Row) return true;
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
  // Indented: lftp's debug output when a script indents it, curl's progress meter glued to a marker, or text.
  if (c === 32 || c === 9) return recogniseMarkers(line, hit) || setHit(hit, undefined, Channel.Text, 'raw', 0, line.length);
  if (isDigit(c)) return digitLine(line, state, hit);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return letterLine(line, state, hit);
  switch (c) {
    case 35 /* # */:
      if (recogniseFluentFtpCall(line, hit)) return true;
      return isIisHeader(line) ? setHit(hit, state.iis || isIisSoftware(line) ? 'iis' : undefined, Channel.Known, '', 0, 0) : false;
    case 0xfeff /* a byte-order mark, before an IIS log's first directive */:
      return isIisHeader(line) ? setHit(hit, state.iis || isIisSoftware(line) ? 'iis' : undefined, Channel.Known, '', 0, 0) : false;
    case 40 /* ( */:
      return recogniseFileZillaServerLegacy(line, hit);
    case 91 /* [ */:
      return (
        recognisePyftpdlib(line, hit) ||
        recogniseAioftp(line, hit) ||
        recogniseMarkers(line, hit) ||
        recogniseProftpdExtended(line, hit) ||
        recogniseNodeFtp(line, hit) ||
        recogniseVscodeSftp(line, hit) ||
        recogniseNppFtp(line, hit)
      );
    case 123 /* { */:
      return recogniseSftpgoJson(line, 0, hit);
    case 34 /* " */:
      return recogniseProftpdExtended(line, hit);
    case 42 /* * */:
      return recogniseFtplib(line, hit) || recogniseMarkers(line, hit);
    case 60 /* < */:
      return (isDigit(line.charCodeAt(1)) && (recogniseRclone(line, hit) || recogniseSyslog(line, state, hit))) || recogniseFileZillaServerAdmin(line, hit) || recogniseMarkers(line, hit);
    case 62 /* > */:
      return recogniseFluentFtpCall(line, hit) || recogniseMarkers(line, hit);
    case 45 /* - */:
      if (isJournalMarker(line)) return setHit(hit, undefined, Channel.Known, '', 0, 0);
      return recogniseMarkers(line, hit) || recogniseWget(line, hit) || recogniseNppFtp(line, hit);
    case 61 /* = */:
      return recogniseMarkers(line, hit) || recogniseWget(line, hit) || recogniseNppFtp(line, hit);
    case 63 /* ? */:
      return recogniseFtpClient(line, hit);
    case 46 /* . */:
    case 33 /* ! */:
      return recogniseMarkers(line, hit);
    default:
      // Labels in non-Latin scripts (and Latin ones with a diacritic first: `Állapot:`).
      return c >= 128 && recogniseFileZillaPane(line, hit);
  }
}
