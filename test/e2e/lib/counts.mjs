// Test counts of every tier, for the one summary line `npm test` ends with:
// each tier's runner prints its own counts (mocha: "N passing", "N failing",
// "N pending"; the harness: its result rows), and they are gathered here.
import { spawn } from 'node:child_process';

/** Counts from a mocha run's output (any reporter that prints mocha's epilogue). */
export function mochaCounts(output) {
  const last = (word) => {
    const all = [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : 0;
  };
  return { passed: last('passing'), failed: last('failing'), skipped: last('pending') };
}

/** Counts of harness result rows ({ status } each). */
export function rowCounts(rows) {
  const count = (status) => rows.filter((r) => r.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

export function addCounts(a, b) {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

/** "unit 1597 passed · ui 14 passed, 1 failed": one entry per tier, in order. */
export function summaryLine(tiers) {
  return tiers.map(({ name, counts, note }) => {
    const parts = [`${counts.passed} passed`];
    if (counts.failed) parts.push(`${counts.failed} failed`);
    if (counts.skipped) parts.push(`${counts.skipped} skipped`);
    return `${name} ${parts.join(', ')}${note ? ` (${note})` : ''}`;
  }).join(' · ');
}

/**
 * Runs a command with its output passed through, and keeps that output for
 * counting. Resolves { code, output }; never rejects for a non-zero exit.
 * onSpawn(child) receives the child process (to forward signals to it).
 */
export function runPassingThrough(command, args, { onSpawn, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['inherit', 'pipe', 'pipe'] });
    onSpawn?.(child);
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}
