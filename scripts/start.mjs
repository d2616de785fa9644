// `npm start`: builds the .vsix, installs it into a real VS Code (the web
// workbench of code-server 4.100.3, installed on demand) and serves it with a
// folder of example logs, one of them open in the editor. Open the printed
// URL in a browser; Ctrl+C stops it and removes everything it made (the
// server's data and the copy of the examples).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { requirePrerequisites } from './check-prerequisites.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The log open when the workbench appears: every kind of highlight, hover and problem. */
const FIRST_LOG = 'vsftpd/vsftpd.log';

await requirePrerequisites('start');
const lib = (name) => import(pathToFileURL(path.join(root, 'test/e2e/lib', name)).href);
const { ensureInstalled } = await lib('install.mjs');
const { startServer } = await lib('server.mjs');
const { makeWorkspace } = await lib('workspace.mjs');
const { FIXTURES_DIR, VSIX_PATH } = await lib('paths.mjs');

console.log('npm start: packaging the extension (npm run package) ...');
execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
const install = await ensureInstalled(['min'], { needBrowser: false });
for (const { name, action, seconds } of install) {
  if (action !== 'up to date') console.log(`npm start: ${name} ${action} in ${seconds.toFixed(1)} s`);
}

// The fixtures without their expected findings, and a README for someone
// trying the extension, in a folder whose name the Explorer shows.
const holder = makeWorkspace(null, 'examples');
const examples = path.join(holder.dir, 'ftp-log-examples');
cpSync(FIXTURES_DIR, examples, { recursive: true, filter: (src) => !src.endsWith('.expected') });
copyFileSync(path.join(root, 'scripts', 'examples-README.md'), path.join(examples, 'README.md'));

const server = await startServer('min', examples, { vsix: VSIX_PATH });
const url = server.workbenchUrl([['openFile', server.remoteUri(path.join(examples, FIRST_LOG))]]);
console.log(`\nFTP Log is running in VS Code 1.100 at:\n\n  ${url}\n\n`
  + `It opens ${FIRST_LOG}; the folder holds example logs of every supported format (see its README.md).\n`
  + 'Press Ctrl+C to stop.');

// Ctrl+C and SIGTERM are handled by the harness's cleanup (lib/cleanup.mjs):
// it stops the server, removes its data and the examples' copy, and exits.
await new Promise(() => {});
