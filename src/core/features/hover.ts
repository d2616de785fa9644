// What a hover at a position explains: a reply code, a command, a
// PASV/EPSV/PORT/EPRT payload, or an IIS row's sc-win32-status / sc-substatus
// value. Returns Markdown whose document-derived text is already escaped by
// the renderers. A reply's hover is its first screen; `explanationAt` is the
// whole explanation behind its "More…".

import { explainReply, replyToHoverMarkdown, replyToMarkdown, type ReplyExplanation } from './explain';
import { iisStatusColumns } from '../query/iisColumns';
import { iisColumnMarkdown } from '../markdown/iisColumnMarkdown';
import { commandMarkdown } from '../markdown/commandMarkdown';
import { payloadKindForCommand, payloadKindForReply } from './payload';
import { payloadMarkdown } from '../markdown/payloadMarkdown';
import type { LogDocument } from '../scan/document';
import { commandFor, commandOnLine, replyAtPosition } from '../query/replies';

function within(span: { start: number; end: number } | undefined, character: number): boolean {
  return !!span && character >= span.start && character <= span.end;
}

/** Markdown about a span of one line: what a hover shows, and the columns it covers. */
export interface Explained {
  markdown: string;
  line: number;
  start: number;
  end: number;
  /** True when `explanationAt` the same position says more than this (a hover's "More…"). */
  more?: boolean;
}

/** What the hover at a position shows, or undefined when nothing there is explained. */
export function hoverAt(model: LogDocument, line: number, character: number): Explained | undefined {
  return explain(model, line, character, 'hover');
}

/** The whole explanation of what is at a position (what "More…" opens beside the editor), or undefined. */
export function explanationAt(model: LogDocument, line: number, character: number): Explained | undefined {
  return explain(model, line, character, 'whole');
}

function replyExplanation(model: LogDocument, line: number, character: number): ReplyExplanation | undefined {
  const reply = replyAtPosition(model, line, character);
  if (!reply) return undefined;
  const cmd = commandFor(model, reply);
  const iis = iisStatusColumns(model, reply.line);
  return explainReply({
    code: reply.code,
    text: reply.text,
    verb: cmd?.verb,
    argument: cmd?.argument,
    server: model.serverFor(line),
    ...(iis ? { iis: { win32: iis.win32?.value, substatus: iis.substatus?.value } } : {}),
  });
}

function explain(model: LogDocument, line: number, character: number, length: 'hover' | 'whole'): Explained | undefined {
  const expl = replyExplanation(model, line, character);
  if (expl) {
    const span = model.lineResult(line).codeSpan!;
    return length === 'hover'
      ? { markdown: replyToHoverMarkdown(expl), line, start: span.start, end: span.end, more: true }
      : { markdown: replyToMarkdown(expl), line, start: span.start, end: span.end };
  }
  const column = iisColumnAt(model, line, character);
  if (column) return column;
  const r = model.lineResult(line);
  if (r.code !== undefined && within(r.textSpan, character)) {
    const kind = payloadKindForReply(r.code);
    const text = model.lineText(line).slice(r.textSpan!.start, r.textSpan!.end);
    const md = kind ? payloadMarkdown(kind, text) : undefined;
    if (md) return { markdown: md, line, start: r.textSpan!.start, end: r.textSpan!.end };
  }
  const cmd = commandOnLine(model, line);
  if (cmd && within(cmd.verbSpan, character)) {
    const md = commandMarkdown(cmd.verb, cmd.argument);
    if (md) return { markdown: md, line, start: cmd.verbSpan.start, end: cmd.verbSpan.end };
  }
  if (cmd?.argSpan && within(cmd.argSpan, character)) {
    const kind = payloadKindForCommand(cmd.verb);
    const md = kind ? payloadMarkdown(kind, model.lineText(line).slice(cmd.argSpan.start, cmd.argSpan.end)) : undefined;
    if (md) return { markdown: md, line, start: cmd.argSpan.start, end: cmd.argSpan.end };
  }
  return undefined;
}

/** The explanation of the IIS sc-win32-status or sc-substatus value under the cursor. */
function iisColumnAt(model: LogDocument, line: number, character: number): Explained | undefined {
  const columns = iisStatusColumns(model, line);
  if (!columns) return undefined;
  if (columns.win32 && within(columns.win32.span, character)) {
    return { markdown: iisColumnMarkdown('sc-win32-status', columns.win32.value), line, ...columns.win32.span };
  }
  if (columns.substatus && within(columns.substatus.span, character)) {
    return { markdown: iisColumnMarkdown('sc-substatus', columns.substatus.value), line, ...columns.substatus.span };
  }
  return undefined;
}
