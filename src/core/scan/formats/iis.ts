// Microsoft IIS FTP logs (W3C extended). Columns are mapped by name from the
// most recent `#Fields:` header; only `sc-status` holds the reply code
// (log-formats.md §13). Older IIS glue a `[session]` prefix to the method.
// Rows pasted without their header are read in IIS's default layouts
// (iisHeaderless.ts); rows of IIS's other services are other protocols' lines
// (iisServices.ts).

import { LineKind } from '../../model';
import type { IisLayout } from '../state';
import { doneRow, type Hit } from './hit';
import { replyCodeAt, stickyEnd, verbSpanning } from './syntax';
import { digitsEnd, sessionText } from './session';
import { isCommandVerb } from '../../catalogue/commands';
import { ownText } from '../../ownText';
import { isOtherProtocolVersion, isOtherServiceSite, isSmtpOutboundUser, isSmtpVerb } from './iisServices';

const FIELDS = '#Fields:';
const BOM = 0xfeff;
/** IIS 7+ infrastructure rows; sticky, tested against the method field. */
const FTP_EVENT = /(?:Control|Data)Channel(?:Opened|Closed)/y;

/** Logs repeat the same header after every restart; one layout object per distinct header. */
const layouts = new Map<string, IisLayout | undefined>();

/** Where a `#` directive starts: 0, or 1 behind the byte-order mark a UTF-8 log file opens with; -1 when the line is none. */
function directiveStart(line: string): number {
  const at = line.charCodeAt(0) === BOM ? 1 : 0;
  return line.charCodeAt(at) === 35 /* # */ ? at : -1;
}

/** True for a `#Fields:` header line. */
export function isFieldsHeader(line: string): boolean {
  const at = directiveStart(line);
  return at >= 0 && line.startsWith(FIELDS, at);
}

/** Parses a `#Fields:` header; undefined when it lacks the columns we need. */
export function parseIisFields(line: string): IisLayout | undefined {
  if (!isFieldsHeader(line)) return undefined;
  const header = line.charCodeAt(0) === BOM ? line.slice(1) : line;
  if (layouts.has(header)) return layouts.get(header);
  // Kept for the whole run, with the names cut from it: a copy, not a piece of a chunk (see ownText).
  const owned = ownText(header);
  const layout = layoutOf(owned, false);
  if (layouts.size < 64) layouts.set(owned, layout);
  return layout;
}

/** The layout a `#Fields:` line names (`inferred`: one of IIS's defaults, read without a header). */
export function layoutOf(header: string, inferred: boolean): IisLayout | undefined {
  const names = header.slice(FIELDS.length).trim().split(/\s+/);
  const method = names.indexOf('cs-method');
  const status = names.indexOf('sc-status');
  if (method < 0 || status < 0) return undefined;
  return {
    header,
    method,
    uriStem: names.indexOf('cs-uri-stem'),
    status,
    win32: names.indexOf('sc-win32-status'),
    substatus: names.indexOf('sc-substatus'),
    session: names.indexOf('x-session'),
    site: names.indexOf('s-sitename'),
    version: names.indexOf('cs-version'),
    username: names.indexOf('cs-username'),
    fieldCount: names.length,
    inferred,
  };
}

/** A `#` directive line (`#Software:`, `#Fields:` …), also behind a byte-order mark. */
export function isIisHeader(line: string): boolean {
  return directiveStart(line) >= 0;
}

/** The `#Software:` line IIS writes first in every log file. */
export function isIisSoftware(line: string): boolean {
  const at = directiveStart(line);
  return at >= 0 && line.startsWith('#Software: Microsoft', at);
}

/** How a line reads under an IIS `#Fields:` layout. */
export const enum IisMatch {
  /** The field count differs from the header's: not a data line of this layout. */
  None,
  /** A data line of the layout, but not an FTP event (a web request, a decoy). */
  Shape,
  /** `hit` holds the whole row: an FTP command or event, or another IIS service's row (a foreign line). */
  Row,
}

/** Field start offsets of the current line; reused so a data line costs no allocation. */
let starts = new Int32Array(32);

/** Fills `starts` with the start of each space-separated field (W3C encodes spaces inside values); returns the count, at most `max + 1`. */
function fieldStarts(line: string, max: number): number {
  if (starts.length < max + 2) starts = new Int32Array(max + 2);
  let n = 1;
  starts[0] = 0;
  for (let i = line.indexOf(' '); i >= 0 && n <= max; i = line.indexOf(' ', i + 1)) starts[n++] = i + 1;
  starts[n] = line.length + 1;
  return n;
}

/** End of field `k` (exclusive), valid after `fieldStarts`. */
function fieldEnd(k: number): number {
  return starts[k + 1] - 1;
}

/** Length of an IIS 6 `[N]` session prefix glued to the method at `p`, or 0. */
function gluedSessionLength(line: string, p: number, end: number): number {
  if (line.charCodeAt(p) !== 91 /* [ */) return 0;
  const close = digitsEnd(line, p + 1);
  return close > p + 1 && close < end && line.charCodeAt(close) === 93 /* ] */ ? close + 1 - p : 0;
}

/** A line under `layout`: an FTP event or another service's row fills `hit`; other lines only say whether they fit the layout. */
export function recogniseIisData(line: string, layout: IisLayout, hit: Hit): IisMatch {
  if (fieldStarts(line, layout.fieldCount) !== layout.fieldCount) return IisMatch.None;
  const mStart = starts[layout.method];
  const mEnd = fieldEnd(layout.method);
  const glued = gluedSessionLength(line, mStart, mEnd);
  const verbStart = mStart + glued;
  const verb = verbSpanning(line, verbStart, mEnd);
  const isCommand = verb !== '' && isCommandVerb(verb);
  // IIS 7's x-session column is the FTP service's alone: under it an EHLO is a client's mistake the FTP server answered.
  if (isOtherServiceRow(line, layout, glued === 0 && !isCommand && layout.session < 0, verbStart, mEnd)) {
    doneRow(hit, LineKind.Foreign, 'iis', undefined);
    return IisMatch.Row;
  }
  if (!isCommand && !isFtpEvent(line, layout, glued, verbStart, mEnd)) return IisMatch.Shape;
  let session: string | undefined;
  if (layout.session >= 0) session = sessionText(line, starts[layout.session], fieldEnd(layout.session));
  else if (glued > 0) session = sessionText(line, mStart + 1, mStart + glued - 1);
  const sStart = starts[layout.status];
  const sEnd = fieldEnd(layout.status);
  const code = sEnd - sStart === 3 ? replyCodeAt(line, sStart, sEnd) : -1;
  const kind = code >= 0 ? (isCommand ? LineKind.Exchange : LineKind.Reply) : isCommand ? LineKind.Command : LineKind.Other;
  const row = doneRow(hit, kind, 'iis', session);
  if (code >= 0) {
    row.code = code;
    row.codeStart = sStart;
  }
  if (isCommand) {
    row.verb = verb;
    row.verbStart = verbStart;
    row.verbEnd = mEnd;
    if (layout.uriStem >= 0) {
      const uStart = starts[layout.uriStem];
      const uEnd = fieldEnd(layout.uriStem);
      if (uEnd - uStart !== 1 || line.charCodeAt(uStart) !== 45 /* - */) {
        row.argStart = uStart;
        row.argEnd = uEnd;
      }
    }
  }
  return IisMatch.Row;
}

/**
 * FTP events that are not commands but carry a reply code: IIS 6's
 * `[n]sent` / `[n]created` (under a header any `[n]` method is MSFTPSVC's
 * own) and IIS 7's infrastructure rows (`ControlChannelOpened`…). A web log's GET is not FTP.
 */
function isFtpEvent(line: string, layout: IisLayout, glued: number, verbStart: number, mEnd: number): boolean {
  if (glued === 0) return stickyEnd(FTP_EVENT, line, verbStart) === mEnd;
  if (!layout.inferred) return true;
  const n = mEnd - verbStart;
  return (n === 4 && line.startsWith('sent', verbStart)) || (n === 7 && line.startsWith('created', verbStart));
}

/** A row another IIS service wrote: its site, protocol version or SMTP's outbound pseudo-users say so, or (`bareVerb`) its method is an SMTP verb. */
function isOtherServiceRow(line: string, layout: IisLayout, bareVerb: boolean, verbStart: number, mEnd: number): boolean {
  return (
    (bareVerb && isSmtpVerb(line, verbStart, mEnd)) ||
    columnIs(line, layout.site, isOtherServiceSite) ||
    columnIs(line, layout.version, isOtherProtocolVersion) ||
    columnIs(line, layout.username, isSmtpOutboundUser)
  );
}

function columnIs(line: string, k: number, test: (line: string, start: number, end: number) => boolean): boolean {
  return k >= 0 && test(line, starts[k], fieldEnd(k));
}
