// What a command of `ftp-log` runs against: its streams, environment and version.

import type { Sink } from './sink';

export interface Cli {
  readonly out: Sink;
  /** One line to stderr. */
  err(line: string): void;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly version: string;
  /** When the run started (ms), for --max-seconds. */
  readonly started: number;
}
