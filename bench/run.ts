// `npm run bench`: a readable table, then one JSON line with every ratio.

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { generateLog } from './generate';
import { benchCore } from './core';
import { benchCli } from './cli';

const LINES = 200_000;
/** Size of the log `ftp-log check` streams (MiB): at least 500, so memory that grows with the file shows. */
const CLI_MB = Number(process.env.FTP_LOG_BENCH_CLI_MB ?? 512);
const ROOT = path.resolve(__dirname, '../..');

/** The installed VS Code build the grammar baseline is loaded from, if the test harness can provide one. */
function vscodeDir(): string | undefined {
  if (process.env.FTP_LOG_VSCODE_DIR) return process.env.FTP_LOG_VSCODE_DIR;
  try {
    return execFileSync(process.execPath, [path.join(ROOT, 'test/e2e/install.mjs'), '--print-vscode-dir', 'min'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const text = generateLog(LINES, 42);
  const core = benchCore(text);
  const result: Record<string, number | string> = { ...core };
  const rows: [string, string, string][] = [
    ['floor: split + /^\\s*[1-5]\\d\\d[ -]/', core.floor_ms.toFixed(2) + ' ms', ''],
    ['full scan to findings', core.full_ms.toFixed(2) + ' ms', `scan_vs_floor ${core.scan_vs_floor.toFixed(3)} (target ≤ 3)`],
    ['one-line edit in the middle', core.incremental_ms.toFixed(3) + ' ms', `incremental_vs_full ${core.incremental_vs_full.toFixed(4)} (target ≤ 0.01)`],
    ['one hover', core.hover_ms.toFixed(3) + ' ms', `hover_vs_full ${core.hover_vs_full.toFixed(5)} (target ≤ 0.001)`],
    [`session model (${core.sessions} sessions)`, core.sessions_ms.toFixed(2) + ' ms', `sessions_vs_full ${core.sessions_vs_full.toFixed(3)} (target ≤ 0.5)`],
    ['outline from the session model', core.outline_ms.toFixed(2) + ' ms', ''],
  ];
  const c = await benchCli(ROOT, CLI_MB);
  Object.assign(result, c);
  rows.push([`floor process: stream ${c.cli_mb} MB, split, regex`, c.floor_cli_ms.toFixed(0) + ' ms', `${c.floor_mb_per_s.toFixed(1)} MB/s, peak RSS ${c.floor_rss_mb.toFixed(0)} MB`]);
  rows.push([`ftp-log check --format json (${c.cli_mb} MB)`, c.cli_ms.toFixed(0) + ' ms', `${c.cli_mb_per_s.toFixed(1)} MB/s, peak RSS ${c.cli_rss_mb.toFixed(0)} MB, cli_vs_floor ${c.cli_vs_floor.toFixed(2)} (target ≤ 3)`]);
  rows.push([`ftp-log check --threads ${c.cli_threads} --format json`, c.cli_threads_ms.toFixed(0) + ' ms', `${c.cli_threads_mb_per_s.toFixed(1)} MB/s, peak RSS ${c.cli_threads_rss_mb.toFixed(0)} MB, cli_threads_vs_floor ${c.cli_threads_vs_floor.toFixed(2)}`]);
  const dir = vscodeDir();
  if (dir) {
    const { benchGrammar } = await import('./grammar');
    const g = await benchGrammar(text, dir);
    Object.assign(result, { grammar_ours_ms: g.ours_ms, grammar_builtin_ms: g.builtin_ms, grammar_vs_builtin_log: g.grammar_vs_builtin_log });
    rows.push(['tokenize: VS Code built-in log grammar', g.builtin_ms.toFixed(0) + ' ms', '']);
    rows.push(['tokenize: ftp-log grammar', g.ours_ms.toFixed(0) + ' ms', `grammar_vs_builtin_log ${g.grammar_vs_builtin_log.toFixed(3)} (target ≤ 0.5)`]);
  } else {
    result.grammar_vs_builtin_log = 'skipped: no VS Code build installed (node test/e2e/install.mjs min)';
  }
  console.log(`${core.lines} generated lines, ${core.findings} findings\n`);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
