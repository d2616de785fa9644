// UI tests of FTP Log itself, run by run-ui.mjs on the packaged extension
// (ftp-log.vsix, built by `npm run package`) in every default theme of each
// VS Code build: what a user sees in the status bar, the hover, the Problems
// panel and the colours of reply codes.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ARTIFACTS_DIR, FIXTURES_DIR, REPO_ROOT, VSIX_PATH } from '../lib/paths.mjs';
import { assert } from '../lib/ui-assert.mjs';
import { CLI, cliProblems } from '../lib/extensionSuite.mjs';

// The one colour-difference implementation (test/support/colourDifference.ts), as compiled by `npx tsc -p tsconfig.test.json`.
const COLOUR_DIFFERENCE = path.join(REPO_ROOT, 'out', 'test', 'support', 'colourDifference.js');

const THEMES = {
  min: ['Default Dark Modern', 'Default Light Modern', 'Default Dark+', 'Default Light+', 'Default High Contrast', 'Default High Contrast Light'],
  latest: ['Dark 2026', 'Light 2026', 'Dark Modern', 'Light Modern', 'Dark+', 'Light+', 'Default High Contrast', 'Default High Contrast Light'],
};

/** Themes the oldest build has too, by their names in the newest one. */
const SHARED_THEMES = new Set(['Dark Modern', 'Light Modern', 'Dark+', 'Light+', 'Default High Contrast', 'Default High Contrast Light']);

/** Colours closer than this (CIE76 ΔE) do not read as different at a glance. */
const MIN_DELTA_E = 20;

/** One fixture per family that has a 5xx reply, with the 5xx the hover test points at. */
function familySamples() {
  const samples = [];
  for (const family of readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'none')) {
    const files = [];
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (!e.name.endsWith('.expected') && e.name !== 'README.md') files.push(path.relative(FIXTURES_DIR, full));
      }
    };
    walk(path.join(FIXTURES_DIR, family.name));
    for (const relative of files.sort()) {
      const problems = cliProblems(relative);
      const error = problems.find((p) => p.severity === 'error');
      if (!error) continue;
      const lineText = readFileSync(path.join(FIXTURES_DIR, relative), 'utf8').split(/\r\n|\r|\n/)[error.line - 1];
      samples.push({ family: family.name, relative, problems, error, lineText });
      break;
    }
  }
  return samples;
}

/** Opens a fixture and waits until it is an FTP Log document. */
async function openLog(workbench, relative) {
  await workbench.openFile(relative);
  await workbench.waitForLanguage('FTP Log');
}

/** The families the oldest build and the web worker host are shown with: a server log, IIS, a client, a transcript. */
const FEW_FAMILIES = ['vsftpd', 'iis', 'filezilla-server', 'curl'];

/** A transcript with a reply of every class, each alone on its line. */
const COLOUR_SAMPLE = 'raw/session.ftplog';

/** The rendered colour of each reply class's code and of plain reply text. */
async function replyColours(workbench) {
  const text = readFileSync(path.join(FIXTURES_DIR, COLOUR_SAMPLE), 'utf8').split(/\r?\n/);
  const colours = {};
  for (const digit of ['1', '2', '3', '4', '5']) {
    const line = text.find((l) => new RegExp(`^${digit}\\d\\d `).test(l));
    assert(line, `${COLOUR_SAMPLE} has no ${digit}xx reply line`);
    colours[`${digit}xx`] = (await workbench.token(line.slice(0, 3), { lineIncludes: line })).color;
  }
  const ok = text.find((l) => /^2\d\d [A-Za-z]{6}/.test(l));
  colours.text = (await workbench.token(ok.slice(4, 10), { lineIncludes: ok })).color;
  return colours;
}

/** Every pair of the measured colours with its CIE76 and CIEDE2000 difference, closest first. */
function differenceTable(colours) {
  const { deltaE76, deltaE2000 } = createRequire(import.meta.url)(COLOUR_DIFFERENCE);
  const names = Object.keys(colours);
  const rows = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      rows.push({ pair: `${names[i]}/${names[j]}`, deltaE76: deltaE76(colours[names[i]], colours[names[j]]), deltaE2000: deltaE2000(colours[names[i]], colours[names[j]]) });
    }
  }
  return rows.sort((a, b) => a.deltaE76 - b.deltaE76);
}

function deltaE(a, b) {
  return createRequire(import.meta.url)(COLOUR_DIFFERENCE).deltaE76(a, b);
}

/** Keeps what a colour test measured beside its screenshot (the README's colour table is made from these). */
function saveMeasurement(flavour, theme, name, data) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `ftp-log-${flavour}-${theme}-${name}.json`.replace(/[^\w.+-]+/g, '-'));
  writeFileSync(file, JSON.stringify({ flavour, theme, ...data }, null, 2) + '\n');
}

const samples = existsSync(CLI) ? familySamples() : [];

export const suite = {
  name: 'ftp-log',
  vsix: VSIX_PATH,
  workspace: FIXTURES_DIR,
  skipReason() {
    if (!existsSync(VSIX_PATH)) return `${VSIX_PATH} is missing (build it with: npm run package)`;
    if (!existsSync(CLI)) return `${CLI} is missing (build it with: npm run build)`;
    if (!existsSync(COLOUR_DIFFERENCE)) return `${COLOUR_DIFFERENCE} is missing (build it with: npx tsc -p tsconfig.test.json)`;
    return null;
  },
  // The newest build's themes that the oldest lacks are measured there; the themes both builds have
  // are measured on the oldest (the theme tier resolves every default theme of both builds' own theme
  // files with vscode-textmate and holds each to the same bound, and the rendered colours matched it).
  // Every theme of a build in one workbench, switched in between.
  runs: (flavour) => [
    { themes: THEMES[flavour].filter((theme) => flavour === 'min' || !SHARED_THEMES.has(theme)) },
    // The same extension forced into the browser's web-worker extension host (its `browser` bundle).
    { theme: THEMES[flavour][0], label: 'web worker host', web: true, settings: { 'remote.extensionKind': { 'ftp-log.ftp-log': ['web'] } } },
  ],
  tests: [
    {
      name: `the five reply classes and plain text are ${MIN_DELTA_E} apart (CIE76)`,
      async run({ workbench, theme, flavour, screenshot }) {
        await openLog(workbench, COLOUR_SAMPLE);
        // Tokenizing and semantic tokens land after the first paint: poll until the colours settle.
        let colours = await replyColours(workbench);
        let table = differenceTable(colours);
        for (let i = 0; i < 20 && table[0].deltaE76 < MIN_DELTA_E; i++) {
          await workbench.page.waitForTimeout(250);
          colours = await replyColours(workbench);
          table = differenceTable(colours);
        }
        await screenshot('colours');
        saveMeasurement(flavour, theme, 'colours', { colours, table });
        const shown = Object.entries(colours).map(([k, v]) => `${k} ${v}`).join(', ');
        const closest = table[0];
        assert(closest.deltaE76 >= MIN_DELTA_E, `${theme}: ${closest.pair} are only ${closest.deltaE76.toFixed(1)} apart (CIE76; CIEDE2000 ${closest.deltaE2000.toFixed(1)}): ${shown}`);
      },
    },
    {
      name: 'timestamps, status text and success words are not one colour; FileZilla errors colour the label, not the PID',
      async run({ workbench, theme }) {
        await openLog(workbench, 'vsftpd/vsftpd-default.log');
        const login = 'OK LOGIN: Client "192.0.2.61"';
        const stamp = (await workbench.token('Nov 24 10:00:05', { lineIncludes: login })).color;
        const success = (await workbench.token('OK', { lineIncludes: login })).color;
        await openLog(workbench, 'filezilla/filezilla.log');
        const statusLine = 'Status: Connection established';
        const status = (await workbench.token('Connection established', { lineIncludes: statusLine })).color;
        const statusPid = (await workbench.token('550', { lineIncludes: statusLine })).color;
        const errorLine = 'Error: Failed to retrieve directory listing';
        const label = (await workbench.token('Error:', { lineIncludes: errorLine })).color;
        const errorPid = (await workbench.token('550', { lineIncludes: errorLine })).color;
        const shown = `timestamp ${stamp}, status ${status}, success ${success}; Error: label ${label}, its PID ${errorPid}, a Status: line's PID ${statusPid}`;
        // Timestamps take the theme's comment colour, status text stays plain and success words
        // the completion colour. High Contrast Light's comment grey is only 17.9 (CIE76) from its
        // text, so timestamps are asserted different, not 20 apart.
        assert(stamp !== status, `${theme}: timestamps have the status text's colour: ${shown}`);
        assert(deltaE(success, status) >= MIN_DELTA_E, `${theme}: success words and status text look alike: ${shown}`);
        assert(deltaE(label, errorPid) >= MIN_DELTA_E, `${theme}: the Error: label is not set apart from its PID column: ${shown}`);
        assert(errorPid === statusPid, `${theme}: the PID of an Error: line is coloured unlike other lines' PIDs: ${shown}`);
      },
    },
    {
      name: 'IIS #Fields: names do not look like errors',
      async run({ workbench, theme }) {
        await openLog(workbench, 'iis/FTPSVC2/u_ex261124.log');
        const header = '#Fields: date time c-ip';
        const field = (await workbench.token('cs-method', { lineIncludes: header })).color;
        const lines = readFileSync(path.join(FIXTURES_DIR, 'iis/FTPSVC2/u_ex261124.log'), 'utf8').split(/\r?\n/);
        const failed = lines.find((l) => / 5\d\d \d+ \d+ /.test(l));
        assert(failed, 'the IIS fixture has no 5xx row');
        const code = failed.match(/ (5\d\d) \d+ \d+ /)[1];
        const permanent = (await workbench.token(code, { lineIncludes: failed })).color;
        assert(deltaE(field, permanent) >= MIN_DELTA_E, `${theme}: #Fields: names (${field}) look like a 5xx code (${permanent})`);
      },
    },
    {
      name: 'brackets of [pid N] and PASV parentheses are not colourised as pairs',
      async run({ workbench, theme }) {
        await openLog(workbench, 'vsftpd/vsftpd.log');
        const pasv = '227 Entering Passive Mode (';
        const lines = await workbench.renderedLines();
        const line = lines.find((l) => l.text.includes(pasv));
        assert(line, 'the PASV reply line is not on screen');
        const brackets = line.tokens.filter((t) => /[[\]()]/.test(t.text));
        assert(brackets.length >= 2, `no bracket tokens on: ${line.text}`);
        const rainbow = brackets.filter((t) => /bracket-highlighting/.test(t.className));
        assert(rainbow.length === 0, `${theme}: bracket-pair colours on ${rainbow.map((t) => `"${t.text}" (${t.className})`).join(', ')}`);
        const text = (await workbench.token('Entering Passive Mode', { lineIncludes: pasv })).color;
        const paren = line.tokens.find((t) => t.text.includes('('));
        assert(paren.color === text, `${theme}: the PASV parenthesis is ${paren.color}, its reply text ${text}`);
      },
    },
    {
      name: 'every family: FTP Log in the status bar, a 5xx hover, the CLI\'s problem count',
      // What it checks does not depend on the theme: it runs in each build's
      // first theme and in the web worker host, and is not listed for the others.
      // Every family on the newest build; on the oldest (and in the web worker) a
      // few show the same work, as the integration tier compares every fixture's
      // problems and hover on both builds.
      runsOn: ({ flavour, theme }) => theme === THEMES[flavour][0],
      // About 100 s on a quiet machine (some thirty families, each opened, hovered and counted).
      timeoutMs: 360_000,
      async run({ workbench, run, flavour, screenshot }) {
        assert(samples.length >= 15, `only ${samples.length} families have a 5xx sample`);
        if (run.web) await expectWebWorkerHost(workbench);
        const few = run.web || flavour === 'min';
        const shown = few ? samples.filter((x) => FEW_FAMILIES.includes(x.family)) : samples;
        assert(!few || shown.length === FEW_FAMILIES.length, `only ${shown.map((x) => x.family).join(', ')} of ${FEW_FAMILIES.join(', ')} have a 5xx sample`);
        for (const s of shown) {
          await workbench.resetBetweenTests();
          await openLog(workbench, s.relative);
          const code = s.error.code;
          // Point at the code's own column: the same digits may stand earlier on the line (a PID, an id).
          await workbench.goToLine(s.error.line);
          const snippet = s.lineText.slice(s.error.column - 1);
          const hover = await workbench.hover(snippet, { lineIncludes: s.lineText, charIndex: 1 });
          assert(hover.includes(code) && /permanent negative/.test(hover), `${s.relative}: hover on ${code} says: ${hover.slice(0, 200)}`);
          assert(/\bCause\b|Possible causes|Try:/.test(hover), `${s.relative}: hover on ${code} gives no cause: ${hover.slice(0, 300)}`);
          if (s.family === 'vsftpd' || s.family === 'iis') await screenshot(`hover-${s.family}`);
          await workbench.dismissHover();
          const rows = await problemRowsFor(workbench, s.relative, s.problems.length);
          assert(rows === s.problems.length, `${s.relative}: Problems panel lists ${rows}, ftp-log check ${s.problems.length}`);
          if (s.family === 'filezilla-server') await screenshot('problems');
        }
      },
    },
  ],
};

/** The Running Extensions view names the host each extension runs in: FTP Log must be in the web worker. */
async function expectWebWorkerHost(workbench) {
  await openLog(workbench, 'raw/session.ftplog');
  await workbench.runCommand('Developer: Show Running Extensions');
  const editor = workbench.page.locator('.runtime-extensions-editor');
  await editor.waitFor({ state: 'visible', timeout: 15_000 });
  // Rows read "FTP Log", its version, then the host ("web worker" or the server's address).
  // The list is virtualised and may be longer than the view: page through it.
  const inWebWorker = /FTP Log\s*\n[^\n]*\n\s*web worker/i;
  let text = '';
  for (let i = 0; i < 40 && !inWebWorker.test(text); i++) {
    await workbench.page.waitForTimeout(250);
    const shown = await editor.innerText();
    text += '\n' + shown;
    if (i === 3) await editor.locator('.monaco-list-row').first().click().catch(() => {});
    if (i % 4 === 3) await workbench.page.keyboard.press('PageDown');
  }
  assert(inWebWorker.test(text), `FTP Log is not running in the web worker host: ${text.slice(0, 400)}`);
  await workbench.resetBetweenTests();
}

/**
 * Problem rows of one file in the Problems panel. The panel's filter narrows
 * it to that file, so rows of other files never push these out of view.
 */
async function problemRowsFor(workbench, relative, expected) {
  const name = path.basename(relative);
  await workbench.showProblems();
  const filter = workbench.page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await filter.fill(`**/${relative}`);
  const deadline = Date.now() + 20_000;
  let count = -1;
  while (Date.now() < deadline) {
    const rows = await workbench.problemRows();
    // The file's row carries the number of problems the panel lists for it (its own rows may be scrolled out of view).
    const fileRow = rows.find((r) => r.text.startsWith(name));
    count = fileRow ? Number(fileRow.text.trim().split(/\s+/).pop()) : -1;
    if (count === expected) break;
    await workbench.page.waitForTimeout(250);
  }
  await filter.fill('');
  return count;
}
