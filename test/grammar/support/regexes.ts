// Collects every regular expression in a TextMate grammar and turns the
// Oniguruma-only syntax it uses into JavaScript syntax that `recheck` can
// analyse, recording what was changed and why.

export interface GrammarRegex {
  /** Where it sits in the grammar, e.g. `repository.curl.patterns[0].begin`. */
  readonly where: string;
  readonly key: 'match' | 'begin' | 'end' | 'while';
  readonly source: string;
}

export function collectRegexes(node: unknown, where = '$'): GrammarRegex[] {
  const out: GrammarRegex[] = [];
  if (Array.isArray(node)) {
    node.forEach((n, i) => out.push(...collectRegexes(n, `${where}[${i}]`)));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') {
        out.push({ where: `${where}.${k}`, key: k, source: v });
      } else {
        out.push(...collectRegexes(v, `${where}.${k}`));
      }
    }
  }
  return out;
}

export interface Translated {
  readonly source: string;
  readonly flags: string;
  /** Why the JavaScript form differs from the grammar's (empty when it does not). */
  readonly notes: readonly string[];
}

/**
 * Oniguruma -> JavaScript for the constructs this grammar uses:
 * - `\G` (the position where the enclosing rule's begin ended) becomes `^`:
 *   both pin the match to one start position, which is what matters for
 *   backtracking;
 * - `(?i:…)` becomes `(?:…)` with the `i` flag on the whole expression
 *   (case folding does not change how a pattern backtracks);
 * - back-references in `end` patterns (`\1` …) are replaced by vscode-textmate
 *   with the literal text the begin pattern captured; a reply code is three
 *   digits, so a sample code stands in for them;
 * - `^` and `$` are line anchors in Oniguruma, but vscode-textmate hands the
 *   engine one line at a time, so no input ever holds a line break inside:
 *   without the `m` flag JavaScript reads them as the ends of that line, and
 *   recheck does not go looking for attacks spread over many lines.
 */
export function toJavaScript(re: GrammarRegex): Translated {
  const notes: string[] = [];
  let source = re.source;
  let flags = '';
  if (source.includes('\\G')) {
    source = source.split('\\G').join('^');
    notes.push('\\G read as ^');
  }
  if (source.includes('(?i:')) {
    source = source.split('(?i:').join('(?:');
    flags += 'i';
    notes.push('(?i:…) read as (?:…) with the i flag');
  }
  if (re.key === 'end' && /\\[1-9]/.test(source)) {
    // Only the first back-reference holds the code; the other class groups captured nothing.
    let first = true;
    source = source.replace(/\\([1-9])/g, () => {
      const s = first ? '226' : '';
      first = false;
      return s;
    });
    source = source.replace(/226(?:)+/g, '226');
    notes.push('back-references replaced by a sample captured code');
  }
  return { source, flags, notes };
}
