#!/usr/bin/env node
// The whole heavy test run: installs the harness on demand, checks the
// grammar against the default themes of the installed VS Code builds
// (out/test/themes, mocha), runs the integration tests on both VS Code
// flavours (and through @vscode/test-electron where VS Code can be
// downloaded), then the UI suites (test/e2e/ui/*.ui.mjs). Prints the time each
// phase took. Exit 1 if anything failed; skipped parts are listed with their
// reason.
//
//   node test/e2e/run-all.mjs [--flavour min|latest] [--timeout SECONDS]
//        [--extension DIR] [--tests FILE] [--workspace DIR] [--no-electron]
//        [--counts-file FILE] [UI_SUITE_FILE...]
//
// The options after --timeout are those of run-integration.mjs; UI suite
// files replace the default test/e2e/ui/*.ui.mjs. --counts-file writes the
// test counts of each phase as JSON (for the summary line of npm test).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isShuttingDown, stopAll } from './lib/cleanup.mjs';
import { addCounts, mochaCounts, rowCounts, runPassingThrough } from './lib/counts.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { FLAVOURS, REPO_ROOT } from './lib/paths.mjs';
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

/** The theme tests (mocha, plain Node) on the installed builds' theme files. */
async function runThemes(flavours) {
  console.log('--- default themes of the installed VS Code builds ---');
  const started = Date.now();
  const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const { code, output } = await runPassingThrough(process.execPath, [
    mocha, '--no-config', '--reporter', 'dot', '--timeout', '120000', 'out/test/themes/**/*.test.js',
  ], { cwd: REPO_ROOT, env: { ...process.env, FTP_LOG_THEME_BUILDS: flavours.join(',') } });
  const counts = mochaCounts(output);
  // A run that died before mocha's epilogue still counts as a failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return { name: 'themes', status: code === 0 ? 'passed' : 'failed', seconds: (Date.now() - started) / 1000, counts };
}

/** Integration counts are per test; a run that gave none counts as one failed (or skipped) route. */
function integrationCounts(rows) {
  let counts = { passed: 0, failed: 0, skipped: 0 };
  const routes = [];
  for (const row of rows) {
    if (row.counts) counts = addCounts(counts, row.counts);
    else if (row.status === 'failed') counts.failed += 1;
    else routes.push(`${row.name} ${row.status}`);
  }
  return { counts, note: routes.join(', ') };
}

async function main() {
  const argv = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      flavour: { type: 'string', multiple: true },
      // A budget that only a hang uses up: each build's run takes about 200 s on a quiet
      // machine and was seen past 300 s on a busy one.
      timeout: { type: 'string', default: '1200' },
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      'no-electron': { type: 'boolean' },
      verbose: { type: 'boolean' },
      'counts-file': { type: 'string' },
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
  const themes = await timed('themes', timings, () => runThemes(flavours));
  if (isShuttingDown()) return;
  const options = integrationOptions(withoutOwnOptions(argv.filter((arg) => !positionals.includes(arg))));
  const integration = await timed('integration', timings, () => runIntegration(options));
  if (isShuttingDown()) return;
  const ui = await timed('ui', timings, () => runUi(suites, flavours));
  if (isShuttingDown()) return;
  const ok = [printSummary('themes', [themes]), printSummary('integration', integration), printSummary('ui', ui)].every(Boolean);
  if (values['counts-file']) {
    writeFileSync(values['counts-file'], JSON.stringify([
      { name: 'themes', counts: themes.counts },
      { name: 'integration', ...integrationCounts(integration) },
      { name: 'ui', counts: rowCounts(ui) },
    ]));
  }
  console.log('=== timings ===');
  for (const [label, seconds] of timings) console.log(`${label.padEnd(12)} ${seconds.toFixed(1).padStart(7)} s`);
  process.exitCode = ok ? 0 : 1;
}

/** The arguments run-integration.mjs takes: all but run-all's own. */
function withoutOwnOptions(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--counts-file') i += 1;
    else if (!argv[i].startsWith('--counts-file=')) out.push(argv[i]);
  }
  return out;
}

main()
  .catch((error) => {
    console.error(`run-all: ${error.stack ?? error.message}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
