// Nothing the harness starts may outlive it: every started process tree is
// registered here and killed on normal exit, on Ctrl+C / SIGTERM / SIGHUP and
// on an uncaught error; every folder registered with removeOnExit (server
// data, workspace copies, browser profiles) is removed after them.
import { rmSync } from 'node:fs';
import { killTree, killTreeNow } from './proctree.mjs';

const live = new Set();
const folders = new Set();
let installed = false;
let shuttingDown = false;

/** True once a signal asked the harness to stop: runners start nothing new. */
export function isShuttingDown() {
  return shuttingDown;
}

function installHandlers() {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const pid of live) killTreeNow(pid);
    removeFolders();
  });
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => {
      // Ctrl+C may arrive twice (from the terminal and forwarded by npm test's runner): stop once.
      if (shuttingDown) return;
      shuttingDown = true;
      console.error(`\n${sig}: stopping everything the harness started`);
      stopAll().finally(() => process.exit(code));
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    stopAll().finally(() => process.exit(1));
  });
  process.on('unhandledRejection', (error) => {
    console.error(error);
    stopAll().finally(() => process.exit(1));
  });
}

/** Remembers a process tree to kill; returns the function that kills it now. */
export function track(pid) {
  installHandlers();
  live.add(pid);
  return async () => {
    if (!live.has(pid)) return;
    await killTree(pid);
    live.delete(pid);
  };
}

/** Remembers a folder to remove once the processes are stopped; returns the function that removes it now. */
export function removeOnExit(dir) {
  installHandlers();
  folders.add(dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    folders.delete(dir);
  };
}

function removeFolders() {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

export async function stopAll() {
  await Promise.all([...live].map(async (pid) => {
    await killTree(pid);
    live.delete(pid);
  }));
  removeFolders();
}
