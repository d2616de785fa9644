// The status bar item (the detected log format and the problem count, a click
// opens the Problems panel) and a reply's short hover with its "More…" link,
// as a user sees them in a dark and a light default theme of each VS Code build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, VSIX_PATH } from '../lib/paths.mjs';
import { assert, cliProblems, missingBuild, THEMES } from '../lib/extensionSuite.mjs';

const SAMPLE = 'vsftpd/vsftpd.log';
/** The reply the hover test points at: vsftpd's own text, so the hover names its cause. */
const REPLY = '550 Failed to change directory.';

const STATUS_ITEM = '.statusbar-item[id$="ftpLog.status"]';
const HOVER = '.monaco-hover:not(.hidden)';

export const suite = {
  name: 'status-and-hover',
  vsix: VSIX_PATH,
  workspace: FIXTURES_DIR,
  skipReason: missingBuild,
  // What these show does not depend on the colours: a dark and a light theme on the oldest build, a dark one on the newest.
  runs: (flavour) => [{ themes: THEMES[flavour].slice(0, flavour === 'min' ? 2 : 1) }],
  tests: [
    {
      name: 'the status bar names the format and counts the problems; a click opens the Problems panel',
      async run({ workbench, theme, screenshot }) {
        const { page } = workbench;
        await workbench.openFile(SAMPLE);
        await workbench.waitForLanguage('FTP Log');
        const expected = `FTP Log · vsftpd · ${cliProblems(SAMPLE).length} problems`;
        const item = page.locator(STATUS_ITEM).first();
        await item.waitFor({ state: 'visible', timeout: 20_000 });
        let text = '';
        for (let i = 0; i < 80 && text !== expected; i++) {
          text = (await item.innerText()).replace(/\u00a0/g, ' ').trim();
          if (text !== expected) await page.waitForTimeout(250);
        }
        assert(text === expected, `${theme}: the status bar item reads "${text}", expected "${expected}"`);
        const box = await item.boundingBox();
        assert(box && box.width > 0 && box.height > 0, `${theme}: the status bar item has no size`);
        await screenshot('status-bar');
        await item.click();
        await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
        await screenshot('status-bar-problems');
        await workbench.resetBetweenTests();
      },
    },
    {
      name: 'a reply\'s short hover shows its cause and More… without scrolling',
      async run({ workbench, theme, screenshot }) {
        const { page } = workbench;
        await workbench.openFile(SAMPLE);
        await workbench.waitForLanguage('FTP Log');
        const lineText = readFileSync(path.join(FIXTURES_DIR, SAMPLE), 'utf8').split(/\r?\n/).find((l) => l.includes(REPLY));
        assert(lineText, `${SAMPLE} has no "${REPLY}" line`);
        const lineNo = readFileSync(path.join(FIXTURES_DIR, SAMPLE), 'utf8').split(/\r?\n/).indexOf(lineText) + 1;
        await workbench.goToLine(lineNo);
        const hover = await workbench.hover(REPLY, { lineIncludes: lineText, charIndex: 1 });
        assert(/550/.test(hover) && /permanent negative/.test(hover), `${theme}: the hover says ${hover.slice(0, 200)}`);
        assert(/Cause \(vsftpd's own text\)/.test(hover), `${theme}: the hover does not name vsftpd's cause: ${hover.slice(0, 300)}`);
        assert(!/Digits|Commands that can get this reply/.test(hover), `${theme}: the short hover holds the whole explanation`);
        const more = page.locator(`${HOVER} a`, { hasText: 'More…' }).first();
        await more.waitFor({ state: 'visible', timeout: 10_000 });
        const href = (await more.getAttribute('data-href')) ?? (await more.getAttribute('href')) ?? '';
        assert(href.startsWith('command:ftpLog.showExplanation'), `${theme}: More… links to "${href}"`);
        // Read in one look: More… and the cause with what to try are in the hover's visible box, unscrolled,
        // also with the problem's own hover above them in the same widget.
        const seen = await page.evaluate((selector) => {
          const hoverEl = document.querySelector(selector);
          const outer = hoverEl.getBoundingClientRect();
          const inside = (el) => !!el && el.getBoundingClientRect().top >= outer.top - 1 && el.getBoundingClientRect().bottom <= outer.bottom + 1;
          const link = [...hoverEl.querySelectorAll('a')].find((a) => a.textContent === 'More…');
          const cause = [...hoverEl.querySelectorAll('p')].find((p) => p.textContent.startsWith('Cause'));
          return { link: inside(link), cause: inside(cause), height: Math.round(outer.height) };
        }, HOVER);
        assert(seen.link && seen.cause, `${theme}: in the ${seen.height}px hover, More… ${seen.link ? 'shows' : 'is out of view'}, the cause ${seen.cause ? 'shows' : 'is out of view'}`);
        await screenshot('short-hover');
        await workbench.dismissHover();
      },
    },
  ],
};
