// Document model -> problems: one per 4xx (warning) or 5xx (error) reply, on
// the reply's code, with the command that drew it as related information.

import { LineKind, type Finding, type Span } from './model';
import { findingMessage } from './explain';
import { commandAt, drawingCommandLine, type LineSource } from './replies';

/** Messages repeat across a log; building one means matching server texts, so keep them. */
const MESSAGE_CACHE_LIMIT = 5000;

export class FindingBuilder {
  private readonly messages = new Map<string, string>();

  private message(code: number, text: string, verb: string | undefined): string {
    const key = code + '\u0000' + (verb ?? '') + '\u0000' + text;
    let m = this.messages.get(key);
    if (m === undefined) {
      m = findingMessage(code, text, verb);
      if (this.messages.size >= MESSAGE_CACHE_LIMIT) this.messages.clear();
      this.messages.set(key, m);
    }
    return m;
  }

  /** The finding for the reply starting on `line`, if it is a 4xx/5xx reply. */
  at(src: LineSource, line: number): Finding | undefined {
    const r = src.lineResult(line);
    if (r.kind !== LineKind.Reply && r.kind !== LineKind.Exchange) return undefined;
    const code = r.code;
    if (code === undefined || code < 400 || code >= 600 || !r.codeSpan) return undefined;
    const cmdLine = drawingCommandLine(src, line);
    const cmd = cmdLine >= 0 ? commandAt(src, cmdLine) : undefined;
    const text = r.textSpan ? src.lineText(line).slice(r.textSpan.start, r.textSpan.end) : '';
    const finding: Finding = {
      code,
      severity: code >= 500 ? 'error' : 'warning',
      line,
      span: r.codeSpan,
      message: this.message(code, text, cmd?.verb),
      related: cmd
        ? {
            line: cmd.line,
            span: commandSpan(cmd.verbSpan, cmd.argSpan),
            message: `Drawn by ${cmd.verb}${cmd.argument ? ' ' + cmd.argument : ''}`,
          }
        : undefined,
    };
    return finding;
  }

  /** Findings for lines [from, to). */
  between(src: LineSource, from: number, to: number): Finding[] {
    const out: Finding[] = [];
    for (let i = from; i < to; i++) {
      const k = src.kindOf(i);
      if (k !== LineKind.Reply && k !== LineKind.Exchange) continue;
      const code = src.codeOf(i);
      if (code < 400 || code >= 600) continue;
      const f = this.at(src, i);
      if (f) out.push(f);
    }
    return out;
  }
}

function commandSpan(verb: Span, arg: Span | undefined): Span {
  return { start: Math.min(verb.start, arg?.start ?? verb.start), end: Math.max(verb.end, arg?.end ?? verb.end) };
}
