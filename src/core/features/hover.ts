// What a hover at a position explains: a reply code, a command, or a
// PASV/EPSV/PORT/EPRT payload. Returns Markdown whose document-derived text is
// already escaped by the renderers.

import { explainReply, replyToMarkdown } from './explain';
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
}

/** What the hover at a position shows, or undefined when nothing there is explained. */
export function hoverAt(model: LogDocument, line: number, character: number): Explained | undefined {
  return explanationAt(model, line, character);
}

/** The whole explanation of what is at a position (what "Explain" opens beside the editor), or undefined. */
export function explanationAt(model: LogDocument, line: number, character: number): Explained | undefined {
  const reply = replyAtPosition(model, line, character);
  if (reply) {
    const cmd = commandFor(model, reply);
    const expl = explainReply({ code: reply.code, text: reply.text, verb: cmd?.verb, argument: cmd?.argument, server: model.serverFor(line) });
    const span = model.lineResult(line).codeSpan!;
    return { markdown: replyToMarkdown(expl), line, start: span.start, end: span.end };
  }
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
