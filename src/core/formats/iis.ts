// Microsoft IIS FTP logs (W3C extended). Columns are mapped by name from the
// most recent `#Fields:` header; only `sc-status` holds the reply code
// (log-formats.md §13). Older IIS glue a `[session]` prefix to the method.

import { LineKind, type LineResult } from '../model';
import type { IisLayout } from '../state';
import { Channel, Hit, setHit } from './hit';
import { replyCodeAt } from './syntax';
import { isCommandVerb } from '../commands';

const FIELDS = '#Fields:';
const GLUED_SESSION = /^\[(\d+)\]/;
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

/** Start offsets of the space-separated fields of `line` (W3C encodes spaces inside values). */
function fieldStarts(line: string, count: number): number[] {
  const starts = [0];
  let i = line.indexOf(' ');
  while (i >= 0 && starts.length < count + 1) {
    starts.push(i + 1);
    i = line.indexOf(' ', i + 1);
  }
  return starts;
}

function fieldEnd(line: string, starts: number[], k: number): number {
  return k + 1 < starts.length ? starts[k + 1] - 1 : line.length;
}

/** A data line under `layout`; false when its field count does not fit the header. */
export function recogniseIisData(line: string, layout: IisLayout, hit: Hit): boolean {
  const starts = fieldStarts(line, layout.fieldCount);
  if (starts.length !== layout.fieldCount) return false;
  const mStart = starts[layout.method];
  const mEnd = fieldEnd(line, starts, layout.method);
  let verbStart = mStart;
  let session = layout.session >= 0 ? line.slice(starts[layout.session], fieldEnd(line, starts, layout.session)) : undefined;
  const glued = GLUED_SESSION.exec(line.slice(mStart, mEnd));
  if (glued) {
    verbStart += glued[0].length;
    session = session ?? glued[1];
  }
  const sStart = starts[layout.status];
  const sEnd = fieldEnd(line, starts, layout.status);
  const code = sEnd - sStart === 3 ? replyCodeAt(line, sStart, sEnd) : -1;
  const verb = line.slice(verbStart, mEnd);
  // FTP events that are not commands still carry a reply code: IIS 6's `[n]sent` / `[n]created`
  // and the CamelCase infrastructure rows. An IIS web log's GET or POST is not FTP at all.
  const isCommand = isCommandVerb(verb);
  const isFtpEvent = isCommand || glued !== null || FTP_EVENT.test(verb);
  if (!isFtpEvent) return setHit(hit, 'iis', Channel.Known, '', 0, 0);
  let argSpan: { start: number; end: number } | undefined;
  if (layout.uriStem >= 0) {
    const uStart = starts[layout.uriStem];
    const uEnd = fieldEnd(line, starts, layout.uriStem);
    if (uEnd - uStart !== 1 || line.charCodeAt(uStart) !== 45) argSpan = { start: uStart, end: uEnd };
  }
  const result: LineResult = {
    kind: code >= 0 ? (isCommand ? LineKind.Exchange : LineKind.Reply) : isCommand ? LineKind.Command : LineKind.Other,
    family: 'iis',
    session,
    code: code >= 0 ? code : undefined,
    codeSpan: code >= 0 ? { start: sStart, end: sEnd } : undefined,
    verb: isCommand ? verb.toUpperCase() : undefined,
    verbSpan: isCommand ? { start: verbStart, end: mEnd } : undefined,
    argSpan: isCommand ? argSpan : undefined,
  };
  setHit(hit, 'iis', Channel.Done, '', 0, 0, session);
  hit.result = result;
  return true;
}
