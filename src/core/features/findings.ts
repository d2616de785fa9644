// Document model -> problems: one per 4xx (warning) or 5xx (error) reply, on
// the reply's code, with the command that drew it as related information.

import { LineKind, type Finding, type Severity, type Span } from '../model';
import { findingMessage } from './explain';
import { maskArgument } from '../secrets';
import { ONE_LINE, shownText } from '../markdown/shownText';
import { newRow } from '../scan/row';
import { ownText } from '../ownText';
import { drawingCommandLine, isEcho } from '../query/replies';
import type { LineSource } from '../scan/lineSource';
import type { Detected } from '../scan/detect';

/** Characters of an argument read for its related message: more than is shown, far less than a huge line. */
const SHOWN_WINDOW = 4096;

/** Distinct reply texts remembered; building a message means matching server texts. */
const MESSAGE_CACHE_LIMIT = 5000;

/** Longest argument whose related message is remembered. */
const CACHED_ARGUMENT_LIMIT = 256;

/** Nested maps read without building a key per lookup. */
type Cache = Map<string, Map<string, Map<number, Map<string, string>>>>;

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

export class FindingBuilder {
  /** Messages by server (`''`: none), drawing verb (`''`: none), code and reply text. */
  private readonly messages: Cache = new Map();
  private cached = 0;
  /** Scratch rows for the reply and its command: a finding reads them without allocating. */
  private readonly reply = newRow();
  private readonly command = newRow();
  /** Related messages by verb and the argument text they show: a log repeats its commands. */
  private readonly drawn = new Map<string, Map<string, string>>();
  private drawnCached = 0;
  /** The reply text and drawing verb the last finding's message was built from (a message rebuilt for another server needs them). */
  lastText = '';
  lastVerb: string | undefined;

  /** The message of a `code` reply with `text`, drawn by `verb`, from `server` (remembered: logs repeat their replies). */
  message(code: number, text: string, verb: string | undefined, server: string | undefined): string {
    const s = server ?? '';
    const v = verb ?? '';
    let m = this.messages.get(s)?.get(v)?.get(code)?.get(text);
    if (m !== undefined) return m;
    m = findingMessage(code, text, verb, server);
    if (this.cached >= MESSAGE_CACHE_LIMIT) {
      this.messages.clear();
      this.cached = 0;
    }
    const byText = child(child(child(this.messages, s, () => new Map()), v, () => new Map()), code, () => new Map<string, string>());
    byText.set(ownText(text), m);
    this.cached++;
    return m;
  }

  /** The finding for the reply starting on `line`, if it is a 4xx/5xx reply. */
  at(src: LineSource, line: number): Finding | undefined {
    const code = src.codeOf(line);
    const kind = src.kindOf(line);
    if ((kind !== LineKind.Reply && kind !== LineKind.Exchange) || code < 400 || code >= 600) return undefined;
    if (kind === LineKind.Reply && isEcho(src, line, this.reply)) return undefined;
    const r = src.rowOf(line, this.reply);
    if (r.codeStart < 0) return undefined;
    const lineText = src.lineText(line);
    const text = r.textStart >= 0 ? lineText.slice(r.textStart, r.textEnd) : '';
    const cmdLine = drawingCommandLine(src, line);
    const cmd = cmdLine >= 0 ? src.rowOf(cmdLine, this.command) : undefined;
    const verb = cmd && cmd.verbStart >= 0 ? cmd.verb : undefined;
    this.lastText = text;
    this.lastVerb = verb;
    const finding: Finding = {
      code,
      severity: defaultSeverity(code),
      line,
      span: { start: r.codeStart, end: r.codeStart + 3 },
      message: this.message(code, text, verb, src.serverFor(line)),
      related: cmd && verb !== undefined ? { line: cmdLine, span: commandSpan(cmd.verbStart, cmd.verbEnd, cmd.argStart, cmd.argEnd), message: this.drawnBy(verb, cmdLine === line ? lineText : src.lineText(cmdLine), cmd.argStart, cmd.argEnd) } : undefined,
    };
    return finding;
  }

  /** `drawnBy`, remembered for the arguments seen lately. */
  private drawnBy(verb: string, lineText: string, argStart: number, argEnd: number): string {
    // Only what can be shown is cut out of the line: an argument may be megabytes long.
    const raw = argStart >= 0 ? lineText.slice(argStart, Math.min(argEnd, argStart + SHOWN_WINDOW)) : '';
    // A long argument is not worth remembering (and would take the cache's memory).
    if (raw.length > CACHED_ARGUMENT_LIMIT) return drawnBy(verb, raw);
    let m = this.drawn.get(verb)?.get(raw);
    if (m !== undefined) return m;
    m = drawnBy(verb, raw);
    if (this.drawnCached >= MESSAGE_CACHE_LIMIT) {
      this.drawn.clear();
      this.drawnCached = 0;
    }
    child(this.drawn, verb, () => new Map<string, string>()).set(ownText(raw), m);
    this.drawnCached++;
    return m;
  }

  /** Findings for lines [from, to). */
  between(src: LineSource, from: number, to: number): Finding[] {
    const out: Finding[] = [];
    for (let i = from; i < to; i++) {
      const code = src.codeOf(i);
      if (code < 400 || code >= 600) continue;
      const f = this.at(src, i);
      if (f) out.push(f);
    }
    return out;
  }
}

/** How a 4xx/5xx reply is shown when the settings do not say otherwise: 5xx errors, 4xx warnings. */
export function defaultSeverity(code: number): Severity {
  return code >= 500 ? 'error' : 'warning';
}

/** Messages depend on code, text, verb and server alone: one builder serves every document. */
const shared = new FindingBuilder();

/** A scanned log and what it was detected as: a log detected `none` has no problems. */
export interface DetectedSource extends LineSource {
  readonly family: Detected;
}

/** The problems on lines [from, to) of a log (all of it by default), in line order. */
export function findingsOf(src: DetectedSource, from = 0, to = src.lineCount): Finding[] {
  if (src.family === 'none') return [];
  return shared.between(src, Math.max(0, from), Math.min(to, src.lineCount));
}

/** The related-information text: the command as users may see it (masked, bounded, nothing hidden). */
function drawnBy(verb: string, raw: string): string {
  const argument = shownText(maskArgument(verb, raw), ONE_LINE);
  return argument ? `Drawn by ${verb} ${argument}` : `Drawn by ${verb}`;
}

/** Verb and argument together (an IIS or ProFTPD argument may sit apart from the verb). */
function commandSpan(verbStart: number, verbEnd: number, argStart: number, argEnd: number): Span {
  if (argStart < 0) return { start: verbStart, end: verbEnd };
  return { start: Math.min(verbStart, argStart), end: Math.max(verbEnd, argEnd) };
}
