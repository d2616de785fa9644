// Each run works on its own copy of the fixtures, so nothing a test or the
// editor writes (settings, saved edits) leaks back into the repository.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { removeOnExit } from './cleanup.mjs';
import { STATE_DIR } from './paths.mjs';

let counter = 0;
const WORKSPACES_DIR = path.join(STATE_DIR, 'workspaces');

function processExists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes copies left by harness processes that ended without cleaning up. */
function pruneAbandoned() {
  if (!existsSync(WORKSPACES_DIR)) return;
  for (const name of readdirSync(WORKSPACES_DIR)) {
    const pid = Number(/-(\d+)-\d+$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processExists(pid)) {
      rmSync(path.join(WORKSPACES_DIR, name), { recursive: true, force: true });
    }
  }
}

/** Copies `source` (if it exists) into a fresh folder; returns { dir, remove() }. */
export function makeWorkspace(source, label) {
  pruneAbandoned();
  counter += 1;
  const dir = path.join(WORKSPACES_DIR, `${label}-${process.pid}-${counter}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Removed by remove(), or when the harness stops, also by a signal.
  const remove = removeOnExit(dir);
  if (source && existsSync(source)) cpSync(source, dir, { recursive: true });
  return { dir, remove };
}
