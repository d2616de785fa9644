// UI tests of working through a log, on logs of several families: the Outline
// view lists its sessions, the breadcrumbs follow the cursor into an
// exchange, a multi-line reply folds. What the core draws (compiled into out/
// by `npm run compile-tests`) is what the workbench must show.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, REPO_ROOT, VSIX_PATH } from '../lib/paths.mjs';
import { assert } from '../lib/ui-assert.mjs';

const require = createRequire(import.meta.url);
const CORE = path.join(REPO_ROOT, 'out', 'src', 'core');

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
          const sessions = core.outline.map((s) => s.name);
          await eventually(`${relative}: the Outline view lists ${sessions.join(', ')}`, async () => {
            const rows = await outlineRows(workbench);
            return { ok: sessions.slice(0, 3).every((n) => rows.some((r) => r.includes(n))), seen: rows };
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
          await eventually(`${relative}: lines ${fold.start + 1}-${fold.end + 1} fold`, async () => {
            await workbench.runCommand('Fold');
            return { ok: !(await shows()), seen: hidden };
          }, { page: workbench.page });
          await screenshot(`fold-${relative.split('/')[0]}`);
          await workbench.runCommand('Unfold');
          assert(await shows(), `${relative}: line ${fold.start + 2} is not shown again after unfolding`);
          return;
        }
        throw new Error('no log of the suite has a multi-line reply');
      },
    },
  ],
};
