// Reads replies and commands out of the per-line results: the whole text of a
// multi-line reply, and the command a reply answers.

import { LineKind, type Command, type LineResult, type Reply, type Span } from '../model';
import { maskArgument, maskSecrets } from '../secrets';
import type { Row } from '../scan/row';
import type { LineSource } from '../scan/lineSource';

export type { LineSource } from '../scan/lineSource';

/** How far back a reply's command is looked for; interleaved sessions rarely put more lines between. */
const COMMAND_LOOKBACK = 2000;
/** How far back a repeated reply is looked for: a traceback or a console echo sits close to the reply. */
const ECHO_LOOKBACK = 200;
/** Longest multi-line reply read back for a hover. */
const BLOCK_LIMIT = 5000;


/** The text of `span` on `line`, at most `limit` characters of it. */
function boundedSlice(src: LineSource, line: number, span: Span | undefined, limit: number): string {
  return span ? src.lineText(line).slice(span.start, Math.min(span.end, span.start + limit)) : '';
}

/** The first line of the reply that `line` belongs to, or -1. */
export function replyStart(src: LineSource, line: number): number {
  const r = src.lineResult(line);
  if (r.kind === LineKind.Reply || r.kind === LineKind.Exchange) return r.code !== undefined ? line : -1;
  if (r.kind !== LineKind.Continuation) return -1;
  const session = src.sessionOf(line);
  for (let i = line - 1; i >= 0 && line - i <= BLOCK_LIMIT; i--) {
    if (src.kindOf(i) === LineKind.Reply && src.sessionOf(i) === session && src.codeOf(i) === r.blockCode) return i;
  }
  return -1;
}

/** Characters of a reply's text kept: far more than any surface shows, far less than a reply of 10 MB lines. */
const REPLY_TEXT_LIMIT = 65536;

/**
 * The reply that starts on `line` (a Reply or Exchange line), with its text:
 * secrets masked (a client's `pass secret` line inside an open block is text
 * of that block) and bounded.
 */
export function replyAt(src: LineSource, line: number): Reply | undefined {
  const r = src.lineResult(line);
  if ((r.kind !== LineKind.Reply && r.kind !== LineKind.Exchange) || r.code === undefined || !r.codeSpan) return undefined;
  let endLine = line;
  const textless = !r.textSpan || r.textSpan.start >= r.textSpan.end;
  const parts = textless ? [] : [boundedSlice(src, line, r.textSpan, REPLY_TEXT_LIMIT)];
  let kept = parts.length > 0 ? parts[0].length : 0;
  for (const c of continuationsOf(src, line, r)) {
    if (kept < REPLY_TEXT_LIMIT) {
      const part = boundedSlice(src, c.line, c.result.textSpan, REPLY_TEXT_LIMIT - kept);
      parts.push(part);
      kept += part.length + 1;
    }
    endLine = c.line;
  }
  return { code: r.code, line, codeSpan: r.codeSpan, endLine, text: maskSecrets(parts.join('\n')), family: r.family, session: r.session };
}

/** The last line of the reply that starts on `line`. */
export function replyEndLine(src: LineSource, line: number): number {
  let end = line;
  for (const c of continuationsOf(src, line, src.lineResult(line))) end = c.line;
  return end;
}

/** The later lines of the reply whose first line `line` is (`r` its result), in order. */
function* continuationsOf(src: LineSource, line: number, r: LineResult): Generator<{ line: number; result: LineResult }> {
  if (r.kind !== LineKind.Reply || !r.codeSpan) return;
  // A reply continues on later lines when it opens a block (`NNN-`), or when its line holds the
  // code alone and its text follows on the next one (FreeBSD ftpd's debug log).
  const hyphen = src.lineText(line).charCodeAt(r.codeSpan.start + 3) === 45;
  const textless = !r.textSpan || r.textSpan.start >= r.textSpan.end;
  if (!hyphen && !textless) return;
  const session = src.sessionOf(line);
  for (let i = line + 1; i < src.lineCount && i - line <= BLOCK_LIMIT; i++) {
    if (src.sessionOf(i) !== session) continue;
    if (src.kindOf(i) !== LineKind.Continuation) return;
    const c = src.lineResult(i);
    if (c.blockCode !== r.code) return;
    yield { line: i, result: c };
    if (c.closes) return;
  }
}

/** Characters of a command's argument kept: paths and payloads fit; an 8 MB argument does not come along. */
const ARGUMENT_LIMIT = 4096;

export function commandAt(src: LineSource, line: number): Command | undefined {
  const r = src.lineResult(line);
  if ((r.kind !== LineKind.Command && r.kind !== LineKind.Exchange) || !r.verb || !r.verbSpan) return undefined;
  const raw = boundedSlice(src, line, r.argSpan, ARGUMENT_LIMIT);
  return { verb: r.verb, argument: maskArgument(r.verb, raw), line, verbSpan: r.verbSpan, argSpan: r.argSpan, session: r.session };
}

/**
 * The line of the command that drew the reply starting on `line`, or -1 when
 * the reply answers no command (a greeting, or a 421 the server sent on its own).
 * Walking back in the same session: a command answers it; a completed earlier
 * reply (anything but 1yz) means the last command was already answered.
 */
export function drawingCommandLine(src: LineSource, line: number): number {
  if (src.kindOf(line) === LineKind.Exchange) return line;
  const session = src.sessionOf(line);
  for (let i = line - 1; i >= 0 && line - i <= COMMAND_LOOKBACK; i--) {
    const kind = src.kindOf(i);
    if (kind === LineKind.Other || kind === LineKind.Continuation || src.sessionOf(i) !== session) continue;
    if (kind === LineKind.Command) return i;
    if (kind === LineKind.Exchange) return -1;
    const code = src.codeOf(i);
    if (code >= 200) return -1;
  }
  return -1;
}

/** The reply whose code (on its first line, or repeated on a later line) covers `character` on `line`. */
export function replyAtPosition(src: LineSource, line: number, character: number): Reply | undefined {
  if (line < 0 || line >= src.lineCount) return undefined;
  const r = src.lineResult(line);
  if (!r.codeSpan || character < r.codeSpan.start || character > r.codeSpan.end) return undefined;
  const start = replyStart(src, line);
  return start >= 0 ? replyAt(src, start) : undefined;
}

/** The command on `line`, if any. */
export function commandOnLine(src: LineSource, line: number): Command | undefined {
  if (line < 0 || line >= src.lineCount) return undefined;
  return commandAt(src, line);
}

/** The command that drew `reply`, if one is known. */
export function commandFor(src: LineSource, reply: Reply): Command | undefined {
  const at = drawingCommandLine(src, reply.line);
  return at >= 0 ? commandAt(src, at) : undefined;
}

/** Every item `at` finds on lines of the given kinds, in order. */
function collect<T>(src: LineSource, kinds: readonly LineKind[], at: (src: LineSource, line: number) => T | undefined): T[] {
  const out: T[] = [];
  for (let i = 0; i < src.lineCount; i++) {
    if (!kinds.includes(src.kindOf(i))) continue;
    const item = at(src, i);
    if (item) out.push(item);
  }
  return out;
}

/** Every reply in the document, in order. */
export function allReplies(src: LineSource): Reply[] {
  return collect(src, [LineKind.Reply, LineKind.Exchange], replyAt);
}

/** Every command in the document, in order. */
export function allCommands(src: LineSource): Command[] {
  return collect(src, [LineKind.Command, LineKind.Exchange], commandAt);
}

/** The first line of a reply's text as a program printed it: cut at an escaped or real line end, trimmed. */
function firstLineOf(text: string): string {
  let end = text.length;
  for (const mark of ['\\r', '\\n', '\r', '\n']) {
    const at = text.indexOf(mark);
    if (at >= 0 && at < end) end = at;
  }
  return text.slice(0, end).trim();
}

function replyTextOf(src: LineSource, line: number, into: Row): string {
  const r = src.rowOf(line, into);
  return r.textStart >= 0 ? src.lineText(line).slice(r.textStart, r.textEnd) : '';
}

/**
 * True when the reply starting on `line` repeats the reply before it in its
 * session — the same code and first line of text, with no command between —
 * as Python ftplib does at debug level 2 (`*get*`, then `*resp*`, then the
 * traceback's `ftplib.error_perm:`) and as a library that logs to a file and
 * echoes to the console does. A repeat is the same reply: it is not a second problem.
 */
export function isEcho(src: LineSource, line: number, scratch: Row): boolean {
  const code = src.codeOf(line);
  const session = src.sessionOf(line);
  for (let i = line - 1; i >= 0 && line - i <= ECHO_LOOKBACK; i--) {
    const kind = src.kindOf(i);
    if (kind === LineKind.Other || kind === LineKind.Continuation || kind === LineKind.Foreign || src.sessionOf(i) !== session) continue;
    if (kind !== LineKind.Reply || src.codeOf(i) !== code) return false;
    return firstLineOf(replyTextOf(src, i, scratch)) === firstLineOf(replyTextOf(src, line, scratch));
  }
  return false;
}
