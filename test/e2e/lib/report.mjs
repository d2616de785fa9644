// One summary table for every runner: a row per run, PASSED / FAILED /
// SKIPPED with the reason, and whether nothing failed.
export function printSummary(title, results, print = console.log) {
  print(`=== ${title} ===`);
  for (const { name, status, seconds, reason } of results) {
    print(`${status.toUpperCase().padEnd(8)} ${name.padEnd(28)} ${seconds.toFixed(1).padStart(6)} s${reason ? `  ${reason}` : ''}`);
  }
  return results.every((r) => r.status !== 'failed');
}
