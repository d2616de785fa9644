// `npm run fuzz [-- --documents N --seed S]`: the long fuzz run.

import { fuzz } from './fuzz';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const started = Date.now();
const report = fuzz({ seed: option('seed', Date.now() % 100000), documents: option('documents', 10000), callLimitMs: option('limit', 2000) });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${report.documents} documents, ${report.lines} lines, ${report.edits} edits, ${report.hovers} hovers in ${seconds} s; slowest call ${report.slowestCallMs} ms`);
for (const f of report.failures) console.log(`FAIL ${f}`);
process.exit(report.failures.length > 0 ? 1 : 0);
