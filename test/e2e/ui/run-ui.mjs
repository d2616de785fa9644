#!/usr/bin/env node
// Runs UI test suites (files exporting `suite`, see lib/ui-runner.mjs) in a
// real VS Code workbench in headless Chromium.
//
//   node test/e2e/ui/run-ui.mjs [--flavour min|latest] [SUITE_FILE...]
//
// Default: both flavours, every test/e2e/ui/*.ui.mjs. Exit 1 if a test failed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isShuttingDown, stopAll } from '../lib/cleanup.mjs';
import { ensureInstalled } from '../lib/install.mjs';
import { FLAVOURS } from '../lib/paths.mjs';
import { printSummary } from '../lib/report.mjs';
import { loadSuite, runSuite } from '../lib/ui-runner.mjs';

const UI_DIR = path.dirname(fileURLToPath(import.meta.url));

export function defaultSuiteFiles() {
  return readdirSync(UI_DIR).filter((name) => name.endsWith('.ui.mjs')).sort().map((name) => path.join(UI_DIR, name));
}

/** Runs the given suite files on the given flavours; returns result rows. */
export async function runUi(files, flavours, print = console.log) {
  await ensureInstalled(flavours);
  const results = [];
  for (const file of files) {
    if (isShuttingDown()) break;
    results.push(...await runSuite(await loadSuite(file), flavours, print));
  }
  return results;
}

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { flavour: { type: 'string', multiple: true } },
    allowPositionals: true,
  });
  const flavours = values.flavour ?? FLAVOURS;
  const results = await runUi(positionals.length ? positionals : defaultSuiteFiles(), flavours);
  if (isShuttingDown()) return;
  process.exitCode = printSummary('ui', results) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main()
    .catch((error) => {
      console.error(`run-ui: ${error.stack ?? error.message}`);
      process.exitCode = 1;
    })
    .finally(stopAll);
}
