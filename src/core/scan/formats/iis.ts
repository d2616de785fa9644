// Microsoft IIS FTP logs (W3C extended). Columns are mapped by name from the
// most recent `#Fields:` header; only `sc-status` holds the reply code
// (log-formats.md §13). Older IIS glue a `[session]` prefix to the method.

import { LineKind } from '../../model';
import type { IisLayout } from '../state';
import { doneRow, type Hit } from './hit';
import { replyCodeAt, verbSpanning } from './syntax';
import { digitsEnd, sessionText } from './session';
import { isCommandVerb } from '../../catalogue/commands';

const FIELDS = '#Fields:';
const FTP_EVENT = /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/;

/** Logs repeat the same header after every restart; one layout object per distinct header. */
const layouts = new Map<string, IisLayout | undefined>();

/** Parses a `#Fields:` header; undefined when it lacks the columns we need. */
export function parseIisFields(line: string): IisLayout | undefined {
  if (!line.startsWith(FIELDS)) return undefined;
  if (layouts.has(line)) return layouts.get(line);
  const layout = buildLayout(line);
  if (layouts.size < 64) layouts.set(line, layout);
  return layout;
}

function buildLayout(line: string): IisLayout | undefined {
  const names = line.slice(FIELDS.length).trim().split(/\s+/);
  const method = names.indexOf('cs-method');
  const status = names.indexOf('sc-status');
  if (method < 0 || status < 0) return undefined;
  return {
    header: line,
    method,
    uriStem: names.indexOf('cs-uri-stem'),
    status,
    session: names.indexOf('x-session'),
    fieldCount: names.length,
  };
}

export function isIisHeader(line: string): boolean {
  return line.charCodeAt(0) === 35 /* # */;
}

/** How a line reads under an IIS `#Fields:` layout. */
export const enum IisMatch {
  /** The field count differs from the header's: not a data line of this layout. */
  None,
  /** A data line of the layout, but not an FTP event (a web request, a decoy). */
  Shape,
  /** An FTP command or event: `hit` holds the whole row. */
  Event,
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

/** A line under `layout`: an FTP event fills `hit`; other lines only say whether they fit the layout. */
export function recogniseIisData(line: string, layout: IisLayout, hit: Hit): IisMatch {
  if (fieldStarts(line, layout.fieldCount) !== layout.fieldCount) return IisMatch.None;
  const mStart = starts[layout.method];
  const mEnd = fieldEnd(layout.method);
  const glued = gluedSessionLength(line, mStart, mEnd);
  const verbStart = mStart + glued;
  // FTP events that are not commands still carry a reply code: IIS 6's `[n]sent` / `[n]created`
  // and the CamelCase infrastructure rows. An IIS web log's GET or POST is not FTP at all.
  const verb = verbSpanning(line, verbStart, mEnd);
  const isCommand = verb !== '' && isCommandVerb(verb);
  if (!isCommand && glued === 0 && !FTP_EVENT.test(line.slice(verbStart, mEnd))) return IisMatch.Shape;
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
  return IisMatch.Event;
}
