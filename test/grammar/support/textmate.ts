// Loads the project's grammar into vscode-textmate with the Oniguruma WASM
// build VS Code itself uses, so tests see exactly the tokens the editor sees.

import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const GRAMMAR_PATH = path.join(REPO_ROOT, 'syntaxes/ftp-log.tmLanguage.json');
export const SCOPE_NAME = 'text.ftp-log';

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The WASM engine can be initialised once per process; every registry shares it. */
export function loadOnigLib(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    const wasmPath = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
    const wasm = fs.readFileSync(wasmPath);
    onigLib = oniguruma
      .loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
      .then(() => ({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }));
  }
  return onigLib;
}

/** A registry that can resolve our grammar plus any extra grammar files given by scope name. */
export function createRegistry(extra: Record<string, string> = {}, theme?: vsctm.IRawTheme): vsctm.Registry {
  const files: Record<string, string> = { [SCOPE_NAME]: GRAMMAR_PATH, ...extra };
  return new vsctm.Registry({
    onigLib: loadOnigLib(),
    theme,
    loadGrammar: async (scopeName: string) => {
      const file = files[scopeName];
      if (!file) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
}

export async function loadFtpLogGrammar(registry: vsctm.Registry = createRegistry()): Promise<vsctm.IGrammar> {
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load from ${GRAMMAR_PATH}`);
  return grammar;
}

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

/** Tokenizes `lines` in order, carrying the rule stack from line to line as the editor does. */
export function tokenizeLines(grammar: vsctm.IGrammar, lines: readonly string[]): Token[][] {
  let stack = vsctm.INITIAL;
  const out: Token[][] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    out.push(r.tokens.map((t) => ({ start: t.startIndex, end: Math.min(t.endIndex, line.length), scopes: t.scopes })));
    stack = r.ruleStack;
  }
  return out;
}
