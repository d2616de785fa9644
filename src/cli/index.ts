// Entry point of the `ftp-log` binary: the process's streams for `run`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './main';
import { Sink } from './sink';
import { isSegmentWorker, runSegmentWorker } from './parallel/worker';

/** The version in the package.json beside dist/ (the one npm installed). */
function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function main(): void {
  // A reader that went away (`ftp-log check big.log | head`) ends the run quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

  run(process.argv.slice(2), {
    out: new Sink(process.stdout),
    err: (line) => process.stderr.write(line + '\n'),
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
    version: version(),
    started: Date.now(),
    // This very script, started as a worker thread, reads segments of a large log.
    parallel: { workerScript: __filename },
  }).then((code) => {
    // Exit once stdout has taken everything: an open standard input (a pipe a
    // time cap stopped reading) must not keep the process alive.
    process.exitCode = code;
    process.stdout.write('', () => process.exit(code));
  });
}

if (isSegmentWorker()) runSegmentWorker();
else main();
