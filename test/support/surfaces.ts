// Every place where FTP Log shows text taken from a document, as plain
// strings: the tests that hold every surface to the one rule for showing
// document text (masked, bounded, nothing hidden) read them from here, so a
// new surface is added once and checked everywhere.

import type { LogDocument } from '../../src/core/scan/document';
import { explanationAt, hoverAt } from '../../src/core/features/hover';
import { formatJson, formatText, toCliProblem } from '../../src/cli/output';
import { findingsOf } from '../../src/core/features/findings';
import { outlineOf, type OutlineItem } from '../../src/core/features/outline';
import { sessionModelOf } from '../../src/core/query/sessions';

/** Characters no surface may show as they are (the one rule makes them visible as `[U+XXXX]`). */
export const HIDDEN = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/u;

/** What the hover and its "More…" show at every code, verb, argument and payload of `line` (and at `column`, when given). */
export function hoverSurfaces(doc: LogDocument, line: number, column?: number): string[] {
  const out: string[] = [];
  const r = doc.lineResult(line);
  const columns = new Set<number>(column === undefined ? [] : [column]);
  for (const span of [r.codeSpan, r.verbSpan, r.argSpan, r.textSpan]) if (span) columns.add(span.start);
  for (const c of columns) {
    const h = hoverAt(doc, line, c);
    if (h) out.push(h.markdown);
    const whole = h?.more ? explanationAt(doc, line, c) : undefined;
    if (whole) out.push(whole.markdown);
  }
  return out;
}

/** What the Problems panel and `ftp-log check` show for the document. */
export function problemSurfaces(doc: LogDocument, file = 'log.txt'): string[] {
  const out: string[] = [];
  const findings = findingsOf(doc);
  for (const f of findings) {
    out.push(f.message);
    if (f.related) out.push(f.related.message);
    out.push(formatText(toCliProblem(file, f)));
  }
  out.push(formatJson(findings.map((f) => toCliProblem(file, f))));
  return out;
}

/** What the outline, breadcrumbs and Go to Symbol show for the document: every item's name and detail. */
export function outlineSurfaces(doc: LogDocument): string[] {
  const out: string[] = [];
  const walk = (items: readonly OutlineItem[]): void => {
    for (const i of items) {
      out.push(i.name, i.detail);
      walk(i.children);
    }
  };
  walk(outlineOf(doc, sessionModelOf(doc).build()));
  return out;
}
