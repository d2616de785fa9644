// `ftp-log check --format json` on a generated log of hundreds of megabytes,
// as its own process, against a floor measured in the same run: a Node process
// that streams the same file, splits its lines and tests each against
// /^\s*[1-5]\d\d[ -]/ (floor.ts). Throughput in MB/s and peak RSS of both.

import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLog } from './generate';

export interface CliFigures {
  cli_mb: number;
  cli_ms: number;
  cli_mb_per_s: number;
  cli_rss_mb: number;
  floor_cli_ms: number;
  floor_mb_per_s: number;
  floor_rss_mb: number;
  cli_vs_floor: number;
  /** The same check with --threads set to the CPUs this machine has (and what it costs in memory). */
  cli_threads: number;
  cli_threads_ms: number;
  cli_threads_mb_per_s: number;
  cli_threads_rss_mb: number;
  cli_threads_vs_floor: number;
}

const TIME = '/usr/bin/time';

/** A log of at least `mb` MiB: a few generated blocks written over and over (generating it all would take longer than checking it). */
function writeLog(file: string, mb: number): number {
  const block = [1, 2, 3, 4].map((seed) => generateLog(60_000, seed)).join('\n') + '\n';
  const bytes = Buffer.from(block);
  const fd = fs.openSync(file, 'w');
  let written = 0;
  try {
    while (written < mb * 1024 * 1024) written += fs.writeSync(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

/** SHA-256 of a file, read in pieces (the outputs are hundreds of megabytes). */
function digest(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

interface Measured {
  ms: number;
  rssBytes: number;
  stdout: string;
}

/** Runs `node args…`, stdout to a file or captured, timing it and reading its peak RSS (from /usr/bin/time -v, else from the child's own report). */
function measure(args: string[], stdoutTo: string | undefined, rssFromStdout: boolean): Promise<Measured> {
  const useTime = fs.existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...args] : args;
  return new Promise((resolve, reject) => {
    const out = stdoutTo ? fs.openSync(stdoutTo, 'w') : 'pipe';
    const t0 = performance.now();
    const child = spawn(command, argv, { stdio: ['ignore', out, 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (typeof out === 'number') fs.closeSync(out);
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const rssBytes = fromTime ? Number(fromTime[1]) * 1024 : rssFromStdout ? JSON.parse(stdout).maxRSS : NaN;
      resolve({ ms, rssBytes, stdout });
    });
  });
}

export async function benchCli(root: string, mb: number): Promise<CliFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftp-log-bench-'));
  try {
    const file = path.join(dir, 'large.log');
    const bytes = writeLog(file, mb);
    const floor = await measure([path.join(root, 'out/bench/floor.js'), file], undefined, true);
    const cli = await measure([path.join(root, 'dist/cli.js'), 'check', '--format', 'json', file], path.join(dir, 'problems.json'), false);
    const threads = os.availableParallelism();
    const threaded = await measure([path.join(root, 'dist/cli.js'), 'check', '--threads', String(threads), '--format', 'json', file], path.join(dir, 'problems-threads.json'), false);
    // Same bytes out, or the figure would mean nothing.
    if (digest(path.join(dir, 'problems.json')) !== digest(path.join(dir, 'problems-threads.json'))) throw new Error('--threads wrote other problems than one thread');
    const size = bytes / (1024 * 1024);
    return {
      cli_mb: Math.round(size),
      cli_ms: cli.ms,
      cli_mb_per_s: size / (cli.ms / 1000),
      cli_rss_mb: cli.rssBytes / (1024 * 1024),
      floor_cli_ms: floor.ms,
      floor_mb_per_s: size / (floor.ms / 1000),
      floor_rss_mb: floor.rssBytes / (1024 * 1024),
      cli_vs_floor: cli.ms / floor.ms,
      cli_threads: threads,
      cli_threads_ms: threaded.ms,
      cli_threads_mb_per_s: size / (threaded.ms / 1000),
      cli_threads_rss_mb: threaded.rssBytes / (1024 * 1024),
      cli_threads_vs_floor: threaded.ms / floor.ms,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
