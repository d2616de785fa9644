// The two numbers an IIS FTP row logs beside its reply code: sc-win32-status
// (the Windows error behind the outcome) and sc-substatus (which IIS rule or
// check decided it, KB 969061). Neither is a reply code; both are evidence of
// why the reply was sent. Their columns come from the `#Fields:` header above
// the row, or from the default layout the row's shape matches.

import type { Span } from '../model';
import type { LogDocument } from '../scan/document';
import type { IisLayout } from '../scan/state';
import { headerlessLayoutOf } from '../scan/formats/iisHeaderless';

export interface IisColumnValue {
  readonly value: number;
  readonly span: Span;
}

export interface IisStatusColumns {
  readonly win32?: IisColumnValue;
  readonly substatus?: IisColumnValue;
}

/** Start and end of field `k` of a space-separated row, or undefined when it has fewer fields. */
function fieldSpan(line: string, k: number): Span | undefined {
  let start = 0;
  for (let i = 0; i < k; i++) {
    const space = line.indexOf(' ', start);
    if (space < 0) return undefined;
    start = space + 1;
  }
  const space = line.indexOf(' ', start);
  return { start, end: space < 0 ? line.length : space };
}

// A Windows error number fits in 32 bits: ten digits at most.
const NUMBER = /^\d{1,10}$/;

function column(line: string, k: number): IisColumnValue | undefined {
  if (k < 0) return undefined;
  const span = fieldSpan(line, k);
  if (!span) return undefined;
  const text = line.slice(span.start, span.end);
  return NUMBER.test(text) ? { value: Number(text), span } : undefined;
}

function layoutAt(doc: LogDocument, line: number): IisLayout | undefined {
  return doc.iisLayoutAt(line) ?? headerlessLayoutOf(doc.lineText(line));
}

/** The sc-win32-status and sc-substatus values of an IIS row, or undefined for any other line. */
export function iisStatusColumns(doc: LogDocument, line: number): IisStatusColumns | undefined {
  if (line < 0 || line >= doc.lineCount || doc.lineResult(line).family !== 'iis') return undefined;
  const layout = layoutAt(doc, line);
  if (!layout || (layout.win32 < 0 && layout.substatus < 0)) return undefined;
  const text = doc.lineText(line);
  const win32 = column(text, layout.win32);
  const substatus = column(text, layout.substatus);
  if (!win32 && !substatus) return undefined;
  return { ...(win32 ? { win32 } : {}), ...(substatus ? { substatus } : {}) };
}
