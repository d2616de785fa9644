// No regular expression in the grammar can backtrack catastrophically, and
// hostile lines tokenize in bounded time.

import * as assert from 'assert';
import * as fs from 'fs';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { splitLines } from '../../src/core/scan/lines';
import { collectRegexes, toJavaScript, type GrammarRegex, type Translated } from '../grammar/support/regexes';
import { GRAMMAR_PATH, loadFtpLogGrammar } from '../grammar/support/textmate';

type Check = (source: string, flags: string, params?: { timeout?: number | null }) => Promise<{ status: string; checker?: string; error?: { kind: string }; attack?: { pattern?: string } }>;

// recheck's own native build (the recheck-linux-x64 package) where the platform has one: same
// verdicts as the pure-JavaScript backend, several times faster; 'auto' falls back to JavaScript.
process.env.RECHECK_BACKEND ??= 'auto';

const grammarJson: unknown = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));

/** One entry per distinct JavaScript form, remembering every place it came from. */
function distinctRegexes(): { translated: Translated; from: GrammarRegex[] }[] {
  const byKey = new Map<string, { translated: Translated; from: GrammarRegex[] }>();
  for (const re of collectRegexes(grammarJson)) {
    const t = toJavaScript(re);
    const key = `${t.flags}/${t.source}`;
    const entry = byKey.get(key);
    if (entry) entry.from.push(re);
    else byKey.set(key, { translated: t, from: [re] });
  }
  return [...byKey.values()];
}

describe('grammar regular expressions are ReDoS-safe (recheck)', function () {
  this.timeout(120_000);
  let check: Check;
  before(() => {
    // Required here, after RECHECK_BACKEND is set, so the backend choice applies.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    check = (require('recheck') as { check: Check }).check;
  });

  const regexes = distinctRegexes();

  it('finds the grammar\'s regular expressions', () => {
    assert.ok(regexes.length > 50, `only ${regexes.length} regular expressions found in ${GRAMMAR_PATH}`);
  });

  for (const { translated, from } of regexes) {
    const where = from[0].where + (from.length > 1 ? ` (+${from.length - 1} more)` : '');
    it(where, async () => {
      // recheck picks the automaton checker where it applies and fuzzing where
      // the expression uses look-around.
      const d = await check(translated.source, translated.flags, { timeout: 60_000 });
      const detail = [
        `/${translated.source}/${translated.flags}`,
        translated.notes.length ? `translated: ${translated.notes.join('; ')}` : '',
        d.error ? `error: ${d.error.kind}` : '',
        d.attack?.pattern ? `attack: ${d.attack.pattern}` : '',
      ]
        .filter(Boolean)
        .join('\n  ');
      assert.strictEqual(d.status, 'safe', `${where} is ${d.status}\n  ${detail}`);
    });
  }
});

describe('hostile input tokenizes in bounded time', function () {
  this.timeout(60_000);
  const LIMIT_MS = 5_000;
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadFtpLogGrammar();
  });

  function timeLines(lines: readonly string[]): number {
    const started = Date.now();
    let stack = INITIAL;
    for (const line of lines) stack = grammar.tokenizeLine(line, stack).ruleStack;
    return Date.now() - started;
  }

  // A fixed generator keeps the "random" input the same on every run.
  function pseudoRandomBytes(n: number, seed: number): Buffer {
    const out = Buffer.alloc(n);
    let x = seed >>> 0;
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  }

  const cases: { name: string; lines: () => string[] }[] = [
    { name: 'a line of 100,000 digits', lines: () => ['5'.repeat(100_000)] },
    { name: 'a line of 100,000 spaces', lines: () => [' '.repeat(100_000)] },
    { name: 'a 1 MB line of `550-` repeats', lines: () => ['550-'.repeat(262_144)] },
    { name: '1 MB of `550-` lines (one long multi-line reply)', lines: () => splitLines('550-x\n'.repeat(174_763)) },
    { name: '1 MB of random bytes', lines: () => splitLines(pseudoRandomBytes(1 << 20, 0x5eed).toString('latin1')) },
    { name: 'a 1 MB `#Fields:` header and data line', lines: () => ['#Fields: ' + 'cs-method '.repeat(100_000) + 'sc-status', '1 '.repeat(500_000)] },
    { name: 'a 1 MB FileZilla Server 0.9 prefix without its arrow', lines: () => ['(000001) ' + ' - ('.repeat(262_000)] },
  ];

  for (const c of cases) {
    it(`${c.name} (< ${LIMIT_MS / 1000} s)`, () => {
      const ms = timeLines(c.lines());
      assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    });
  }

  it('tokenizes a line that matches nothing in one token', () => {
    const r = grammar.tokenizeLine('x'.repeat(10_000), INITIAL);
    assert.strictEqual(r.tokens.length, 1);
  });
});
