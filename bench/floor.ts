// The floor `ftp-log check` is measured against, as its own process: stream
// a file, split it into lines, test every line against a bare reply pattern.
// Prints one JSON line: lines, matches, peak RSS in bytes.

import * as fs from 'node:fs';

const REPLY = /^\s*[1-5]\d\d[ -]/;

function main(file: string): void {
  let rest = '';
  let lines = 0;
  let matches = 0;
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  stream.on('data', (chunk) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      lines++;
      if (REPLY.test(line)) matches++;
    }
  });
  stream.on('end', () => {
    lines++;
    if (REPLY.test(rest)) matches++;
    console.log(JSON.stringify({ lines, matches, maxRSS: process.resourceUsage().maxRSS * 1024 }));
  });
}

main(process.argv[2]);
