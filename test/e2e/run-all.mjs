#!/usr/bin/env node
// The whole heavy test run: installs the harness on demand, runs the
// integration tests on both VS Code flavours (and through
// @vscode/test-electron where VS Code can be downloaded), then the UI suites
// (test/e2e/ui/*.ui.mjs). Prints the time each phase took. Exit 1 if anything
// failed; skipped parts are listed with their reason.
//
//   node test/e2e/run-all.mjs [--flavour min|latest] [--timeout SECONDS]
//        [--extension DIR] [--tests FILE] [--workspace DIR] [--no-electron]
//        [UI_SUITE_FILE...]
//
// The options after --timeout are those of run-integration.mjs; UI suite
// files replace the default test/e2e/ui/*.ui.mjs.
import { parseArgs } from 'node:util';
import { isShuttingDown, stopAll } from './lib/cleanup.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { FLAVOURS } from './lib/paths.mjs';
import { printSummary } from './lib/report.mjs';
import { integrationOptions, runIntegration } from './run-integration.mjs';
import { defaultSuiteFiles, runUi } from './ui/run-ui.mjs';

async function timed(label, timings, work) {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings.push([label, (Date.now() - started) / 1000]);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      flavour: { type: 'string', multiple: true },
      timeout: { type: 'string', default: '600' },
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      'no-electron': { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const flavours = values.flavour ?? FLAVOURS;
  const suites = positionals.length ? positionals : defaultSuiteFiles();
  const timings = [];
  const report = await timed('install', timings, () => ensureInstalled(flavours));
  for (const { name, action, seconds } of report) {
    console.log(`install ${name}: ${action}${seconds ? ` (${seconds.toFixed(1)} s)` : ''}`);
  }
  const options = integrationOptions(argv.filter((arg) => !positionals.includes(arg)));
  const integration = await timed('integration', timings, () => runIntegration(options));
  if (isShuttingDown()) return;
  const ui = await timed('ui', timings, () => runUi(suites, flavours));
  if (isShuttingDown()) return;
  const ok = [printSummary('integration', integration), printSummary('ui', ui)].every(Boolean);
  console.log('=== timings ===');
  for (const [label, seconds] of timings) console.log(`${label.padEnd(12)} ${seconds.toFixed(1).padStart(7)} s`);
  process.exitCode = ok ? 0 : 1;
}

main()
  .catch((error) => {
    console.error(`run-all: ${error.stack ?? error.message}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
