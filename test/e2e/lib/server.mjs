// Starts and stops a VS Code server (the workbench served to a browser, with
// a real Node extension host on the server side) for one flavour:
//   min    code-server 4.100.3 (VS Code 1.100) on this Node 20
//   latest VS Code's own server-main.js from the newest code-server, on the
//          Node 24 of the `node` npm package, with the smoke-test driver
//          enabled: without it VS Code ignores the `payload` URL parameter
//          that carries extensionTestsPath, and code-server's CLI rejects it.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { removeOnExit, track } from './cleanup.mjs';
import { isAlive, killTree, startTimeOf } from './proctree.mjs';
import { STATE_DIR, codeServerDir, nodeFor, vscodeDir } from './paths.mjs';

/** User settings that keep the workbench quiet and screenshots stable. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  // Without it hovers are captured half-faded in.
  'workbench.reduceMotion': 'on',
  'telemetry.telemetryLevel': 'off',
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

let runCounter = 0;

const RUNS_DIR = path.join(STATE_DIR, 'runs');
const OWNER_FILE = 'owner.json';
// The server's own temp folder (its extension hosts' and git's IPC sockets),
// short because a socket path may not exceed 107 bytes.
const TMP_PREFIX = 'ftp-log-server-';

/**
 * Cleans up after harness processes that died without their cleanup (e.g.
 * SIGKILL): a server whose recorded owner is gone is killed by the id and
 * start time recorded when it was started, and its run folder removed.
 */
async function pruneAbandonedRuns() {
  if (!existsSync(RUNS_DIR)) return;
  for (const name of readdirSync(RUNS_DIR)) {
    const dir = path.join(RUNS_DIR, name);
    let owner;
    try {
      owner = JSON.parse(readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue;
    }
    if (owner.harnessPid === process.pid || (isAlive(owner.harnessPid) && startTimeOf(owner.harnessPid) === owner.harnessStart)) continue;
    if (isAlive(owner.serverPid) && startTimeOf(owner.serverPid) === owner.serverStart) {
      await killTree(owner.serverPid);
    }
    if (owner.tmp?.startsWith(path.join(os.tmpdir(), TMP_PREFIX))) rmSync(owner.tmp, { recursive: true, force: true });
    if (!owner.keepState) rmSync(dir, { recursive: true, force: true });
  }
}

function newRunDir(flavour) {
  runCounter += 1;
  const dir = path.join(RUNS_DIR, `${flavour}-${process.pid}-${runCounter}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The environment of a server: no VS Code variables leaking in from a parent editor. */
function serverEnv(runDir, tmp) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  // code-server writes $XDG_CONFIG_HOME/code-server/config.yaml on every call.
  env.XDG_CONFIG_HOME = path.join(runDir, 'xdg-config');
  env.XDG_DATA_HOME = path.join(runDir, 'xdg-data');
  env.XDG_CACHE_HOME = path.join(runDir, 'xdg-cache');
  env.TMPDIR = tmp;
  return env;
}

function serverEntry(flavour) {
  return flavour === 'min'
    ? path.join(codeServerDir('min'), 'out', 'node', 'entry.js')
    : path.join(vscodeDir('latest'), 'out', 'server-main.js');
}

/** Arguments shared by starting a server and by its extension-management calls. */
function dirArgs(flavour, dirs) {
  const args = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  if (flavour === 'latest') args.push('--server-data-dir', dirs.serverData);
  return args;
}

function runToEnd(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stop = track(child.pid);
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      stop().then(() => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(args[0])} ${args.slice(1).join(' ')} exited ${code}:\n${output}`))));
    });
  });
}

function writeSettings(file, settings) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

async function waitHealthy(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code, sig) => { exited = sig ?? code; });
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`server exited (${exited}) before answering ${url}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/**
 * Starts a server for `flavour` on `folder`.
 * options.theme        workbench.colorTheme for this run (omit for the default)
 * options.settings     more user settings
 * options.vsix         a .vsix to install before the server starts
 * options.onOutput     receives the server's stdout/stderr text
 * options.keepState    keep the run's data directory after stop (for debugging)
 */
export async function startServer(flavour, folder, options = {}) {
  await pruneAbandonedRuns();
  const runDir = newRunDir(flavour);
  const dirs = {
    run: runDir,
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    serverData: path.join(runDir, 'server-data'),
  };
  // Removed with the server, also when the harness is stopped by a signal.
  const removeRunDir = options.keepState ? () => {} : removeOnExit(runDir);
  for (const dir of [dirs.userData, dirs.extensions, dirs.serverData]) mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), TMP_PREFIX));
  const removeTmp = removeOnExit(tmp);
  dirs.tmp = tmp;
  const env = serverEnv(runDir, tmp);
  const node = nodeFor(flavour);
  const entry = serverEntry(flavour);
  if (!existsSync(entry) || !existsSync(node)) {
    throw new Error(`VS Code ${flavour} is not installed (missing ${existsSync(node) ? entry : node}); run: node test/e2e/install.mjs ${flavour}`);
  }

  const settings = { ...BASE_SETTINGS, ...(options.theme ? { 'workbench.colorTheme': options.theme } : {}), ...options.settings };
  writeSettings(path.join(dirs.userData, 'User', 'settings.json'), settings);

  if (options.vsix) {
    await runToEnd(node, [entry, ...dirArgs(flavour, dirs), '--install-extension', options.vsix], env);
  }

  // Another process may take the free port between probing and binding:
  // then the server exits at once and is started again on a new port.
  let started;
  for (let attempt = 1; !started; attempt += 1) {
    try {
      started = await launch({ flavour, node, entry, dirs, env, options, folder });
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test(error.message)) throw error;
    }
  }
  const { port, kill, logFile, logStream } = started;
  const origin = `http://127.0.0.1:${port}`;
  let stopped = false;
  const server = {
    flavour,
    port,
    origin,
    folder,
    dirs,
    logFile,
    /** `vscode-remote://` URI of a path on the server, as the workbench addresses it. */
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`,
    /** Workbench URL for the folder; `payload` is a list of [key, value] pairs. */
    workbenchUrl(payload) {
      const query = new URLSearchParams({ folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query.toString().replace(/\+/g, '%20')}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await kill();
      await new Promise((resolve) => logStream.end(resolve));
      removeRunDir();
      removeTmp();
    },
  };

  return server;
}

/** Spawns the server on a free port and waits until it answers. */
async function launch({ flavour, node, entry, dirs, env, options, folder }) {
  const port = await freePort();
  const common = ['--disable-telemetry', ...dirArgs(flavour, dirs)];
  const args = flavour === 'min'
    ? [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', ...common, folder]
    : [entry, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
      '--accept-server-license-terms', '--enable-smoke-test-driver', ...common];

  const logFile = path.join(dirs.run, 'server.log');
  const logStream = createWriteStream(logFile);
  const child = spawn(node, args, { env, cwd: dirs.run, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const kill = track(child.pid);
  writeFileSync(path.join(dirs.run, OWNER_FILE), JSON.stringify({
    harnessPid: process.pid,
    harnessStart: startTimeOf(process.pid),
    serverPid: child.pid,
    serverStart: startTimeOf(child.pid),
    keepState: Boolean(options.keepState),
    tmp: dirs.tmp,
  }));
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      logStream.write(chunk);
      options.onOutput?.(chunk.toString());
    });
  }

  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitHealthy(flavour === 'min' ? `${origin}/healthz` : `${origin}/version`, child, logFile, 60_000);
  } catch (error) {
    await kill();
    await new Promise((resolve) => logStream.end(resolve));
    throw error;
  }
  return { port, kill, logFile, logStream };
}
