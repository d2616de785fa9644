// UI tests of FTP Log's commands as a user meets them, in a dark and a light
// theme of each VS Code build: the Quick Fix menu (Ctrl+.) on a 550 and its
// "Explain 550" opening the explanation beside the log, Go to Next/Previous
// Failure on their key bindings with the wrap-around message, and VS Code's
// own F8 landing on the same failures.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, VSIX_PATH } from '../lib/paths.mjs';
import { assert } from '../lib/ui-assert.mjs';
import { CLI, cliProblems, THEMES } from '../lib/extensionSuite.mjs';

const SAMPLE = 'raw/session.ftplog';

/** What the Problems panel must list for the sample, from `ftp-log check`. */
const problems = () => cliProblems(SAMPLE);

async function waitForCursor(workbench, want, what) {
  const { page } = workbench;
  const deadline = Date.now() + 10_000;
  let now = '';
  while (Date.now() < deadline) {
    now = await workbench.cursorPosition();
    if (now.startsWith(want)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: the status bar says "${now}", expected "${want}"`);
}

const position = (p) => `Ln ${p.line}, Col ${p.column}`;

/** Opens the sample with its problems published, the cursor on line 1 and the editor focused. */
async function openSample(workbench, count) {
  await workbench.resetBetweenTests();
  await workbench.openFile(SAMPLE);
  await workbench.waitForLanguage('FTP Log');
  // Once the Problems panel lists them, the log is read: the file's row carries the number of its problems.
  const name = path.basename(SAMPLE);
  const deadline = Date.now() + 20_000;
  let listed = -1;
  while (Date.now() < deadline) {
    const fileRow = (await workbench.problemRows()).find((r) => r.text.startsWith(name));
    listed = fileRow ? Number(fileRow.text.trim().split(/\s+/).pop()) : -1;
    if (listed === count) break;
    await workbench.page.waitForTimeout(200);
  }
  assert(listed === count, `the Problems panel lists ${listed} problems for ${name}, expected ${count}`);
  await workbench.goToLine(1);
}

/** The text of every frame in the page but the workbench's own (webviews render in nested iframes). */
async function frameTexts(page) {
  const texts = [];
  for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
    texts.push(await frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''));
  }
  return texts;
}

export const suite = {
  name: 'ftp-log commands',
  vsix: VSIX_PATH,
  workspace: FIXTURES_DIR,
  skipReason() {
    if (!existsSync(VSIX_PATH)) return `${VSIX_PATH} is missing (build it with: npm run package)`;
    if (!existsSync(CLI)) return `${CLI} is missing (build it with: npm run build)`;
    return null;
  },
  // What these check does not depend on the colours: a dark and a light theme on the oldest build, a dark one on the newest.
  runs: (flavour) => [{ themes: THEMES[flavour].slice(0, flavour === 'min' ? 2 : 1) }],
  tests: [
    {
      name: 'the Quick Fix menu on a 550 explains it beside the log',
      async run({ workbench, page, screenshot }) {
        const all = problems();
        const p = all.find((x) => x.code === '550');
        assert(p, `${SAMPLE} has no 550`);
        await openSample(workbench, all.length);
        await workbench.goToLine(p.line);
        await waitForCursor(workbench, position(p), 'Go to Line');
        // Ctrl+. opens the Quick Fix menu of the problem under the cursor.
        const menu = await workbench.quickFixMenu();
        const want = ['Explain 550', 'Ignore 550 in this workspace', 'Change severity of 550…'];
        const deadline = Date.now() + 10_000;
        let rows = [];
        while (Date.now() < deadline) {
          rows = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
          if (want.every((w) => rows.some((r) => r.includes(w)))) break;
          await page.waitForTimeout(150);
        }
        await screenshot('quick-fix-menu');
        for (const w of want) assert(rows.some((r) => r.includes(w)), `the Quick Fix menu lacks "${w}": ${JSON.stringify(rows)}`);
        // Choose "Explain 550" with the keyboard, as the menu is used.
        for (let i = 0; i < want.length && !(await menu.locator('.monaco-list-row.focused').innerText().catch(() => '')).includes('Explain 550'); i++) {
          await page.keyboard.press('ArrowDown');
        }
        assert((await menu.locator('.monaco-list-row.focused').innerText()).includes('Explain 550'), 'could not select "Explain 550" in the menu');
        await page.keyboard.press('Enter');
        const tab = page.locator('.tab[aria-label*="Preview 550 at session.ftplog"]').first();
        await tab.waitFor({ state: 'visible', timeout: 20_000 });
        // Beside: the log keeps its own tab in the first group.
        const groups = page.locator('.editor-group-container');
        assert((await groups.count()) >= 2, 'the explanation did not open beside the log');
        assert(await groups.first().locator('.tab[aria-label*="session.ftplog"]:not([aria-label*="Preview"])').count() === 1, 'the log is not in the first group');
        // The preview renders the explanation: its heading, the reply's meaning and its causes.
        let rendered = '';
        for (let i = 0; i < 60 && !/\bCause\b|Possible causes/.test(rendered); i++) {
          await page.waitForTimeout(250);
          rendered = (await frameTexts(page)).find((t) => t.includes('550 at session.ftplog')) ?? '';
        }
        await screenshot('explain-beside');
        assert(/550 at session\.ftplog:33/.test(rendered), `the preview shows no heading: ${rendered.slice(0, 200)}`);
        assert(/File unavailable/.test(rendered) && /\bCause\b|Possible causes/.test(rendered), `the preview does not explain the 550: ${rendered.slice(0, 400)}`);
        // Markdown is rendered, not shown as source.
        assert(!/\*\*550\*\*|^# /m.test(rendered), `the preview shows Markdown source: ${rendered.slice(0, 200)}`);
      },
    },
    {
      name: 'Ctrl+F8 goes to the next failure and wraps with a message; Ctrl+Shift+F8 goes back',
      async run({ workbench, page, screenshot }) {
        const all = problems();
        await openSample(workbench, all.length);
        for (const p of all) {
          await page.keyboard.press('Control+F8');
          await waitForCursor(workbench, position(p), `Ctrl+F8 towards the ${p.code} on line ${p.line}`);
        }
        await page.keyboard.press('Control+F8');
        await waitForCursor(workbench, position(all[0]), 'Ctrl+F8 past the last failure');
        const message = page.locator('.part.statusbar .statusbar-item', { hasText: 'past the last failure' }).first();
        await message.waitFor({ state: 'visible', timeout: 5_000 });
        const said = (await message.innerText()).trim();
        await screenshot('next-failure-wrapped');
        assert(said.includes(`back to the first (${all[0].code}, line ${all[0].line})`), `the status bar says: ${said}`);
        await page.keyboard.press('Control+Shift+F8');
        await waitForCursor(workbench, position(all.at(-1)), 'Ctrl+Shift+F8 before the first failure');
        await page.keyboard.press('Control+Shift+F8');
        await waitForCursor(workbench, position(all.at(-2)), 'Ctrl+Shift+F8');
        // The line the cursor went to is on screen and is the failure's.
        const lines = await workbench.renderedLines();
        assert(lines.some((l) => l.text.startsWith(`${all.at(-2).code} `)), 'the failure is not on screen');
      },
    },
    {
      name: "VS Code's F8 shows our problems in its peek",
      async run({ workbench, page, screenshot }) {
        const all = problems();
        await openSample(workbench, all.length);
        await page.keyboard.press('F8');
        await waitForCursor(workbench, position(all[0]), 'F8');
        const peek = page.locator('.marker-widget').first();
        await peek.waitFor({ state: 'visible', timeout: 10_000 });
        const text = (await peek.innerText()).replace(/\s+/g, ' ');
        await screenshot('f8-peek');
        assert(text.includes(`${all[0].code} `) && text.includes('ftp-log'), `F8's peek says: ${text.slice(0, 300)}`);
        await page.keyboard.press('Escape');
      },
    },
  ],
};
