// Every regular-expression literal in src/ runs in linear time on near-miss
// input: lines of 20,000 characters built from the expression's own words,
// digits, separators and brackets (test/support/nearMiss.ts), which look like
// the start of a match at almost every column. A linear expression takes well
// under a millisecond on such a line; a quadratic one takes about a second,
// an exponential one forever. The expressions src/ builds at run time are
// checked where they are built (catalogue.test.ts: server messages; iis.test.ts:
// the headerless row shapes).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { nearMissLines, regexTokens } from '../support/nearMiss';

const SRC = path.resolve(__dirname, '../../../src');
const LENGTH = 20_000;
const LIMIT_MS = 250;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

interface Literal {
  readonly where: string;
  readonly regex: RegExp;
}

/** Regular-expression literals, found by the TypeScript parser (not by a pattern over the text). */
function literals(): Literal[] {
  const out: Literal[] = [];
  for (const file of sourceFiles(SRC)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push({ where: `${path.relative(SRC, file)}:${line + 1}`, regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Runs the expression over the whole line the way src uses its kind: every match (g), at one position (y), or a search. */
function run(regex: RegExp, line: string): void {
  const re = new RegExp(regex.source, regex.flags);
  if (re.global) line.replace(re, '');
  else re.test(line);
}

describe('regular-expression literals in src/ are linear on near-miss input', function () {
  this.timeout(120_000);
  const found = literals();

  it('finds the literals', () => {
    assert.ok(found.length > 50, `only ${found.length} regular-expression literals under ${SRC}`);
  });

  for (const { where, regex } of found) {
    it(`${where} /${regex.source.length > 60 ? regex.source.slice(0, 60) + '…' : regex.source}/${regex.flags}`, () => {
      const lines = nearMissLines(regexTokens(regex.source), LENGTH);
      assert.ok(lines.length > 0, 'no near-miss line could be built');
      for (const line of lines) {
        const started = performance.now();
        run(regex, line);
        const ms = performance.now() - started;
        assert.ok(ms < LIMIT_MS, `${ms.toFixed(0)} ms on ${JSON.stringify(line.slice(0, 60))}…`);
      }
    });
  }
});
