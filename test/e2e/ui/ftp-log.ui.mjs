// UI tests of FTP Log itself, run by run-ui.mjs on the packaged extension
// (ftp-log.vsix, built by `npm run package`) in every default theme of each
// VS Code build: what a user sees in the status bar, the hover, the Problems
// panel and the colours of reply codes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, VSIX_PATH } from '../lib/paths.mjs';
import { assert, CLI, cliProblems, missingBuild, THEMES } from '../lib/extensionSuite.mjs';

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

/** A line of text that holds a reply of the given class and nothing else coloured like it. */
const COLOUR_SAMPLE = 'raw/session.ftplog';

async function replyColours(workbench) {
  const text = readFileSync(path.join(FIXTURES_DIR, COLOUR_SAMPLE), 'utf8').split(/\r?\n/);
  const first = (re) => text.find((l) => re.test(l));
  const lines = { ok: first(/^2\d\d /), transient: first(/^4\d\d /), permanent: first(/^5\d\d /) };
  for (const [k, v] of Object.entries(lines)) assert(v, `${COLOUR_SAMPLE} has no ${k} reply line`);
  const colour = async (line) => (await workbench.token(line.slice(0, 3), { lineIncludes: line })).color;
  const plain = (await workbench.token(lines.ok.slice(4, 10), { lineIncludes: lines.ok })).color;
  return { ok: await colour(lines.ok), transient: await colour(lines.transient), permanent: await colour(lines.permanent), plain };
}

const samples = existsSync(CLI) ? familySamples() : [];

export const suite = {
  name: 'ftp-log',
  vsix: VSIX_PATH,
  workspace: FIXTURES_DIR,
  skipReason: missingBuild,
  runs: (flavour) => [
    ...THEMES[flavour].map((theme) => ({ theme })),
    // The same extension forced into the browser's web-worker extension host (its `browser` bundle).
    { theme: THEMES[flavour][0], label: 'web worker host', web: true, settings: { 'remote.extensionKind': { 'ftp-log.ftp-log': ['web'] } } },
  ],
  tests: [
    {
      name: 'reply classes get distinct colours, unlike plain text',
      async run({ workbench, theme, screenshot }) {
        await workbench.openFile(COLOUR_SAMPLE);
        await workbench.waitForLanguage('FTP Log');
        // Tokenizing runs after the first paint: poll until the colours settle.
        let c = await replyColours(workbench);
        for (let i = 0; i < 20 && new Set([c.ok, c.transient, c.permanent, c.plain]).size < 4; i++) {
          await workbench.page.waitForTimeout(250);
          c = await replyColours(workbench);
        }
        await screenshot('colours');
        const distinct = new Set([c.ok, c.transient, c.permanent]);
        assert(distinct.size === 3, `${theme}: 2xx ${c.ok}, 4xx ${c.transient}, 5xx ${c.permanent} are not all different`);
        for (const [k, v] of Object.entries({ ok: c.ok, transient: c.transient, permanent: c.permanent })) {
          assert(v !== c.plain, `${theme}: the ${k} code has the plain text colour ${c.plain}`);
        }
      },
    },
    {
      name: 'every family: FTP Log in the status bar, a 5xx hover, the CLI\'s problem count',
      async run({ workbench, theme, flavour, run, screenshot }) {
        // Once per build is enough: the family checks do not depend on the theme.
        if (theme !== THEMES[flavour][0]) return;
        assert(samples.length >= 15, `only ${samples.length} families have a 5xx sample`);
        if (run.web) await expectWebWorkerHost(workbench);
        // In the web-worker host, a few families show the browser bundle does the same work.
        for (const s of run.web ? samples.filter((x) => ['vsftpd', 'iis', 'curl'].includes(x.family)) : samples) {
          await workbench.resetBetweenTests();
          await workbench.openFile(s.relative);
          await workbench.waitForLanguage('FTP Log');
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
  await workbench.openFile('raw/session.ftplog');
  await workbench.waitForLanguage('FTP Log');
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
