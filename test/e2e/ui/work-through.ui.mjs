// UI tests of working through a log, on logs of several families: the Outline
// view lists its sessions, the breadcrumbs follow the cursor into an
// exchange, Go to Next Failure lands on the first problem and its Quick Fix
// menu offers to explain it, a multi-line reply folds. What the core draws (compiled into out/
// by `npm run compile-tests`) is what the workbench must show.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, REPO_ROOT, VSIX_PATH } from '../lib/paths.mjs';
import { assert } from '../lib/ui-assert.mjs';
import { CLI, cliProblems } from '../lib/extensionSuite.mjs';

const require = createRequire(import.meta.url);
const CORE = path.join(REPO_ROOT, 'out', 'src', 'core');

/** What the Problems panel lists for a fixture, from `ftp-log check`: the failures next-failure visits. */
const problemsOf = (relative) => cliProblems(relative).filter((p) => /^\d{3}$/.test(p.code));

/** One log per family: sessions with a failed exchange, and a reply that folds where the family has one. */
const LOGS = [
  'vsftpd/vsftpd.log',
  'iis/FTPSVC2/u_ex261124.log',
  'filezilla-server-legacy/fzs-2026-11-24.log',
  'raw/session.ftplog',
  'filezilla-server/admin-copy-en-US.txt',
];

/** The core's outline and folds of a fixture. */
function coreOf(relative) {
  const { LogDocument } = require(path.join(CORE, 'scan/document.js'));
  const { SessionModel } = require(path.join(CORE, 'query/sessions.js'));
  const { outlineOf } = require(path.join(CORE, 'features/outline.js'));
  const { foldsBetween } = require(path.join(CORE, 'features/folding.js'));
  const text = readFileSync(path.join(FIXTURES_DIR, relative), 'utf8');
  const doc = new LogDocument(text);
  const folds = [];
  foldsBetween(doc, 0, doc.lineCount, folds);
  return { lines: text.split(/\r\n|\r|\n/), outline: outlineOf(doc, new SessionModel(doc).build()), folds };
}

/** The Outline view's rows as shown. */
async function outlineRows(workbench) {
  return workbench.page.evaluate(() => [...document.querySelectorAll('.outline-pane .monaco-list-row')].map((r) => r.innerText.replace(/\u00a0/g, ' ')));
}

/** The breadcrumbs' items above the active editor. */
async function breadcrumbs(workbench) {
  return workbench.page.evaluate(() => [...document.querySelectorAll('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')].map((r) => r.innerText.trim()));
}

async function eventually(what, probe, { timeoutMs = 20_000, page }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last.ok) {
      assert(true, what);
      return last;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last.seen).slice(0, 400)}`);
    await page.waitForTimeout(250);
  }
}

export const suite = {
  name: 'work-through',
  vsix: VSIX_PATH,
  workspace: FIXTURES_DIR,
  skipReason() {
    if (!existsSync(VSIX_PATH)) return `${VSIX_PATH} is missing (build it with: npm run package)`;
    if (!existsSync(path.join(CORE, 'features/outline.js'))) return `${CORE} is missing (build it with: npm run compile-tests)`;
    if (!existsSync(CLI)) return `${CLI} is missing (build it with: npm run build)`;
    return null;
  },
  // What these tests look at does not depend on the theme: one run per build.
  runs: () => [{ theme: 'Default Dark Modern', settings: { 'breadcrumbs.enabled': true } }],
  tests: [
    {
      name: 'the outline lists the sessions and the breadcrumbs follow the cursor, in five families',
      timeoutMs: 240_000,
      async run({ workbench, screenshot }) {
        const { page } = workbench;
        for (const relative of LOGS) {
          const core = coreOf(relative);
          assert(core.outline.length > 0, `${relative}: the core finds no session`);
          await workbench.resetBetweenTests();
          await workbench.openFile(relative);
          await workbench.waitForLanguage('FTP Log');
          await workbench.runCommand('Explorer: Focus on Outline View');
          // The view opens on the first session, expanded: its name and its first exchanges are in view.
          const first = core.outline[0];
          const names = [first.name, ...first.children.slice(0, 2).map((c) => c.name)];
          await eventually(`${relative}: the Outline view lists ${names.join(', ')}`, async () => {
            const rows = await outlineRows(workbench);
            return { ok: names.every((n) => rows.some((r) => r.startsWith(n))), seen: rows };
          }, { page });
          // The cursor on a failed exchange: the breadcrumbs name its session and the exchange.
          const session = core.outline.find((s) => s.children.some((c) => c.kind === 'failed'));
          assert(session, `${relative}: no failed exchange in the core's outline`);
          const failed = session.children.find((c) => c.kind === 'failed');
          await workbench.goToLine(failed.line + 1);
          await eventually(`${relative}: breadcrumbs show ${session.name} › ${failed.name}`, async () => {
            const items = await breadcrumbs(workbench);
            return { ok: items.includes(session.name) && items.includes(failed.name), seen: items };
          }, { page });
          await screenshot(`outline-${relative.split('/')[0]}`);
        }
      },
    },
    {
      name: 'next failure lands on each log\'s first problem and its Quick Fix menu explains it, in five families',
      timeoutMs: 240_000,
      async run({ workbench, screenshot }) {
        const { page } = workbench;
        for (const relative of LOGS) {
          const problems = problemsOf(relative);
          assert(problems.length > 0, `${relative}: ftp-log check finds no problem`);
          const first = problems[0];
          await workbench.resetBetweenTests();
          await workbench.openFile(relative);
          await workbench.waitForLanguage('FTP Log');
          // Ctrl+F8 from line 1 goes to the first problem, once the log is read: from line 1 again
          // each time, and only after the status bar has shown where the cursor went.
          const want = `Ln ${first.line}, Col ${first.column}`;
          await eventually(`${relative}: Ctrl+F8 goes to the ${first.code} at ${want}`, async () => {
            await workbench.goToLine(1);
            await eventually('the cursor on line 1', async () => ({ ok: (await workbench.cursorPosition()).startsWith('Ln 1,'), seen: await workbench.cursorPosition() }), { page, timeoutMs: 5_000 });
            await page.keyboard.press('Control+F8');
            let at = '';
            for (let i = 0; i < 20 && !(at = await workbench.cursorPosition()).startsWith(want); i++) await page.waitForTimeout(150);
            return { ok: at.startsWith(want), seen: at };
          }, { page });
          const menu = await workbench.quickFixMenu();
          await eventually(`${relative}: the Quick Fix menu offers Explain ${first.code}`, async () => {
            const rows = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
            return { ok: rows.some((r) => r.includes(`Explain ${first.code}`)) && rows.some((r) => r.includes(`Ignore ${first.code} in this workspace`)), seen: rows };
          }, { page });
          await screenshot(`quick-fix-${relative.split('/')[0]}`);
          await page.keyboard.press('Escape');
        }
      },
    },
    {
      name: 'a multi-line reply folds and unfolds',
      async run({ workbench, screenshot }) {
        for (const relative of LOGS) {
          const core = coreOf(relative);
          const fold = core.folds.find((f) => f.kind === 'reply' && f.end > f.start);
          if (!fold) continue;
          await workbench.resetBetweenTests();
          await workbench.openFile(relative);
          await workbench.waitForLanguage('FTP Log');
          const hidden = core.lines[fold.start + 1];
          await workbench.goToLine(fold.start + 1);
          const shows = async () => (await workbench.renderedLines()).some((l) => l.text === hidden);
          assert(await shows(), `${relative}: line ${fold.start + 2} is not on screen before folding`);
          // The provider answers once the log is scanned: fold until the line is hidden.
          // Fold (Ctrl+Shift+[) at the cursor; the provider answers once the log is scanned.
          await eventually(`${relative}: lines ${fold.start + 1}-${fold.end + 1} fold`, async () => {
            await workbench.page.keyboard.press('Control+Shift+BracketLeft');
            await workbench.page.waitForTimeout(200);
            return { ok: !(await shows()), seen: hidden };
          }, { page: workbench.page });
          await screenshot(`fold-${relative.split('/')[0]}`);
          await workbench.page.keyboard.press('Control+Shift+BracketRight');
          await workbench.page.waitForTimeout(300);
          assert(await shows(), `${relative}: line ${fold.start + 2} is not shown again after unfolding`);
          return;
        }
        throw new Error('no log of the suite has a multi-line reply');
      },
    },
  ],
};
