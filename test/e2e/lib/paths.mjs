// Where the harness keeps things. Everything it writes lives under
// test/e2e/.state (installs' bookkeeping, servers' data, temp workspaces) or
// test/e2e/artifacts (screenshots, logs worth keeping), both git-ignored.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const STATE_DIR = path.join(E2E_DIR, '.state');
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
export const VSIX_PATH = path.join(REPO_ROOT, 'ftp-log.vsix');
export const CHROMIUM = '/usr/bin/chromium';

/** The VS Code builds the tests run on: the oldest supported and the newest. */
export const FLAVOURS = ['min', 'latest'];

export function flavourPackageDir(flavour) {
  if (!FLAVOURS.includes(flavour)) {
    throw new Error(`unknown VS Code flavour "${flavour}" (expected ${FLAVOURS.join(' or ')})`);
  }
  return path.join(E2E_DIR, `vscode-${flavour}`);
}

export function codeServerDir(flavour) {
  return path.join(flavourPackageDir(flavour), 'node_modules', 'code-server');
}

/** VS Code itself inside code-server: `out/`, `extensions/`, `product.json`. */
export function vscodeDir(flavour) {
  return path.join(codeServerDir(flavour), 'lib', 'vscode');
}

/** Node of the `node` npm package, which the newest code-server requires. */
export function latestNodeDir() {
  const platformPackage = `node-${process.platform}-${process.arch}`;
  return path.join(flavourPackageDir('latest'), 'node_modules', 'node', 'node_modules', platformPackage);
}

/** The Node binary a flavour's server runs on. */
export function nodeFor(flavour) {
  return flavour === 'latest' ? path.join(latestNodeDir(), 'bin', 'node') : process.execPath;
}
