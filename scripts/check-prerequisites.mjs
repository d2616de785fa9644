// What `npm start` and `npm test` need before they start, checked up front:
// the project's own packages (npm ci), Node 20 (the VS Code 1.100 the tests
// and `npm start` run on is code-server 4.100.3, built for Node 20) and the
// Debian packages (the browser for the tests; compilers and headers while a
// VS Code build still has to be installed). Prints ONE line naming what is
// missing and how to install it, and exits 1; silent when all is there.
//
//   node scripts/check-prerequisites.mjs start|test
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MAJOR = 20;

/** The line describing what is missing for `purpose`, or null. */
export async function missingFor(purpose) {
  if (!['start', 'test'].includes(purpose)) throw new Error(`check-prerequisites: unknown purpose "${purpose}" (start or test)`);
  if (!existsSync(path.join(ROOT, 'node_modules', 'esbuild'))) {
    return 'the project\'s packages are not installed (install them with: npm ci)';
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== NODE_MAJOR) {
    return `Node ${NODE_MAJOR} is needed (VS Code 1.100 runs as code-server 4.100.3, built for Node ${NODE_MAJOR}); this is Node ${process.versions.node}`;
  }
  const { isInstalled, missingPrerequisites, missingPackagesMessage } = await import(pathToFileURL(path.join(ROOT, 'test/e2e/lib/install.mjs')).href);
  const flavours = purpose === 'start' ? ['min'] : ['min', 'latest'];
  const groups = [...(purpose === 'test' ? ['run'] : []), ...(flavours.every(isInstalled) ? [] : ['build'])];
  const missing = missingPrerequisites(groups);
  return missing.length ? missingPackagesMessage(missing) : null;
}

/** Exits the process with the one line when something is missing. */
export async function requirePrerequisites(purpose) {
  const missing = await missingFor(purpose);
  if (missing) {
    console.error(`npm ${purpose}: ${missing}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await requirePrerequisites(process.argv[2] ?? 'test');
}
