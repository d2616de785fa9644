// Debian's Chromium, headless, driven by playwright-core. playwright's own
// signal handling is turned off: the harness's cleanup kills the browser's
// process tree together with the servers.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeOnExit, track } from './cleanup.mjs';
import { CHROMIUM } from './paths.mjs';

export const VIEWPORT = { width: 1400, height: 850 };

export const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
// Debian's Chromium always starts chrome_crashpad_handler, which detaches
// (its parent becomes init) and so is outside the tree the cleanup kills; it
// ends by itself when the browser it watches has gone.

/** Returns { browser, close() }; close() also kills anything the browser left. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found (install with: apt-get install -y chromium)`);
  }
  // Launched as a server and connected to, because only a browser server
  // tells its process id, which the cleanup needs.
  // Playwright puts the browser's profile and its artifacts in the temp folder
  // it finds when launching: a folder of ours, removed even when a signal
  // stops the harness before Playwright could remove them itself.
  // Imported here, not at the top: every runner imports this module before
  // install.mjs has put playwright-core into test/e2e/node_modules on a
  // fresh machine.
  const { chromium } = await import('playwright-core');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ftp-log-browser-'));
  const removeTmp = removeOnExit(tmp);
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  let server;
  try {
    server = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    removeTmp();
    throw error;
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  const kill = track(server.process().pid);
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      await kill();
      removeTmp();
    },
  };
}

/** A fresh page (own storage) at the harness's fixed viewport. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  return context.newPage();
}
