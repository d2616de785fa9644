// Compares the grammar's tokens with the scanner's reply codes, line by line:
// the scanner (src/core) decides what is a reply; the grammar must scope
// exactly those three digits with the code's class and nothing else with any
// reply class.

import type { IGrammar } from 'vscode-textmate';
import { analyze } from '../../../src/core/analyze';
import { splitLines } from '../../../src/core/scan/lines';
import { classesOfToken, classOfCode, REPLY_CLASSES, type ReplyClass } from './scopes';
import { codeTokens } from '../../../src/core/features/codeTokens';
import { stickyEnd } from '../../../src/core/scan/formats/syntax';
import { tokenizeLines, type Token } from './textmate';

export interface Disagreement {
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly problem: string;
}

function scopedClassesAt(tokens: readonly Token[], column: number): string[] {
  const t = tokens.find((tok) => tok.start <= column && column < tok.end);
  return t ? classesOfToken(t.scopes) : [];
}

/**
 * The colour VS Code shows for codes on lines the grammar cannot know (a
 * client prefix or a tool's wrapper learned from the log itself): the core's semantic tokens, mapped to
 * the grammar's scopes by package.json. By line, column -> class.
 */
function semanticClasses(analysis: ReturnType<typeof analyze>): Map<number, Map<number, ReplyClass | undefined>> {
  const out = new Map<number, Map<number, ReplyClass | undefined>>();
  const wrapper = analysis.document.dialect?.wrapper;
  for (const t of codeTokens(analysis.document, 0, analysis.document.lineCount)) {
    const wrapped = wrapper !== undefined && stickyEnd(wrapper.pattern, analysis.document.lineText(t.line), 0) > 0;
    if ((analysis.lines[t.line].family !== 'generic' && !wrapped) || t.type > 5) continue;
    let cols = out.get(t.line);
    if (!cols) out.set(t.line, (cols = new Map()));
    for (let c = t.start; c < t.start + t.length; c++) cols.set(c, t.type < REPLY_CLASSES.length ? REPLY_CLASSES[t.type] : undefined);
  }
  return out;
}

/** Every place where grammar (with the semantic tokens of learned-prefix lines) and scanner disagree about reply codes in `text`. */
export function disagreements(grammar: IGrammar, text: string): Disagreement[] {
  const lines = splitLines(text);
  const analysis = analyze(text);
  const tokens = tokenizeLines(grammar, lines);
  const semantic = semanticClasses(analysis);
  const out: Disagreement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const result = analysis.lines[i];
    const codeCols = new Set<number>();
    if (result && result.codeSpan && result.code !== undefined) {
      const want = classOfCode(result.code);
      for (let c = result.codeSpan.start; c < result.codeSpan.end; c++) {
        codeCols.add(c);
        const overlay = semantic.get(i);
        const got = overlay?.has(c) ? [overlay.get(c)].filter((x): x is ReplyClass => x !== undefined) : scopedClassesAt(tokens[i], c);
        const ok = want === undefined ? got.length === 0 : got.length === 1 && got[0] === want;
        if (!ok) {
          out.push({
            line: i + 1,
            column: c + 1,
            text: line,
            problem: `code ${result.code}: want ${want ?? 'no reply class (6yz)'}, grammar gave [${got.join(', ')}]`,
          });
          break;
        }
      }
    }
    for (const tok of tokens[i]) {
      const classes = classesOfToken(tok.scopes);
      if (classes.length === 0) continue;
      for (let c = tok.start; c < tok.end; c++) {
        if (codeCols.has(c)) continue;
        out.push({
          line: i + 1,
          column: c + 1,
          text: line,
          problem: `"${line.slice(tok.start, tok.end)}" is scoped [${classes.join(', ')}] but the scanner found no reply code there`,
        });
        break;
      }
    }
  }
  return out;
}

export function describe(file: string, ds: readonly Disagreement[]): string {
  return ds
    .slice(0, 20)
    .map((d) => `${file}:${d.line}:${d.column} ${d.problem}\n    ${d.text.length > 200 ? d.text.slice(0, 200) + '…' : d.text}`)
    .join('\n');
}
