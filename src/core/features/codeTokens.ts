// Where the scanner found reply codes and commands, as tokens an editor can
// colour. The TextMate grammar colours the layouts it knows by their shape;
// a log whose prefix was learned from the log itself (scan/generic) has no
// shape a grammar can hold, so the editor colours it from these tokens,
// mapped to the grammar's own scopes (package.json `semanticTokenScopes`).

import { LineKind } from '../model';
import type { LineSource } from '../scan/lineSource';
import { newRow } from '../scan/row';

/** Token types in legend order; each maps to the grammar scope of its reply class. */
export const CODE_TOKEN_TYPES = [
  'ftpReplyPreliminary',
  'ftpReplyCompletion',
  'ftpReplyIntermediate',
  'ftpReplyTransientNegative',
  'ftpReplyPermanentNegative',
  'ftpReplyProtected',
  'ftpCommand',
] as const;

export type CodeTokenType = (typeof CODE_TOKEN_TYPES)[number];

export interface CodeToken {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  /** Index into CODE_TOKEN_TYPES. */
  readonly type: number;
}

const COMMAND = CODE_TOKEN_TYPES.indexOf('ftpCommand');

/** The token type of a reply code: its first digit names the class (RFC 959 §4.2.1; 6yz RFC 2228). */
export function replyTokenType(code: number): number {
  return Math.floor(code / 100) - 1;
}

/** Tokens for the codes and command verbs on lines [from, to), in order. */
export function codeTokens(src: LineSource, from: number, to: number): CodeToken[] {
  const out: CodeToken[] = [];
  const row = newRow();
  for (let line = Math.max(0, from); line < Math.min(to, src.lineCount); line++) {
    const kind = src.kindOf(line);
    if (kind === LineKind.Other) continue;
    const code = src.codeOf(line);
    if (code < 0 && kind !== LineKind.Command && kind !== LineKind.Exchange) continue;
    const r = src.rowOf(line, row);
    const verbFirst = r.verbStart >= 0 && (r.codeStart < 0 || r.verbStart < r.codeStart);
    if (verbFirst) out.push({ line, start: r.verbStart, length: r.verbEnd - r.verbStart, type: COMMAND });
    if (r.codeStart >= 0 && code >= 100 && code < 700) out.push({ line, start: r.codeStart, length: 3, type: replyTokenType(code) });
    if (r.verbStart >= 0 && !verbFirst) out.push({ line, start: r.verbStart, length: r.verbEnd - r.verbStart, type: COMMAND });
  }
  return out;
}
