// Entry point of the `ftp-log` binary.

import { run } from './main';

process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
});
