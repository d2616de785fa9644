// `ftp-log explain CODE` and `ftp-log explain FILE:LINE[:COL]`: the whole
// explanation (`explanationAt`, what "Explain" opens beside the editor) of a
// reply code, or of what is at a position of a log — the same escaping,
// masking and bounds as the hover, since both render the same Markdown —
// for a terminal, or as Markdown with --markdown.

import { existsSync } from 'node:fs';
import { explainReply, replyToMarkdown } from '../core/features/explain';
import { explanationAt } from '../core/features/hover';
import { LogDocument } from '../core/scan/document';
import { HEAD_LINES } from '../core/scan/head';
import { parseArgs, UsageError } from './args';
import type { Cli } from './context';
import { capsOf, CAP_OPTIONS } from './inputs';
import { readLines } from './read';
import { markdownToTerminal, useColor } from './terminal';

/** Lines read past the position: a multi-line reply that starts there is read to its end. */
const LOOKAHEAD_LINES = 10000;

const WITH_COLUMN = /^(.+):(\d+):(\d+)$/;
const LINE_ONLY = /^(.+):(\d+)$/;

/** FILE:LINE:COL, or FILE:LINE when no file is named by the part before `:COL` (a name may hold `:5`). */
function position(target: string): [file: string, line: string, column: string | undefined] | undefined {
  const full = WITH_COLUMN.exec(target);
  if (full && (full[1] === '-' || existsSync(full[1]))) return [full[1], full[2], full[3]];
  const short = LINE_ONLY.exec(target);
  return short ? [short[1], short[2], undefined] : undefined;
}

export async function explain(args: string[], cli: Cli): Promise<number> {
  const p = parseArgs(args, CAP_OPTIONS, ['--markdown', '--color', '--no-color']);
  if (p.operands.length !== 1) throw new UsageError('explain needs one CODE (e.g. 550) or FILE:LINE[:COL]');
  const target = p.operands[0];
  const color = useColor(p.flags.has('--no-color') ? false : p.flags.has('--color') ? true : undefined, cli.stdoutIsTTY, cli.env);
  const show = (markdown: string) => {
    const text = p.flags.has('--markdown') ? markdown : markdownToTerminal(markdown, color);
    cli.out.write(text.endsWith('\n') ? text : text + '\n');
    cli.out.flush();
  };
  if (/^\d{3}$/.test(target)) {
    show(replyToMarkdown(explainReply({ code: Number(target) })));
    return 0;
  }
  const at = position(target);
  if (!at) throw new UsageError(`explain needs one three-digit CODE or FILE:LINE[:COL], not '${target}'`);
  const [file, lineText, colText] = at;
  const line = Number(lineText) - 1;
  if (line < 0 || (colText !== undefined && Number(colText) < 1)) throw new UsageError('LINE and COL count from 1');
  const lines: string[] = [];
  const want = Math.max(HEAD_LINES, line + LOOKAHEAD_LINES);
  const outcome = await readLines(file, cli.stdin, capsOf(p, cli), () => ({ line: (t) => lines.push(t), get done() { return lines.length >= want; } }), async () => undefined);
  if (outcome.kind === 'error' || outcome.kind === 'capped') {
    cli.err(`ftp-log: ${outcome.reason}`);
    return 2;
  }
  if (outcome.kind === 'binary') {
    cli.err(`ftp-log: ${outcome.name}: binary file`);
    return 2;
  }
  if (line >= lines.length) {
    cli.err(`ftp-log: ${outcome.name}: has ${lines.length} lines, not ${line + 1}`);
    return 2;
  }
  const doc = new LogDocument(lines);
  const column = colText !== undefined ? Number(colText) - 1 : defaultColumn(doc, line);
  const found = column === undefined ? undefined : explanationAt(doc, line, column);
  if (!found) {
    cli.err(`ftp-log: nothing to explain at ${outcome.name}:${line + 1}${colText !== undefined ? ':' + colText : ''}`);
    return 1;
  }
  show(found.markdown);
  return 0;
}

/** Without a column: the reply on the line, else its command. */
function defaultColumn(doc: LogDocument, line: number): number | undefined {
  const r = doc.lineResult(line);
  return r.codeSpan?.start ?? r.verbSpan?.start;
}
