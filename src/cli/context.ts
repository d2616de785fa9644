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
  /** How a large file may be checked by several threads; absent, every file is read by this thread alone. */
  readonly parallel?: {
    /** The script a checking thread runs: the CLI's entry, which reads segments when started as a worker. */
    readonly workerScript: string;
    /** Segment size (default: from the file's size and the threads); a file of two segments or more is checked in parallel. */
    readonly segmentBytes?: number;
  };
}
