// What every UI suite of FTP Log shares: the default themes of each VS Code
// build, the packaged extension and built CLI it needs (and the reason to skip
// without them), and `ftp-log check` as the oracle for the Problems panel.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, REPO_ROOT, VSIX_PATH } from './paths.mjs';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Theme ids per build (1.139 still accepts the `Default …` ids of 1.100). */
export const THEMES = {
  min: ['Default Dark Modern', 'Default Light Modern', 'Default High Contrast', 'Default High Contrast Light'],
  latest: ['Dark 2026', 'Light 2026', 'Dark Modern', 'Light Modern', 'Default High Contrast', 'Default High Contrast Light'],
};

/** Why a suite cannot run: the .vsix or the CLI is not built. */
export function missingBuild() {
  if (!existsSync(VSIX_PATH)) return `${VSIX_PATH} is missing (build it with: npm run package)`;
  if (!existsSync(CLI)) return `${CLI} is missing (build it with: npm run build)`;
  return null;
}

/** `ftp-log check --format json` for a fixture: what the Problems panel must show. */
export function cliProblems(relative) {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', path.join(FIXTURES_DIR, relative)], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`ftp-log check ${relative} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// UI tests assert through the counting assertion: a test that asserts nothing fails.
export { assert } from './ui-assert.mjs';
