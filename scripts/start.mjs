// `npm start`: builds the .vsix, installs it into a real VS Code (the web
// workbench of code-server 4.100.3, installed on demand) and serves it with a
// folder of example logs. Open the printed URL in a browser; Ctrl+C stops it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['run', 'package'], { cwd: root, stdio: 'inherit' });

const { ensureInstalled } = await import(path.join(root, 'test/e2e/lib/install.mjs'));
const { startServer } = await import(path.join(root, 'test/e2e/lib/server.mjs'));
const { stopAll } = await import(path.join(root, 'test/e2e/lib/cleanup.mjs'));
await ensureInstalled(['min'], { needBrowser: false });

const examples = path.join(mkdtempSync(path.join(os.tmpdir(), 'ftp-log-examples-')), 'examples');
cpSync(path.join(root, 'test/fixtures'), examples, { recursive: true, filter: (src) => !src.endsWith('.expected') });

const server = await startServer('min', examples, { vsix: path.join(root, 'ftp-log.vsix'), keepState: false });
console.log(`\nFTP Log is running in VS Code 1.100 at:\n\n  ${server.workbenchUrl()}\n\nThe folder holds example logs of every supported format. Press Ctrl+C to stop.`);
const stop = async () => {
  await server.stop();
  await stopAll();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await new Promise(() => {});
