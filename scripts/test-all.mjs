// `npm test`: every tier, one after the other, and ONE summary line at the end
// with the counts of each:
//   unit        npm run test:unit (build, type checks, mocha: no VS Code, no browser)
//   slow        mocha --config .mocharc.slow.json (ReDoS checks of every regex)
//   themes, integration, ui
//               npm run test:e2e (the .vsix, then test/e2e/run-all.mjs: the
//               VS Code builds' themes, the extension host, the workbench UI)
// A tier that fails does not stop the next (except a failed build); the exit
// status is 1 when anything failed. Ctrl+C / SIGTERM stop the running tier
// (which cleans up after itself) and then this runner.
// The VS Code builds the last tiers need are installed while the first two
// run (they need neither): on a new machine that is minutes of downloading
// and native builds that would otherwise come after them.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { requirePrerequisites } from './check-prerequisites.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

await requirePrerequisites('test');
const { mochaCounts, runPassingThrough, summaryLine } = await import(pathToFileURL(path.join(root, 'test/e2e/lib/counts.mjs')).href);

let stopping = null;
let current = null;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ftp-log-test-'));
const install = installInBackground(path.join(scratch, 'install.log'));
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    stopping = code;
    // A signal sent to this process alone (kill, npm forwarding it) must reach the tier
    // too; the harness stops once even when a terminal's Ctrl+C reached it as well.
    current?.kill(sig);
    install.child.kill(sig);
  });
}

function finish(code) {
  install.child.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}

async function step(command, args) {
  const run = runPassingThrough(command, args, { cwd: root, env: process.env, onSpawn: (child) => { current = child; } });
  const result = await run;
  current = null;
  if (stopping !== null) finish(stopping);
  return result;
}

/** `node test/e2e/install.mjs`, its output kept in `logFile`; `done` resolves to its exit code. */
function installInBackground(logFile) {
  console.log(`installing the VS Code test builds in the background while the unit and slow tiers run (log: ${logFile})`);
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [path.join(root, 'test/e2e/install.mjs')], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const done = new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code) => out.end(() => resolve(code ?? 1)));
  });
  return { child, done, logFile };
}

/** Waits for the background install and shows what it printed; the e2e tier installs (or says why not) itself if it failed. */
async function awaitInstall() {
  const code = await install.done;
  if (stopping !== null) finish(stopping);
  console.log(`\n--- background install of the VS Code test builds (exit ${code}) ---\n${readFileSync(install.logFile, 'utf8').trimEnd()}\n`);
}

/** A mocha tier: its counts, and one failure more if it failed before mocha could count. */
async function mochaTier(name, command, args) {
  const { code, output } = await step(command, args);
  const counts = mochaCounts(output);
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return { name, counts, ok: code === 0, ran: counts.passed + counts.failed > 0 || code === 0 };
}

const tiers = [];
const unit = await mochaTier('unit', npm, ['run', 'test:unit']);
tiers.push(unit);
if (!unit.ran) {
  console.log(`\nnpm test: the build failed; nothing else ran\n${summaryLine(tiers)}`);
  finish(1);
}
tiers.push(await mochaTier('slow', process.execPath, [path.join(root, 'node_modules/mocha/bin/mocha.js'), '--config', '.mocharc.slow.json']));
await awaitInstall();

try {
  const countsFile = path.join(scratch, 'e2e-counts.json');
  const e2e = await step(npm, ['run', 'test:e2e', '--', '--counts-file', countsFile]);
  let e2eTiers = [];
  try {
    e2eTiers = JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    // run-all did not get to write its counts: the harness itself failed.
  }
  for (const tier of e2eTiers) tiers.push({ ...tier, ok: tier.counts.failed === 0 });
  if (e2eTiers.length === 0) tiers.push({ name: 'e2e', counts: { passed: 0, failed: 1, skipped: 0 }, note: `exit ${e2e.code} before any count`, ok: false });
  else if (e2e.code !== 0 && tiers.every((t) => t.ok)) tiers.push({ name: 'e2e', counts: { passed: 0, failed: 1, skipped: 0 }, note: `exit ${e2e.code}`, ok: false });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const ok = tiers.every((t) => t.ok);
console.log(`\n${ok ? 'npm test passed' : 'npm test FAILED'}: ${summaryLine(tiers)}`);
process.exitCode = ok ? 0 : 1;
