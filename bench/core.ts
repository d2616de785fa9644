// Core benchmarks: full scan to findings against a bare regex floor, an
// incremental one-line edit and one hover's work against a full scan.

import { LogDocument } from '../src/core/scan/document';
import { explainReply, replyToMarkdown } from '../src/core/features/explain';
import { splitLines } from '../src/core/scan/lines';
import { time } from './measure';
import { findingsOf } from '../src/core/features/findings';
import { commandFor, replyAtPosition } from '../src/core/query/replies';
import { SessionModel } from '../src/core/query/sessions';
import { outlineOf } from '../src/core/features/outline';

const FLOOR_REPLY = /^\s*[1-5]\d\d[ -]/;

export interface CoreFigures {
  lines: number;
  findings: number;
  floor_ms: number;
  full_ms: number;
  incremental_ms: number;
  hover_ms: number;
  sessions: number;
  sessions_ms: number;
  outline_ms: number;
  scan_vs_floor: number;
  sessions_vs_full: number;
  incremental_vs_full: number;
  hover_vs_full: number;
}

export function benchCore(text: string): CoreFigures {
  let sink = 0;
  const floor_ms = time(() => {
    const lines = text.split('\n');
    for (const line of lines) if (FLOOR_REPLY.test(line)) sink++;
  }, 9);

  let findings = 0;
  const full_ms = time(() => {
    findings = findingsOf(new LogDocument(text)).length;
  }, 9);

  // One-line edit in the middle: re-scan until the state converges and refresh that region's findings.
  const doc = new LogDocument(text);
  const middle = Math.floor(doc.lineCount / 2);
  const original = doc.lineText(middle);
  let flip = false;
  const incremental_ms = time(() => {
    flip = !flip;
    const changed = doc.replaceLines(middle, 1, [flip ? '550 Permission denied.' : original]);
    sink += findingsOf(doc, changed.from, changed.to).length;
  }, 51, 5);

  // One hover: find the reply under the cursor, its command, and render the explanation.
  let line = middle;
  while (line < doc.lineCount && !doc.lineResult(line).codeSpan) line++;
  const at = doc.lineResult(line).codeSpan!.start;
  const hover_ms = time(() => {
    const reply = replyAtPosition(doc, line, at)!;
    const cmd = commandFor(doc, reply);
    sink += replyToMarkdown(explainReply({ code: reply.code, text: reply.text, verb: cmd?.verb, argument: cmd?.argument })).length;
  }, 51, 5);

  // The session model of the scanned log, read from the line store alone, and the outline drawn from it.
  let sessions = 0;
  const sessions_ms = time(() => {
    sessions = new SessionModel(doc).build().sessions.length;
  }, 9);
  const model = new SessionModel(doc).build();
  const outline_ms = time(() => {
    sink += outlineOf(doc, model).length;
  }, 9);

  if (sink < 0) console.log(sink);
  return {
    lines: splitLines(text).length,
    findings,
    floor_ms,
    full_ms,
    incremental_ms,
    hover_ms,
    sessions,
    sessions_ms,
    outline_ms,
    scan_vs_floor: full_ms / floor_ms,
    sessions_vs_full: sessions_ms / full_ms,
    incremental_vs_full: incremental_ms / full_ms,
    hover_vs_full: hover_ms / full_ms,
  };
}
