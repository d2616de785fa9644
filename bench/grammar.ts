// Tokenizing speed of the FTP Log grammar against VS Code's own `log` grammar
// (read from the installed VS Code build, never copied), on the same text,
// line by line with the rule stack carried over as the editor does, the two
// taking turns so that a drift in the machine's speed falls on both alike.

import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '../..');
const OUR_GRAMMAR = path.join(ROOT, 'syntaxes/ftp-log.tmLanguage.json');

export interface GrammarBench {
  readonly ours_ms: number;
  readonly builtin_ms: number;
  /** ours_ms / builtin_ms: below 1 means our grammar is faster. */
  readonly grammar_vs_builtin_log: number;
  readonly lines: number;
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOnig(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }));
  }
  return onigLib;
}

async function load(scopeName: string, file: string): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: loadOnig(),
    loadGrammar: async (name) => (name === scopeName ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null),
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`could not load ${scopeName} from ${file}`);
  return grammar;
}

/** Lines tokenized by one grammar before the other takes its turn. */
const TURN_LINES = 5000;

/**
 * Both grammars over the whole text, taking turns every TURN_LINES lines,
 * each carrying its own rule stack as the editor does: this machine's speed
 * drifts by half within seconds, and one grammar timed after the other took
 * that drift into the ratio.
 */
function tokenizeInTurns(grammars: readonly vsctm.IGrammar[], lines: readonly string[]): number[] {
  const stacks = grammars.map(() => vsctm.INITIAL);
  const ms = grammars.map(() => 0);
  for (let from = 0; from < lines.length; from += TURN_LINES) {
    const to = Math.min(lines.length, from + TURN_LINES);
    grammars.forEach((grammar, g) => {
      const started = process.hrtime.bigint();
      let stack = stacks[g];
      for (let i = from; i < to; i++) stack = grammar.tokenizeLine2(lines[i], stack).ruleStack;
      stacks[g] = stack;
      ms[g] += Number(process.hrtime.bigint() - started) / 1e6;
    });
  }
  return ms;
}

export async function benchGrammar(text: string, vscodeDir: string): Promise<GrammarBench> {
  const builtinFile = path.join(vscodeDir, 'extensions/log/syntaxes/log.tmLanguage.json');
  const builtinScope = (JSON.parse(fs.readFileSync(builtinFile, 'utf8')) as { scopeName: string }).scopeName;
  const [ours, builtin] = await Promise.all([load('text.ftp-log', OUR_GRAMMAR), load(builtinScope, builtinFile)]);
  const lines = text.split(/\r\n|\r|\n/);
  // Warm-up: compile every scanner and let the JIT settle before timing.
  tokenizeInTurns([ours, builtin], lines.slice(0, 2000));
  const [ours_ms, builtin_ms] = tokenizeInTurns([ours, builtin], lines);
  return {
    ours_ms: Math.round(ours_ms),
    builtin_ms: Math.round(builtin_ms),
    grammar_vs_builtin_log: Math.round((ours_ms / builtin_ms) * 1000) / 1000,
    lines: lines.length,
  };
}
