// The line rules sit behind rules that look only at a line's first character
// (scripts/grammar-dispatch.mjs). That changes no token only if every line
// rule that can match a line is in the group that line's first character
// selects, in the same order: checked here against every line of every
// fixture and of the benchmark's generated log, with the Oniguruma build
// VS Code uses.

import * as assert from 'assert';
import * as fs from 'fs';
import * as oniguruma from 'vscode-oniguruma';
import { fixtureFiles } from './support/fixtures';
import { GRAMMAR_PATH, loadOnigLib } from './support/textmate';
import { generateLog } from '../../bench/generate';

interface Rule {
  readonly include?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly patterns?: readonly Rule[];
}

const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { repository: Record<string, Rule> };

/** The rule an include names (the line rules are all included by name). */
function resolved(rule: Rule): Rule {
  return rule.include ? grammar.repository[rule.include.slice(1)] : rule;
}

/** True when the scanner's rule matches `text` (a line and the `\n` vscode-textmate adds) at column 0, with `\G` there. */
function matchesAtStart(scanner: oniguruma.OnigScanner, text: oniguruma.OnigString): boolean {
  const m = scanner.findNextMatchSync(text, 0);
  return !!m && m.captureIndices[0].start === 0;
}

describe('grammar: line rules behind their first character', () => {
  const dispatched = grammar.repository.lines.patterns ?? [];
  const groups = dispatched.filter((r) => r.begin?.startsWith('\\G(?=['));
  /** The last group takes every other first character and holds every line rule, in order. */
  const every = groups[groups.length - 1]?.patterns ?? [];
  let groupScanners: oniguruma.OnigScanner[];
  let ruleScanners: oniguruma.OnigScanner[];

  before(async () => {
    await loadOnigLib();
    groupScanners = groups.map((g) => new oniguruma.OnigScanner([g.begin!]));
    ruleScanners = every.map((r) => new oniguruma.OnigScanner([resolved(r).match ?? resolved(r).begin!]));
  });

  it('has groups, and a last one holding every line rule', () => {
    assert.ok(groups.length >= 10, `${groups.length} groups`);
    assert.ok(every.length >= 60, `${every.length} line rules`);
    for (const g of groups) for (const r of g.patterns ?? []) assert.ok(every.some((e) => e.include === r.include), `${r.include} is missing from the last group`);
  });

  it('offers every line the rules that match it, in their order', () => {
    const lines = fixtureFiles().flatMap((f) => fs.readFileSync(f, 'utf8').split(/\r\n|\r|\n/));
    lines.push(...generateLog(5_000, 7).split('\n'));
    let checked = 0;
    for (const line of lines) {
      if (line.length === 0) continue;
      const text = new oniguruma.OnigString(line + '\n');
      try {
        checked += check(line, text);
      } finally {
        text.dispose();
      }
    }
    assert.ok(checked > 5_000, `${checked} matches checked`);
  });

  /** Checks one line; returns how many line rules matched it. */
  function check(line: string, text: oniguruma.OnigString): number {
    let matched = 0;
    const selecting = groupScanners.findIndex((s) => matchesAtStart(s, text));
    assert.ok(selecting >= 0, `no group takes ${JSON.stringify(line.slice(0, 80))}`);
    const offered = (groups[selecting].patterns ?? []).map((r) => r.include);
    assert.deepStrictEqual(offered, every.map((r) => r.include).filter((inc) => offered.includes(inc)), 'a group keeps the rules in order');
    every.forEach((rule, i) => {
      if (!matchesAtStart(ruleScanners[i], text)) return;
      matched++;
      assert.ok(offered.includes(rule.include), `${rule.include} matches ${JSON.stringify(line.slice(0, 80))} but its first character's group does not offer it`);
    });
    return matched;
  }
});
