// `ftp-log detect`: the family of each log, decided from its head as the
// editor decides it; reading stops once the head is read.

import { FindingStream } from '../core/stream/findingStream';
import { parseArgs } from './args';
import type { Cli } from './context';
import { capsOf, CAP_OPTIONS, inputsOf } from './inputs';
import { readLines } from './read';

export async function detect(args: string[], cli: Cli): Promise<number> {
  const p = parseArgs(args, CAP_OPTIONS, []);
  const files = inputsOf(p, cli);
  const caps = capsOf(p, cli);
  let status = 0;
  for (const file of files) {
    let stream: FindingStream | undefined;
    const outcome = await readLines(file, cli.stdin, caps, () => {
      const s = (stream = new FindingStream(() => undefined));
      return { line: (text) => s.push(text), paused: () => s.decideNow(), get done() { return s.family !== undefined; } };
    }, async () => undefined);
    if (outcome.kind === 'error' || outcome.kind === 'capped') {
      cli.err(`ftp-log: ${outcome.reason}`);
      status = 2;
      if (outcome.kind === 'error') continue;
    }
    const family = outcome.kind === 'binary' || !stream ? 'none' : stream.end();
    // Like grep: the name leads each line only when several inputs are named.
    cli.out.write(files.length > 1 ? `${outcome.name}: ${family}\n` : `${family}\n`);
  }
  cli.out.flush();
  return status;
}
