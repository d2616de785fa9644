// Reply classes are told apart by colour in VS Code's default themes: the
// real theme files of the installed VS Code builds, resolved by vscode-textmate.
// The five classes and plain text are at least MIN_DELTA_E apart (CIE76) in
// every theme; the UI suite measures the same on the rendered editor.
// It needs those builds, so it runs in the tier that installs them
// (test/e2e/run-all.mjs, part of npm test), not in the unit tier. A build or
// theme that is missing fails the test; nothing here is skipped.
// FTP_LOG_THEME_BUILDS=min,latest names the builds (default: both).

import * as assert from 'assert';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { createRegistry, loadFtpLogGrammar } from '../grammar/support/textmate';
import { closestPair } from '../support/colourDifference';
import { defaultThemes, foregroundId, resolveTheme, type ThemeContribution } from '../grammar/support/themes';
import { VSCODE_DIR_ENV, vscodeDir, vscodeVersion, type BuildFlavour } from '../grammar/support/vscodeBuild';

// Theme ids as extensions/theme-defaults/package.json spells them (1.100 says
// "Default Dark Modern", later builds "Dark Modern").
const THEME_IDS: Record<string, readonly string[]> = {
  'Dark Modern': ['Dark Modern', 'Default Dark Modern'],
  'Light Modern': ['Light Modern', 'Default Light Modern'],
  'Dark+': ['Dark+', 'Default Dark+'],
  'Light+': ['Light+', 'Default Light+'],
  'High Contrast Dark': ['Default High Contrast'],
  'High Contrast Light': ['Default High Contrast Light'],
  'Dark 2026': ['Dark 2026'],
  'Light 2026': ['Light 2026'],
};
const ALWAYS = ['Dark Modern', 'Light Modern', 'Dark+', 'Light+', 'High Contrast Dark', 'High Contrast Light'];
const MIN_DELTA_E = 20;
const NEWER = ['Dark 2026', 'Light 2026'];

function findTheme(themes: readonly ThemeContribution[], name: string): ThemeContribution | undefined {
  return themes.find((t) => THEME_IDS[name].includes(t.id));
}

// One line per reply class, each in a different family's layout, plus the
// token that stands for plain text.
const SAMPLES: readonly { readonly label: string; readonly line: string; readonly at: number }[] = [
  { label: '1xx', line: '150 Opening BINARY mode data connection', at: 0 },
  { label: '2xx', line: '226 Transfer complete', at: 0 },
  { label: '3xx', line: '< 331 Password required', at: 2 },
  { label: '4xx', line: '< 425 Cannot open data connection', at: 2 },
  { label: '5xx', line: 'Response:\t550 File not found', at: 10 },
  { label: 'text', line: '226 Transfer complete', at: 10 },
];

interface Colours {
  readonly [label: string]: string;
}

async function coloursIn(theme: ThemeContribution): Promise<{ colours: Colours; foreground: string }> {
  const resolved = resolveTheme(theme);
  const registry = createRegistry({}, resolved.raw);
  const grammar: IGrammar = await loadFtpLogGrammar(registry);
  const colorMap = registry.getColorMap();
  const colours: Record<string, string> = {};
  for (const s of SAMPLES) {
    const tokens = grammar.tokenizeLine2(s.line, INITIAL).tokens;
    let metadata = tokens[1];
    for (let i = 0; i < tokens.length; i += 2) {
      if (tokens[i] <= s.at) metadata = tokens[i + 1];
    }
    colours[s.label] = colorMap[foregroundId(metadata)].toUpperCase();
  }
  return { colours, foreground: resolved.foreground };
}

const FLAVOURS: readonly BuildFlavour[] = ['min', 'latest'];

function builds(): { readonly label: string; readonly flavour: BuildFlavour; readonly required: readonly string[] }[] {
  if (process.env[VSCODE_DIR_ENV]) {
    return [{ label: VSCODE_DIR_ENV, flavour: 'latest', required: ALWAYS }];
  }
  const named = (process.env.FTP_LOG_THEME_BUILDS ?? FLAVOURS.join(',')).split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of named) {
    if (!(FLAVOURS as readonly string[]).includes(f)) throw new Error(`FTP_LOG_THEME_BUILDS: unknown build "${f}" (expected ${FLAVOURS.join(' or ')})`);
  }
  return named.map((flavour) => (flavour === 'min'
    ? { label: 'min build', flavour: 'min', required: ALWAYS }
    : { label: 'latest build', flavour: 'latest', required: [...ALWAYS, ...NEWER] }));
}

for (const build of builds()) {
  describe(`reply classes in the default themes (${build.label})`, function () {
    let themes: ThemeContribution[] = [];
    let version = '';

    before(function () {
      // The installer may have to fetch and build code-server the first time.
      this.timeout(20 * 60 * 1000);
      const dir = vscodeDir(build.flavour);
      version = vscodeVersion(dir);
      themes = defaultThemes(dir);
    });

    it('the build ships the themes under test', () => {
      const ids = themes.map((t) => t.id);
      for (const name of build.required) assert.ok(findTheme(themes, name), `VS Code ${version} has no theme "${name}" (has: ${ids.join(', ')})`);
    });

    // Only the themes the build must have: 1.100 has no Dark 2026, and a test
    // that would skip there is not written for it.
    for (const id of build.required) {
      it(`${id}: 1xx, 2xx, 3xx, 4xx, 5xx and plain text are ${MIN_DELTA_E} (CIE76 ΔE) apart`, async () => {
        const theme = findTheme(themes, id);
        assert.ok(theme, `VS Code ${version} lacks the theme ${id}`);
        const { colours, foreground } = await coloursIn(theme);
        const summary = `VS Code ${version} ${id}: ${Object.entries(colours).map(([k, v]) => `${k} ${v}`).join(', ')}`;
        assert.strictEqual(colours.text, foreground, `plain reply text should keep the editor foreground. ${summary}`);
        const closest = closestPair(colours);
        assert.ok(closest.deltaE76 >= MIN_DELTA_E, `${closest.a} and ${closest.b} are only ${closest.deltaE76.toFixed(1)} apart. ${summary}`);
        if (process.env.FTP_LOG_PRINT_THEME_COLOURS) console.log(`      ${summary}`);
      });
    }
  });
}
