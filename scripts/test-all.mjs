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
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    stopping = code;
    // A signal sent to this process alone (kill, npm forwarding it) must reach the tier
    // too; the harness stops once even when a terminal's Ctrl+C reached it as well.
    current?.kill(sig);
  });
}

async function step(command, args) {
  const run = runPassingThrough(command, args, { cwd: root, env: process.env, onSpawn: (child) => { current = child; } });
  const result = await run;
  current = null;
  if (stopping !== null) process.exit(stopping);
  return result;
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
  process.exit(1);
}
tiers.push(await mochaTier('slow', process.execPath, [path.join(root, 'node_modules/mocha/bin/mocha.js'), '--config', '.mocharc.slow.json']));

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ftp-log-test-'));
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
