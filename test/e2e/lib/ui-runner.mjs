// Runs UI test suites: for each VS Code flavour and each run a suite asks for,
// one server (with the suite's .vsix installed and the theme in the user
// settings) and one workbench page, on which the suite's tests run in order,
// once per theme of the run.
//
// A suite file is an ES module exporting `suite`:
//   name           shown in results
//   vsix           absolute path of the .vsix to install
//   workspace      folder copied as the workspace
//   skipReason()   a string to skip the whole suite (printed), or null
//   runs(flavour)  [{ theme | themes, label, settings }] one server per entry
//                  (settings: more user settings); `themes` runs the tests once
//                  per theme in the same workbench, switching the theme in the
//                  user settings; default: the flavour's default theme
//   tests          [{ name, run({ workbench, flavour, theme, run, screenshot }),
//                    runsOn?({ flavour, run, theme }) }] — runsOn limits a test to the
//                  runs it is meant for (default: every run); a test that makes
//                  no assertion (lib/ui-assert.mjs) fails.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, newPage } from './browser.mjs';
import { isShuttingDown } from './cleanup.mjs';
import { startServer } from './server.mjs';
import { builtInTheme } from './themeClass.mjs';
import { assertionsMade, resetAssertions } from './ui-assert.mjs';
import { Workbench } from './workbench.mjs';
import { makeWorkspace } from './workspace.mjs';

const TEST_TIMEOUT_MS = 120_000;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export async function loadSuite(file) {
  const module = await import(pathToFileURL(path.resolve(file)).href);
  if (!module.suite) throw new Error(`${file} exports no "suite"`);
  return module.suite;
}

/** Runs one suite on the given flavours; returns result rows. */
export async function runSuite(suite, flavours, print = console.log) {
  const results = [];
  const reason = suite.skipReason?.() ?? null;
  if (reason) {
    print(`SKIPPED (${suite.name}): ${reason}`);
    return [{ name: suite.name, status: 'skipped', seconds: 0, reason }];
  }
  if (!suite.tests?.length) {
    const why = 'the suite defines no tests';
    print(`SKIPPED (${suite.name}): ${why}`);
    return [{ name: suite.name, status: 'skipped', seconds: 0, reason: why }];
  }
  for (const flavour of flavours) {
    for (const run of suite.runs?.(flavour) ?? [{}]) {
      if (isShuttingDown()) return results;
      const runName = [suite.name, flavour, run.label ?? run.theme].filter(Boolean).join(' / ');
      print(`--- ${runName} ---`);
      results.push(...await runOnce(suite, flavour, run, runName, print));
    }
  }
  return results;
}

async function runOnce(suite, flavour, run, runName, print) {
  const themes = run.themes ?? [run.theme];
  const results = [];
  const started = Date.now();
  const workspace = makeWorkspace(suite.workspace, `ui-${flavour}`);
  let server;
  let browser;
  try {
    server = await startServer(flavour, workspace.dir, { theme: themes[0], settings: run.settings, vsix: suite.vsix });
    browser = await launchBrowser();
    const page = await newPage(browser.browser);
    const workbench = await Workbench.open(page, server);
    print(`workbench ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const [i, theme] of themes.entries()) {
      if (isShuttingDown()) break;
      const themeRunName = run.themes ? [runName, theme].join(' / ') : runName;
      if (run.themes) print(`--- ${themeRunName} ---`);
      // One workbench serves every theme of the run: the next one is picked as a user picks it, and
      // each is waited for by its class (an unknown theme name would fall back silently).
      if (theme && i > 0) {
        await workbench.hidePanel();
        await workbench.selectColorTheme(builtInTheme(flavour, theme));
      }
      else if (theme) await workbench.waitForTheme(builtInTheme(flavour, theme));
      results.push(...await runTests(suite, { flavour, run, theme, server, page, workbench }, themeRunName, print));
    }
  } catch (error) {
    results.push({ name: runName, status: 'failed', seconds: (Date.now() - started) / 1000, reason: error.message.split('\n')[0] });
    print(`  FAIL  ${runName}: ${error.stack ?? error}`);
  } finally {
    await browser?.close();
    await server?.stop();
    workspace.remove();
  }
  return results;
}

/** The suite's tests for one theme of a run, in order, on the open workbench. */
async function runTests(suite, { flavour, run, theme, server, page, workbench }, runName, print) {
  const results = [];
  for (const test of suite.tests.filter((t) => t.runsOn?.({ flavour, run, theme }) ?? true)) {
    if (isShuttingDown()) break;
    const name = `${runName} / ${test.name}`;
    const testStarted = Date.now();
    const shotPrefix = slug(`${suite.name}-${flavour}-${run.label ?? theme ?? 'default'}-${test.name}`);
    const context = {
      workbench,
      page,
      flavour,
      theme,
      run,
      server,
      screenshot: (suffix) => workbench.screenshot(suffix ? `${shotPrefix}-${slug(suffix)}` : shotPrefix),
    };
    try {
      resetAssertions();
      await withTimeout(test.run(context), test.timeoutMs ?? TEST_TIMEOUT_MS, `"${test.name}"`);
      if (assertionsMade() === 0) throw new Error(`"${test.name}" asserted nothing on ${runName}`);
      results.push({ name, status: 'passed', seconds: (Date.now() - testStarted) / 1000 });
      print(`  ok    ${test.name}`);
    } catch (error) {
      if (isShuttingDown()) break;
      const shot = await workbench.screenshot(`${shotPrefix}-failure`).catch(() => null);
      results.push({ name, status: 'failed', seconds: (Date.now() - testStarted) / 1000, reason: error.message.split('\n')[0] });
      print(`  FAIL  ${test.name}\n${indent(error.stack ?? String(error))}${shot ? `\n        screenshot: ${shot}` : ''}`);
    }
    await workbench.resetBetweenTests();
  }
  return results;
}

function indent(text) {
  return text.split('\n').map((line) => `        ${line}`).join('\n');
}
