#!/usr/bin/env node
// Runs the integration tests (out/test/integration/index.js) inside a real VS
// Code extension host: in the browser workbench of each VS Code flavour, then
// through @vscode/test-electron where VS Code can be downloaded.
//
//   node test/e2e/run-integration.mjs [--flavour min|latest] [--timeout SECONDS]
//        [--no-electron] [--verbose] [--extension DIR] [--tests FILE] [--workspace DIR]
//
// Defaults: both flavours, a 600 s budget for the whole run (shared equally
// by the flavours), the repository's extension, its compiled test entry and a
// copy of test/fixtures as the workspace. --verbose prints all workbench
// output, not only the lines that concern the tests (the full output is in
// artifacts/integration-<flavour>.log).
// Exit 1 if any run failed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isShuttingDown, stopAll } from './lib/cleanup.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { runInBrowser, runInElectron } from './lib/integration.mjs';
import { FIXTURES_DIR, FLAVOURS, REPO_ROOT } from './lib/paths.mjs';
import { printSummary } from './lib/report.mjs';

// VS Code versions for @vscode/test-electron: the oldest supported and the newest.
const ELECTRON_VERSIONS = ['1.100.3', 'stable'];

export function integrationOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      flavour: { type: 'string', multiple: true },
      // A budget that only a hang uses up: each build's run takes about 200 s on a quiet
      // machine and was seen past 300 s on a busy one.
      timeout: { type: 'string', default: '1200' },
      'no-electron': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      extension: { type: 'string', default: REPO_ROOT },
      tests: { type: 'string' },
      workspace: { type: 'string', default: FIXTURES_DIR },
    },
  });
  const flavours = values.flavour ?? FLAVOURS;
  for (const flavour of flavours) {
    if (!FLAVOURS.includes(flavour)) throw new Error(`unknown flavour "${flavour}" (expected ${FLAVOURS.join(' or ')})`);
  }
  const extensionPath = path.resolve(values.extension);
  return {
    flavours,
    timeoutMs: Number(values.timeout) * 1000,
    electron: !values['no-electron'],
    verbose: values.verbose,
    extensionPath,
    testsPath: path.resolve(values.tests ?? path.join(extensionPath, 'out', 'test', 'integration', 'index.js')),
    workspaceSource: path.resolve(values.workspace),
  };
}

/** Runs everything the options ask for; returns the list of results. */
export async function runIntegration(options, print = console.log) {
  const deadline = Date.now() + options.timeoutMs;
  await ensureInstalled(options.flavours);
  const results = [];
  for (const [index, flavour] of options.flavours.entries()) {
    if (isShuttingDown()) return results;
    // Each flavour gets an equal share of what is left, so a hang on one
    // cannot keep the other from running.
    const share = (deadline - Date.now()) / (options.flavours.length - index);
    if (share <= 0) {
      results.push({ name: `browser/${flavour}`, status: 'failed', seconds: 0, reason: 'overall time budget used up before it started' });
      continue;
    }
    print(`--- integration tests on VS Code ${flavour} ---`);
    results.push(await runInBrowser(flavour, { ...options, timeoutMs: Math.round(share), print }));
  }
  if (options.electron) {
    for (const version of ELECTRON_VERSIONS) {
      if (isShuttingDown()) return results;
      print(`--- integration tests through @vscode/test-electron (VS Code ${version}) ---`);
      results.push(await runInElectron(version, { ...options, downloadTimeoutMs: 15_000, print }));
    }
  }
  return results;
}

async function main() {
  const options = integrationOptions(process.argv.slice(2));
  const results = await runIntegration(options);
  if (isShuttingDown()) return;
  const ok = printSummary('integration', results);
  process.exitCode = ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main()
    .catch((error) => {
      console.error(`run-integration: ${error.message}`);
      process.exitCode = 1;
    })
    .finally(stopAll);
}
