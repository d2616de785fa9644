// The FILE operands and the reading caps every reading command shares.

import { last, seconds, size, UsageError, type Parsed } from './args';
import type { Cli } from './context';
import type { Caps } from './input';

export const CAP_OPTIONS = ['--max-bytes', '--max-seconds'];

/** The inputs named: `-` or none at all is standard input, unless that is a terminal nobody is typing into. */
export function inputsOf(p: Parsed, cli: Cli): string[] {
  if (p.operands.length > 0) return p.operands;
  if (cli.stdinIsTTY) throw new UsageError('no FILE given (use - to read standard input from the terminal)');
  return ['-'];
}

/** Reading stops at these, for inputs that may not end (a pipe from `tail -f`, a gzip bomb). */
export function capsOf(p: Parsed, cli: Cli): Caps {
  const bytes = last(p, '--max-bytes');
  const secs = last(p, '--max-seconds');
  const maxBytes = bytes === undefined ? undefined : size(bytes, '--max-bytes');
  if (maxBytes === 0) throw new UsageError('--max-bytes must be more than 0');
  return { maxBytes, deadline: secs === undefined ? undefined : cli.started + seconds(secs, '--max-seconds') * 1000 };
}
