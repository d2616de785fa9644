// Runs the extension's mocha integration tests inside a real VS Code
// extension host, two ways:
//  - in the browser workbench of a VS Code server (both flavours), where the
//    `payload` URL parameter names the extension under development and the
//    test entry, and two functions exposed on the page receive the extension
//    host's console output and exit code;
//  - through @vscode/test-electron, which needs to download VS Code and is
//    reported as SKIPPED, with the reason, where it cannot.
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { format } from 'node:util';
import { ARTIFACTS_DIR, REPO_ROOT, STATE_DIR } from './paths.mjs';
import { openWithFunctions } from './pipeBrowser.mjs';
import { startServer } from './server.mjs';
import { makeWorkspace } from './workspace.mjs';

// Workbench chatter that says nothing about the tests, and the errors of a
// machine without internet that are harmless (the extension gallery); the
// full output is always kept in artifacts/integration-<flavour>.log.
const NOISE = [
  /^Creation of workbench contribution '.*' took \d+ms\.$/,
  /^(Creating a socket|Resolving connection token|Resolved connection token)\b/,
  /ENOTFOUND open-vsx\.org/,
  /^Updating additional builtin extensions cache$/,
  /^\[Service Worker\] registered$/,
  /^ChatSessionStore: /,
  /^\[AccountPolicyGate\] /,
  /^\[reconnection-grace-time\] /,
  /^\[AgentHost:remote\] Initializing/,
  /^Timed out waiting for authentication provider 'github' to register/,
  /^\[Service Worker\] registration \[Error/,
];

/** Line printer that drops NOISE lines and the stack trace lines under them. */
function quietPrinter(print, logFile) {
  let inDroppedBlock = false;
  return (line) => {
    appendFileSync(logFile, `${line}\n`);
    if (inDroppedBlock && /^\s+at\s/.test(line)) return;
    inDroppedBlock = NOISE.some((pattern) => pattern.test(line));
    if (!inDroppedBlock) print(line);
  };
}

function formatArgs(args) {
  if (Array.isArray(args)) return format(...args);
  return typeof args === 'string' ? args : format(args);
}

/** { passed, failed, skipped } from the line test/integration/index.ts ends a run with, or undefined. */
function testCounts(line) {
  const m = /^integration tests: (\d+) passed, (\d+) failed, (\d+) skipped$/.exec(line.trim());
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]) } : undefined;
}

/** Writes the logs VS Code hands over with the exit code, for a failed run. */
function saveLogs(dir, logs) {
  for (const { relativePath, contents } of logs ?? []) {
    const file = path.join(dir, relativePath.replace(/^[/\\]+/, ''));
    if (!file.startsWith(dir)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

/**
 * Runs the tests on one flavour. Returns { name, status: 'passed'|'failed',
 * seconds, reason? }. Never throws for a test failure or a timeout.
 */
export async function runInBrowser(flavour, { extensionPath, testsPath, workspaceSource, timeoutMs, print, verbose }) {
  const name = `browser/${flavour}`;
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  if (!existsSync(testsPath)) {
    return { name, status: 'failed', seconds: 0, reason: `${testsPath} does not exist (compile the tests: npx tsc -p tsconfig.test.json)` };
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const vscodeLogsDir = path.join(ARTIFACTS_DIR, `integration-${flavour}-logs`);
  rmSync(vscodeLogsDir, { recursive: true, force: true });
  const logFile = path.join(ARTIFACTS_DIR, `integration-${flavour}.log`);
  writeFileSync(logFile, '');
  const hostLine = verbose ? (line) => { appendFileSync(logFile, `${line}\n`); print(`[${flavour}] ${line}`); }
    : quietPrinter((line) => print(`[${flavour}] ${line}`), logFile);
  const workspace = makeWorkspace(workspaceSource, `integration-${flavour}`);
  let server;
  let browser;
  let timer;
  // The test entry's last line (test/integration/index.ts) gives the counts.
  let counts;
  try {
    server = await startServer(flavour, workspace.dir);
    print(`[${flavour}] server ready on ${server.origin} (${elapsed().toFixed(1)} s)`);
    let resolveExit;
    const exited = new Promise((resolve) => { resolveExit = resolve; });
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    // The workbench looks for both functions once, when the extension host starts.
    browser = await openWithFunctions(server.workbenchUrl([
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ]), {
      codeAutomationLog: (type, args) => {
        for (const line of formatArgs(args).split('\n')) {
          hostLine(line);
          counts = testCounts(line) ?? counts;
        }
      },
      codeAutomationExit: (code, logs) => resolveExit({ code, logs }),
    });
    const result = await Promise.race([exited, timedOut, browser.exited.then((reason) => ({ reason }))]);
    if (result?.reason) return { name, status: 'failed', seconds: elapsed(), reason: result.reason, counts };
    if (result === null) {
      return { name, status: 'failed', seconds: elapsed(), reason: `no result within ${timeoutMs / 1000} s`, counts };
    }
    if (result.code !== 0) {
      saveLogs(vscodeLogsDir, result.logs);
      return { name, status: 'failed', seconds: elapsed(), reason: `extension host exited ${result.code} (VS Code logs in ${path.relative(REPO_ROOT, vscodeLogsDir)})`, counts };
    }
    return { name, status: 'passed', seconds: elapsed(), counts };
  } catch (error) {
    return { name, status: 'failed', seconds: elapsed(), reason: error.message };
  } finally {
    clearTimeout(timer);
    await browser?.close();
    await server?.stop();
    workspace.remove();
  }
}

/**
 * The same tests through @vscode/test-electron. Download problems of any
 * kind, and a missing X display, make it SKIPPED with the reason; a test
 * failure in a VS Code that did start is a failure.
 */
export async function runInElectron(version, { extensionPath, testsPath, workspaceSource, downloadTimeoutMs, print }) {
  const name = `test-electron/${version}`;
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const skipped = (reason) => {
    print(`SKIPPED (@vscode/test-electron): ${reason}`);
    return { name, status: 'skipped', seconds: elapsed(), reason };
  };
  let testElectron;
  try {
    testElectron = createRequire(path.join(REPO_ROOT, 'package.json'))('@vscode/test-electron');
  } catch (error) {
    return skipped(`the package is not installed in ${REPO_ROOT} (${error.message.split('\n')[0]})`);
  }
  let executable;
  try {
    executable = await testElectron.downloadAndUnzipVSCode({
      version,
      cachePath: path.join(STATE_DIR, 'vscode-test'),
      timeout: downloadTimeoutMs,
    });
  } catch (error) {
    return skipped(`VS Code ${version} could not be downloaded: ${String(error?.message ?? error).split('\n')[0]}`);
  }
  if (!process.env.DISPLAY) {
    return skipped(`VS Code ${version} is downloaded but there is no X display (run under xvfb-run to include this route)`);
  }
  const workspace = makeWorkspace(workspaceSource, `electron-${version}`);
  const profile = path.join(STATE_DIR, 'vscode-test', `profile-${process.pid}`);
  try {
    const code = await testElectron.runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      launchArgs: [
        workspace.dir,
        '--disable-extensions',
        '--disable-gpu',
        '--disable-workspace-trust',
        '--user-data-dir', path.join(profile, 'user-data'),
        '--extensions-dir', path.join(profile, 'extensions'),
      ],
    });
    return code === 0
      ? { name, status: 'passed', seconds: elapsed() }
      : { name, status: 'failed', seconds: elapsed(), reason: `exit code ${code}` };
  } catch (error) {
    return { name, status: 'failed', seconds: elapsed(), reason: String(error?.message ?? error) };
  } finally {
    workspace.remove();
    rmSync(profile, { recursive: true, force: true });
  }
}
