// No regular expression in the grammar can backtrack catastrophically, and
// hostile lines tokenize in bounded time.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { INITIAL, type IGrammar, type StateStack } from 'vscode-textmate';
import { splitLines } from '../../src/core/scan/lines';
import { nearMissLines, regexTokens } from '../support/nearMiss';
import { FIXTURES_DIR, fixtureFiles } from '../grammar/support/fixtures';
import { collectRegexes, toJavaScript, type GrammarRegex, type Translated } from '../grammar/support/regexes';
import { classesOfToken } from '../grammar/support/scopes';
import { GRAMMAR_PATH, loadFtpLogGrammar, tokenizeLines } from '../grammar/support/textmate';

type Check = (source: string, flags: string, params?: { timeout?: number | null; randomSeed?: number }) => Promise<{ status: string; checker?: string; error?: { kind: string }; attack?: { pattern?: string } }>;

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
      // A fixed seed: the fuzzing checker draws its inputs at random, and a test gives one answer.
      const d = await check(translated.source, translated.flags, { timeout: 60_000, randomSeed: 20261201 });
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
    {
      // Under a header, a row's fields are tokenized one column after another: a command column
      // whose argument was a capture with patterns cost a copy of the line each (quadratic).
      name: 'a 100,000-character IIS row of repeated commands under its `#Fields:` header',
      lines: () => ['#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status', ('2026-11-24 ' + 'USER '.repeat(20_000)).slice(0, 100_000)],
    },
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

// Every rule's own tokens (words, digits, separators, brackets) repeated into
// near-miss lines of 20,000 characters (VS Code's longest tokenized line), each
// tokenized the way vscode-textmate runs the grammar in the editor: in a plain
// document (where every line rule is tried), inside a multi-line reply, under
// an IIS `#Fields:` header, and after each family's own prefix and preceding
// lines, where the payload rules and that family's own rules run.
describe('near-miss lines built from every rule tokenize in bounded time in every family', function () {
  const LENGTH = 20_000;
  const LIMIT_MS = 1_000;
  const PER_RULE = 8;
  /** The rules every family's prefix hands its payload to. */
  const PAYLOAD_RULES = ['reply-payload', 'reply-payload-quoted', 'command-payload', 'command-payload-quoted', 'command-pass', 'command-address', 'raw-payload-any-case', 'closing-quote', 'reply-text', 'host-port', 'address', 'code'];
  /** Families whose rules are not named after them. */
  const FAMILY_RULES: Record<string, readonly string[]> = {
    'bsd-ftp': ['ftp-client', 'lftp'],
    'bsd-ftpd': ['syslog', 'syslog-header', 'ftpd-message'],
    'wu-ftpd': ['syslog', 'syslog-header', 'ftpd-message'],
    'commons-net': ['curl', 'raw-reply-block', 'raw-reply', 'raw-command'],
    'windows-ftp': ['ftp-client', 'raw-reply-block', 'raw-reply', 'raw-command'],
    fluentftp: ['fluentftp', 'filezilla-pane', 'filezilla-message'],
    'pure-ftpd': ['syslog', 'syslog-header', 'pure-ftpd-message'],
    vsftpd: ['syslog', 'syslog-header'],
    proftpd: ['syslog', 'syslog-header', 'extlog-fields'],
    'proftpd-extlog': ['extlog-fields'],
    filezilla: ['fzs-context'],
    'filezilla-server': ['fzs-context'],
  };
  let grammar: IGrammar;
  before(async function () {
    this.timeout(120_000);
    grammar = await loadFtpLogGrammar();
    // vscode-textmate compiles each rule's scanner the first time it is used (about a second for
    // all of them): every fixture once, so the times below are the tokenizer's, not the compiler's.
    for (const file of fixtureFiles()) tokenizeLines(grammar, splitLines(fs.readFileSync(file, 'utf8')));
  });

  /** Distinct near-miss lines, each with the first rule it was built from. */
  const lines = new Map<string, string>();
  /** The same lines by the repository rule they were built from. */
  const linesByRule = new Map<string, Set<string>>();
  for (const re of collectRegexes(grammarJson)) {
    const rule = /^\$\.repository\.([^.[]+)/.exec(re.where)?.[1] ?? '$self';
    for (const line of nearMissLines(regexTokens(re.source), LENGTH, PER_RULE)) {
      if (!lines.has(line)) lines.set(line, re.where);
      if (!linesByRule.has(rule)) linesByRule.set(rule, new Set());
      linesByRule.get(rule)!.add(line);
    }
  }

  /** The lines of the payload rules and of a family's own rules (named after it, or listed above). */
  function familyLines(family: string): Map<string, string> {
    const own = (rule: string): boolean => rule === family || rule.startsWith(`${family}-`) || (FAMILY_RULES[family] ?? []).includes(rule) || PAYLOAD_RULES.includes(rule);
    const out = new Map<string, string>();
    for (const [rule, set] of linesByRule) if (own(rule)) for (const line of set) out.set(line, lines.get(line)!);
    return out;
  }

  interface Context {
    readonly name: string;
    readonly stack: StateStack;
    readonly prefix: string;
  }

  /**
   * A family's contexts, from its fixtures: the state before its first reply
   * line and before its first command line, and the text in front of that
   * reply code / command (what the family's line rule consumes before its payload).
   */
  function familyContexts(family: string): Context[] {
    const out: Context[] = [];
    for (const file of fixtureFiles(path.join(FIXTURES_DIR, family))) {
      let stack: StateStack = INITIAL;
      for (const line of splitLines(fs.readFileSync(file, 'utf8'))) {
        const r = grammar.tokenizeLine(line, stack);
        for (const kind of ['reply', 'command'] as const) {
          if (out.some((c) => c.name.startsWith(kind))) continue;
          const t = r.tokens.find((x) => (kind === 'reply' ? classesOfToken(x.scopes).length > 0 : x.scopes.some((sc) => sc.startsWith('entity.name.function.command.'))));
          if (t) out.push({ name: `${kind} in ${path.relative(FIXTURES_DIR, file)}`, stack, prefix: line.slice(0, t.startIndex) });
        }
        if (out.length === 2) return out;
        stack = r.ruleStack;
      }
    }
    if (out.length === 0) {
      // A family that logs no replies or commands (xferlog, ProFTPD's own lines): its first
      // line's rule, with the line's last token as the payload.
      const file = fixtureFiles(path.join(FIXTURES_DIR, family))[0];
      const first = splitLines(fs.readFileSync(file, 'utf8'))[0];
      const tokens = grammar.tokenizeLine(first, INITIAL).tokens;
      out.push({ name: `first line of ${path.relative(FIXTURES_DIR, file)}`, stack: INITIAL, prefix: first.slice(0, tokens[tokens.length - 1].startIndex) });
    }
    return out;
  }

  function slowest(context: Context, candidates: ReadonlyMap<string, string> = lines): { ms: number; what: string } {
    let worst = { ms: -1, what: '' };
    for (const [line, where] of candidates) {
      const text = context.prefix + line.slice(context.prefix.length);
      const started = performance.now();
      grammar.tokenizeLine(text, context.stack);
      const ms = performance.now() - started;
      if (ms > worst.ms) worst = { ms, what: `${JSON.stringify(text.slice(0, 60))}… (from ${where})` };
    }
    return worst;
  }

  it(`builds near-miss lines from the grammar's rules (${PER_RULE} per rule at most)`, () => {
    assert.ok(lines.size > 300, `only ${lines.size} lines`);
  });

  const plain: [string, () => Context][] = [
    ['a plain document', () => ({ name: 'plain', stack: INITIAL, prefix: '' })],
    ['inside a multi-line reply', () => ({ name: 'block', stack: grammar.tokenizeLine('230-Welcome', INITIAL).ruleStack, prefix: '' })],
    [
      'under an IIS #Fields: header',
      () => ({
        name: 'iis',
        stack: grammar.tokenizeLine('#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath', INITIAL).ruleStack,
        prefix: '',
      }),
    ],
  ];
  for (const [name, make] of plain) {
    it(`${name}: every line < ${LIMIT_MS} ms`, function () {
      this.timeout(120_000);
      const worst = slowest(make());
      assert.ok(worst.ms < LIMIT_MS, `${worst.ms.toFixed(0)} ms for ${worst.what}`);
    });
  }

  const families = fs.readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'none').map((d) => d.name).sort();
  for (const family of families) {
    it(`${family}: every payload and ${family} rule line after its reply and command prefixes < ${LIMIT_MS} ms`, function () {
      this.timeout(240_000);
      const contexts = familyContexts(family);
      const candidates = familyLines(family);
      assert.ok(contexts.length > 0 && candidates.size > 50, `${family}: ${contexts.length} contexts, ${candidates.size} lines`);
      for (const c of contexts) {
        const worst = slowest(c, candidates);
        assert.ok(worst.ms < LIMIT_MS, `${c.name} (prefix ${JSON.stringify(c.prefix)}): ${worst.ms.toFixed(0)} ms for ${worst.what}`);
      }
    });
  }
});
