// Where the installed VS Code build lives (its default themes and its own
// `log` grammar are read from there, never copied into the repository).
// FTP_LOG_VSCODE_DIR, when set, points at a `lib/vscode` directory and wins;
// otherwise the end-to-end installer is asked for the min or latest build.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './textmate';

export type BuildFlavour = 'min' | 'latest';

export const VSCODE_DIR_ENV = 'FTP_LOG_VSCODE_DIR';

function checkDir(dir: string, origin: string): string {
  const themes = path.join(dir, 'extensions/theme-defaults/package.json');
  if (!fs.existsSync(themes)) throw new Error(`${origin} gave ${dir}, which holds no extensions/theme-defaults/package.json`);
  return dir;
}

/** The VS Code directory for a build; runs the installer (which may take minutes the first time). */
export function vscodeDir(flavour: BuildFlavour): string {
  const fromEnv = process.env[VSCODE_DIR_ENV];
  if (fromEnv) return checkDir(path.resolve(fromEnv), VSCODE_DIR_ENV);
  const installer = path.join(REPO_ROOT, 'test/e2e/install.mjs');
  const out = execFileSync(process.execPath, [installer, '--print-vscode-dir', flavour], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = out.trim().split('\n');
  return checkDir(lines[lines.length - 1].trim(), `install.mjs --print-vscode-dir ${flavour}`);
}

/** VS Code's version from the build's own package.json. */
export function vscodeVersion(dir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
