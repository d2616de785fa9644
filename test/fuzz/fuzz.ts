// Hostile and unlucky input, generated: random bytes, mutated fixture lines,
// mixed line ends, long runs, random edits, secrets planted among FTP lines.
// For every document: nothing throws, an edited document equals a fresh scan
// of its text, no surface shows a planted secret or a hidden character, and
// every call returns within a generous bound. `npm run fuzz` runs it long;
// the unit tests run a short fixed-seed pass.

import * as fs from 'node:fs';
import { LogDocument } from '../../src/core/scan/document';
import { codeTokens } from '../../src/core/features/codeTokens';
import { between, pick, seeded, type Random } from '../../bench/random';
import { allFixtures } from '../support/fixtures';
import { HIDDEN, hoverSurfaces, outlineSurfaces, problemSurfaces } from '../support/surfaces';
import { snapshot } from '../support/snapshot';

export const SECRET = 'Zq7secretXk9';

/** Lines that carry the secret in every form a log may hold one. */
const SECRET_LINES = [
  `PASS ${SECRET}`, `pass ${SECRET}`, `Pass ${SECRET}`, `PASS\t${SECRET}`, `ACCT ${SECRET}`, `acct ${SECRET}`,
  `SITE PSWD ${SECRET} ${SECRET}`, `USER bob:${SECRET}`, `USER bob@ftp.example.com:${SECRET}`,
  `> PASS ${SECRET}`, `---> PASS ${SECRET}`, `Command:\tPASS ${SECRET}`, `*cmd* 'PASS ${SECRET}'`,
  `* Connecting to ftp://bob:${SECRET}@ftp.example.com/in/`, `< 530 Login incorrect for ftp://bob:${SECRET}@ftp.example.com/`,
  `[connection] > 'PASS ${SECRET}'`, `2026-11-24 10:00:01 [ftp] > PASS ${SECRET}`,
];

const NASTY = ['\u202E', '\u2066', '\u200B', '\u00AD', '\uFEFF', '\u0000', '\u001B', '\u0085', '\u061C', '\u{E0041}', '\t', '\r'];

export interface FuzzOptions {
  readonly seed: number;
  readonly documents: number;
  /** Bound for one call (scan, edit, hover), in ms: catches a freeze, not a slow machine. */
  readonly callLimitMs: number;
}

export interface FuzzReport {
  documents: number;
  lines: number;
  edits: number;
  hovers: number;
  slowestCallMs: number;
  failures: string[];
}

function mutate(random: Random, line: string): string {
  const chars = [...line];
  const n = between(random, 1, 4);
  for (let k = 0; k < n; k++) {
    const at = between(random, 0, chars.length);
    switch (between(random, 0, 5)) {
      case 0: chars.splice(at, 1); break;
      case 1: chars.splice(at, 0, pick(random, NASTY)); break;
      case 2: chars.splice(at, 0, String.fromCharCode(between(random, 0, 0xffff))); break;
      case 3: chars.splice(at, 0, pick(random, ['550', '-', ' ', '220-', '\n', '"', "'", '[', ']', '#Fields: ', '> ', '< '])); break;
      case 4: chars.splice(at, 0, ' '.repeat(between(random, 1, 3000))); break;
      // A secret where a log can hold one: at a field boundary, not glued into a word.
      default: chars.splice(at, 0, (/[A-Za-z][ \t]*$/.test(chars.slice(Math.max(0, at - 8), at).join('')) ? ' | ' : '') + pick(random, SECRET_LINES)); break;
    }
  }
  return chars.join('');
}

function randomBytes(random: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(between(random, 0, 255));
  return s;
}

function longRun(random: Random): string {
  const unit = pick(random, ['550 ', ' ', '5', '550-', 'RETR ', '-', '(000001) - (', '[', 'cs-method ', '\u202E']);
  return pick(random, ['550 ', '', '220-', '< ', 'Response:\t']) + unit.repeat(between(random, 1000, 40000)) + pick(random, ['x', '', '550', ')> ']);
}

function document(random: Random, pool: readonly string[]): string {
  const lines: string[] = [];
  const count = between(random, 1, 120);
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.55) lines.push(pick(random, pool));
    else if (r < 0.8) lines.push(mutate(random, pick(random, pool)));
    else if (r < 0.9) lines.push(pick(random, SECRET_LINES));
    else if (r < 0.95) lines.push(randomBytes(random, between(random, 1, 200)));
    else lines.push(longRun(random));
  }
  const eol = () => pick(random, ['\n', '\n', '\r\n', '\r']);
  return lines.map((l) => l + eol()).join('');
}

export function fuzz(options: FuzzOptions): FuzzReport {
  const random = seeded(options.seed);
  const pool = allFixtures().flatMap((f) => fs.readFileSync(f.file, 'utf8').split(/\r\n|\r|\n/));
  const report: FuzzReport = { documents: 0, lines: 0, edits: 0, hovers: 0, slowestCallMs: 0, failures: [] };
  const fail = (what: string) => {
    if (report.failures.length < 50) report.failures.push(`seed ${options.seed} document ${report.documents}: ${what}`);
  };
  const timed = <T>(what: string, work: () => T): T => {
    const t = Date.now();
    const out = work();
    const ms = Date.now() - t;
    report.slowestCallMs = Math.max(report.slowestCallMs, ms);
    if (ms > options.callLimitMs) fail(`${what} took ${ms} ms`);
    return out;
  };
  const checkSurface = (where: string, text: string) => {
    if (text.includes(SECRET)) fail(`${where} shows the secret: ${JSON.stringify(text.slice(Math.max(0, text.indexOf(SECRET) - 60), text.indexOf(SECRET) + 20))}`);
    const hidden = HIDDEN.exec(text);
    if (hidden) fail(`${where} shows U+${hidden[0].codePointAt(0)!.toString(16)} as it is`);
  };
  for (let d = 0; d < options.documents; d++) {
    report.documents++;
    const text = document(random, pool);
    try {
      const doc = timed('scan', () => new LogDocument(text));
      report.lines += doc.lineCount;
      for (const s of timed('problems', () => problemSurfaces(doc))) checkSurface('a problem', s);
      timed('tokens', () => codeTokens(doc, 0, doc.lineCount));
      for (const s of timed('outline', () => outlineSurfaces(doc))) checkSurface('the outline', s);
      for (let k = 0; k < 8 && doc.lineCount > 0; k++) {
        const line = between(random, 0, doc.lineCount - 1);
        const column = between(random, 0, Math.min(400, doc.lineText(line).length));
        report.hovers++;
        for (const s of timed('hover', () => hoverSurfaces(doc, line, column))) checkSurface('a hover', s);
      }
      // Random edits against a fresh scan of the same text.
      const lines = doc.lineCount > 0 ? Array.from({ length: doc.lineCount }, (_, i) => doc.lineText(i)) : [];
      for (let e = 0; e < 6; e++) {
        const start = between(random, 0, lines.length);
        const del = Math.min(between(random, 0, 3), lines.length - start);
        const insert = Array.from({ length: between(random, 0, 3) }, () => (random() < 0.5 ? pick(random, pool) : mutate(random, pick(random, pool))));
        lines.splice(start, del, ...insert);
        report.edits++;
        timed('edit', () => doc.replaceLines(start, del, insert, between(random, 1, 50)));
      }
      timed('settle', () => doc.settle());
      const fresh = new LogDocument(lines);
      if (snapshot(doc) !== snapshot(fresh)) fail('an edited document differs from a fresh scan of its text');
      // The session model kept up with the edits (built before them) equals one built afresh.
      if (JSON.stringify(outlineSurfaces(doc)) !== JSON.stringify(outlineSurfaces(fresh))) fail('the outline of an edited document differs from a fresh one');
    } catch (e) {
      fail(`threw ${(e as Error).stack ?? e}`);
    }
  }
  return report;
}
