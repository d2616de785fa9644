// Helpers that drive the VS Code workbench the way a user does (keyboard,
// mouse) and read back what a user sees. Selectors hold on VS Code 1.100 and
// on the newest release; the editor renders spaces as U+00A0, so text read
// from the editor is normalised to plain spaces.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR } from './paths.mjs';

const WORKBENCH = '.monaco-workbench';
const QUICK_INPUT = '.quick-input-widget';
const EDITOR_LINES = '.editor-instance .monaco-editor .view-lines';
const VISIBLE_HOVER = '.monaco-hover:not(.hidden) .hover-contents';
const PROBLEMS_PANEL = '.markers-panel';
const LANGUAGE_STATUS = '#status\\.editor\\.mode';

export class Workbench {
  /** @param page a playwright Page; @param server a server from lib/server.mjs */
  constructor(page, server) {
    this.page = page;
    this.server = server;
  }

  /** Opens the server's folder in the page and waits for the workbench. */
  static async open(page, server, { timeoutMs = 90_000 } = {}) {
    const workbench = new Workbench(page, server);
    await page.goto(server.workbenchUrl());
    await page.waitForSelector(WORKBENCH, { timeout: timeoutMs });
    // The status bar is filled once the workbench has restored its parts.
    await page.waitForSelector('.part.statusbar .statusbar-item', { timeout: timeoutMs });
    return workbench;
  }

  /** Waits until the workbench shows the colour theme `theme` ({ className } from lib/themeClass.mjs). */
  async waitForTheme(theme, { timeoutMs = 20_000 } = {}) {
    await this.page.waitForFunction(
      ([selector, cls]) => document.querySelector(selector)?.classList.contains(cls),
      [WORKBENCH, theme.className],
      { timeout: timeoutMs },
    );
  }

  /** Picks the colour theme `theme` ({ label, className }) as a user does: Preferences: Color Theme, then a click on its row. */
  async selectColorTheme(theme, { timeoutMs = 15_000 } = {}) {
    const { page } = this;
    await this.runCommand('Preferences: Color Theme', { timeoutMs });
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(theme.label);
    const name = page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(theme.label)}\\s*$`) });
    const row = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`).filter({ has: name }).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    await row.click();
    await this.waitForTheme(theme, { timeoutMs });
  }

  /** Opens the quick input with `key` (Ctrl+P, F1, Ctrl+G …), types `text` and returns the input. */
  async quickInput(key, text, { timeoutMs = 15_000 } = {}) {
    const { page } = this;
    await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(text);
    return input;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(relativePath, { timeoutMs = 30_000 } = {}) {
    const { page } = this;
    const name = path.basename(relativePath);
    const folder = path.basename(path.dirname(relativePath));
    // The row of the file itself, not of a longer name that holds it (`vsftpd.log.expected`,
    // `syslog-vsftpd.log`): its label is the name, then the folder it is in.
    const exact = new RegExp(`^${escapeRegExp(name)}(?![\\w.-])`);
    const rows = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`);
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      await this.quickInput('Control+P', relativePath, { timeoutMs });
      // File search fills the list as results come (ripgrep on the server), and the rows move
      // meanwhile: choose once two looks 300 ms apart agree.
      let labels = [];
      for (let previous = null; Date.now() < deadline; ) {
        labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        const key = labels.join('\n');
        if (key === previous && labels.some((l) => exact.test(l))) break;
        previous = key;
        await page.waitForTimeout(300);
      }
      const index = labels.findIndex((l) => exact.test(l) && (folder === '.' || l.includes(folder)));
      if (index < 0) throw new Error(`Quick Open lists no row for ${relativePath}: ${labels.join(' | ')}`);
      await rows.nth(index).click();
      const tab = page.locator(`.tab.active[data-resource-name="${cssString(name)}"]`).first();
      try {
        await tab.waitFor({ timeout: attempt === 0 ? 5_000 : timeoutMs });
        break;
      } catch (e) {
        // The list moved under the click after all: open it again, once.
        if (attempt > 0 || Date.now() > deadline) throw e;
      }
    }
    await page.locator(`${EDITOR_LINES} .view-line`).first().waitFor({ timeout: timeoutMs });
  }

  /** Moves the cursor to a 1-based line with Go to Line (Ctrl+G), so that line is on screen. */
  async goToLine(line, { timeoutMs = 15_000 } = {}) {
    const input = await this.quickInput('Control+G', `:${line}`, { timeoutMs });
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  /** The cursor position the status bar shows, e.g. "Ln 33, Col 1". */
  async cursorPosition({ timeoutMs = 15_000 } = {}) {
    const item = this.page.locator('#status\\.editor\\.selection');
    await item.waitFor({ state: 'visible', timeout: timeoutMs });
    return (await item.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Text of the language indicator in the status bar, e.g. "Plain Text". */
  async statusBarLanguage({ timeoutMs = 15_000 } = {}) {
    const item = this.page.locator(LANGUAGE_STATUS);
    await item.waitFor({ state: 'visible', timeout: timeoutMs });
    return (await item.innerText()).trim();
  }

  /** Waits until the status bar shows `language` (the name, not the id). */
  async waitForLanguage(language, { timeoutMs = 15_000 } = {}) {
    await this.page.waitForFunction(
      ([selector, expected]) => document.querySelector(selector)?.textContent?.trim() === expected,
      [LANGUAGE_STATUS, language],
      { timeout: timeoutMs },
    );
  }

  /**
   * Visible editor lines top to bottom, each a list of rendered tokens with
   * their text, CSS classes and computed colour / font style.
   */
  async renderedLines() {
    return this.page.evaluate((selector) => {
      const lines = [...document.querySelectorAll(`${selector} .view-line`)];
      lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      return lines.map((line) => {
        const tokens = [...line.querySelectorAll(':scope > span > span')].map((span) => {
          const style = getComputedStyle(span);
          return {
            text: span.textContent.replace(/\u00a0/g, ' '),
            className: span.className,
            color: style.color,
            fontStyle: style.fontStyle,
            fontWeight: style.fontWeight,
            textDecoration: style.textDecorationLine,
          };
        });
        return { text: tokens.map((t) => t.text).join(''), tokens };
      });
    }, EDITOR_LINES);
  }

  /** The rendered token that holds `text` (on the first line containing `lineIncludes`). */
  async token(text, { lineIncludes } = {}) {
    const lines = await this.renderedLines();
    for (const line of lines) {
      if (lineIncludes && !line.text.includes(lineIncludes)) continue;
      const token = line.tokens.find((t) => t.text.includes(text));
      if (token) return { ...token, line: line.text };
    }
    throw new Error(`no rendered token holds "${text}"${lineIncludes ? ` on a line with "${lineIncludes}"` : ''}`);
  }

  /** Screen box of the first occurrence of `text` in the editor (on a line with `lineIncludes`). */
  async boxOf(text, { lineIncludes } = {}) {
    const box = await this.page.evaluate(([selector, wanted, filter]) => {
      const lines = [...document.querySelectorAll(`${selector} .view-line`)];
      lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      for (const line of lines) {
        const lineText = line.textContent.replace(/\u00a0/g, ' ');
        if (filter && !lineText.includes(filter)) continue;
        const at = lineText.indexOf(wanted);
        if (at < 0) continue;
        // Map the offset in the line's text onto the text nodes of its spans.
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        let startNode = null; let startOffset = 0; let endNode = null; let endOffset = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent.length;
          if (!startNode && at < offset + length) { startNode = node; startOffset = at - offset; }
          if (startNode && at + wanted.length <= offset + length) { endNode = node; endOffset = at + wanted.length - offset; break; }
          offset += length;
        }
        const range = document.createRange();
        range.setStart(startNode, startOffset);
        range.setEnd(endNode, endOffset);
        const rect = range.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }
      return null;
    }, [EDITOR_LINES, text, lineIncludes ?? null]);
    if (!box) throw new Error(`"${text}" is not on a visible editor line${lineIncludes ? ` with "${lineIncludes}"` : ''}`);
    return box;
  }

  /**
   * Moves the mouse onto `text` in the editor (or onto its character
   * `charIndex`) and returns the hover's text (all hover parts joined by blank lines).
   */
  async hover(text, { lineIncludes, charIndex, timeoutMs = 15_000 } = {}) {
    const { page } = this;
    await this.dismissHover();
    const box = await this.boxOf(text, { lineIncludes });
    // The middle of `text`, or of its character `charIndex` (to point into a longer, unique snippet).
    const x = charIndex === undefined ? box.x + box.width / 2 : box.x + (box.width / text.length) * (charIndex + 0.5);
    // Approach from just left of the token, as a pointer would, then settle.
    const approach = async () => {
      await page.mouse.move(box.x + 1, box.y + box.height / 2);
      await page.mouse.move(x, box.y + box.height / 2, { steps: 3 });
    };
    await approach();
    const contents = page.locator(VISIBLE_HOVER);
    try {
      await contents.first().waitFor({ state: 'visible', timeout: timeoutMs / 2 });
    } catch {
      // A pointer that came to rest while the editor re-rendered (problems arriving) may get no hover;
      // a person moves it off and back, and so does this, once, within the same time.
      await page.mouse.move(box.x + 1, box.y - box.height * 3);
      await approach();
      await contents.first().waitFor({ state: 'visible', timeout: timeoutMs / 2 });
    }
    // Providers answer one after another: wait until the text stops changing.
    let previous = '';
    for (let i = 0; i < 20; i += 1) {
      const current = (await contents.allInnerTexts()).join('\n\n');
      if (current && current === previous) return current;
      previous = current;
      await page.waitForTimeout(150);
    }
    return previous;
  }

  /** Moves the mouse off the editor and waits until no hover is shown. */
  async dismissHover() {
    await this.page.mouse.move(2, 2);
    await this.page.keyboard.press('Escape');
    await this.page.locator(VISIBLE_HOVER).first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  }

  /** Hides the panel (Problems, Output …) if a test left it open, so the next theme starts from the first layout. */
  async hidePanel({ timeoutMs = 10_000 } = {}) {
    const panel = this.page.locator('.part.panel');
    if (!(await panel.isVisible())) return;
    await this.dismissHover();
    await this.page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  /** Shows the Problems panel (Ctrl+Shift+M) if it is not already visible. */
  async showProblems({ timeoutMs = 15_000 } = {}) {
    const panel = this.page.locator(PROBLEMS_PANEL);
    if (!(await panel.isVisible())) {
      await this.dismissHover();
      await this.page.keyboard.press('Control+Shift+M');
    }
    await panel.waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /**
   * Rows of the Problems panel as rendered (file rows and problem rows), each
   * { text, ariaLabel }. The list is virtualised: only rows in view exist.
   */
  async problemRows() {
    await this.showProblems();
    return this.page.evaluate((selector) => [...document.querySelectorAll(`${selector} .monaco-list-row`)]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((row) => ({ text: row.innerText.replace(/\u00a0/g, ' '), ariaLabel: row.getAttribute('aria-label') ?? '' })), PROBLEMS_PANEL);
  }

  /** Waits until the Problems panel renders `count` rows; returns them. */
  async waitForProblemRows(count, { timeoutMs = 20_000 } = {}) {
    await this.showProblems();
    await this.page.waitForFunction(
      ([selector, expected]) => document.querySelectorAll(`${selector} .monaco-list-row`).length === expected,
      [PROBLEMS_PANEL, count],
      { timeout: timeoutMs },
    ).catch(async () => {
      throw new Error(`Problems panel shows ${(await this.problemRows()).length} rows, expected ${count}`);
    });
    return this.problemRows();
  }

  /**
   * Opens the Quick Fix menu (Ctrl+.) at the cursor and returns it. The key is
   * pressed again if no menu shows: a press that lands while the editor is
   * still asking for its code actions can be dropped.
   */
  async quickFixMenu({ tries = 3, timeoutMs = 5_000 } = {}) {
    // The newest build keeps a second, hidden action widget in the page: the visible one is the menu.
    const menu = this.page.locator('.action-widget:visible').first();
    for (let i = 1; ; i++) {
      await this.page.keyboard.press('Control+.');
      try {
        await menu.waitFor({ state: 'visible', timeout: timeoutMs });
        return menu;
      } catch (e) {
        if (i >= tries) throw e;
      }
    }
  }

  /** Runs a command by its title through the command palette (F1). */
  async runCommand(title, { timeoutMs = 15_000 } = {}) {
    const { page } = this;
    await this.quickInput('F1', `>${title}`, { timeoutMs });
    const row = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row[aria-label*="${cssString(title)}"]`).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    await row.click();
  }

  /** Puts the editor cursor into the middle of `text`. */
  async clickText(text, { lineIncludes } = {}) {
    const box = await this.boxOf(text, { lineIncludes });
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /**
   * The text of "Developer: Inspect Editor Tokens and Scopes" for `text`:
   * language, token type and the TextMate scopes, as VS Code reports them.
   */
  async inspectScopes(text, { lineIncludes, timeoutMs = 15_000 } = {}) {
    await this.dismissHover();
    await this.clickText(text, { lineIncludes });
    await this.runCommand('Developer: Inspect Editor Tokens and Scopes');
    const widget = this.page.locator('.token-inspect-widget');
    await widget.waitFor({ state: 'visible', timeout: timeoutMs });
    // The widget first shows "Loading..." while it tokenizes.
    await this.page.waitForFunction(() => {
      const el = document.querySelector('.token-inspect-widget');
      return el && /textmate scopes/i.test(el.textContent);
    }, null, { timeout: timeoutMs });
    const result = (await widget.innerText()).replace(/\u00a0/g, ' ');
    await this.page.keyboard.press('Escape');
    return result;
  }

  /** Closes every editor and hover so the next test starts from an empty editor area. */
  async resetBetweenTests() {
    await this.dismissHover().catch(() => {});
    await this.runCommand('View: Close All Editors').catch(() => {});
    await this.page.keyboard.press('Escape').catch(() => {});
  }

  /** Saves a screenshot as artifacts/<name>.png and returns its path. */
  async screenshot(name) {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

function escapeRegExp(value) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cssString(value) {
  return value.replace(/["\\]/g, '\\$&');
}
