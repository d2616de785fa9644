// The shapes of `ftp-log check` output, each written problem by problem as the
// problems are found: text (`file:line:col: severity code meaning`), a JSON
// array, JSON lines, SARIF 2.1.0. Lines and columns are 1-based; columns count
// UTF-16 code units, as VS Code's do.

import type { Finding, Severity } from '../core/model';
import { SarifReporter } from './sarif';
import type { Sink } from './sink';
import { paint, type Style } from './terminal';

export interface CliProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** error | warning | information | hint */
  severity: string;
  code: string;
  message: string;
}

export function toCliProblem(file: string, f: Finding, severity: Severity = f.severity): CliProblem {
  return {
    file,
    line: f.line + 1,
    column: f.span.start + 1,
    endLine: f.line + 1,
    endColumn: f.span.end + 1,
    severity,
    code: String(f.code),
    message: f.message,
  };
}

export const FORMATS = ['text', 'json', 'jsonl', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Where problems go, in the order they are found. */
export interface Reporter {
  problem(p: CliProblem, finding: Finding): void;
  /** A file that could not be read (SARIF records it; the others leave it to stderr). */
  unreadable(file: string, reason: string): void;
  end(): void;
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' };

/** The message without the code it starts with: the code is printed once, before it. */
function meaning(p: CliProblem): string {
  return p.message.startsWith(p.code + ' ') ? p.message.slice(p.code.length + 1) : p.message;
}

/** `file:line:column: severity code meaning` — the layout editors' problem matchers read. */
export function formatText(p: CliProblem, color = false): string {
  const where = `${p.file}:${p.line}:${p.column}:`;
  if (!color) return `${where} ${p.severity} ${p.code} ${meaning(p)}`;
  return `${paint(where, 'bold', true)} ${paint(p.severity, SEVERITY_STYLE[p.severity as Severity] ?? 'bold', true)} ${paint(p.code, 'bold', true)} ${meaning(p)}`;
}

/** The whole array at once (what the streamed JSON output equals). */
export function formatJson(problems: readonly CliProblem[]): string {
  return JSON.stringify(problems, null, 2);
}

class TextReporter implements Reporter {
  constructor(private readonly out: Sink, private readonly color: boolean) {}
  problem(p: CliProblem): void {
    this.out.write(formatText(p, this.color) + '\n');
  }
  unreadable(): void {}
  end(): void {}
}

/** `JSON.stringify(p)` of a problem; the file name, the same for every problem of a file, is quoted once. */
class Quoted {
  private file = '';
  private quoted = '""';
  of(file: string): string {
    if (file !== this.file) {
      this.file = file;
      this.quoted = JSON.stringify(file);
    }
    return this.quoted;
  }
}

/** The array `JSON.stringify(problems, null, 2)` prints, written one problem at a time (built by hand: it is the hot path). */
class JsonReporter implements Reporter {
  private count = 0;
  private readonly file = new Quoted();
  constructor(private readonly out: Sink) {}
  problem(p: CliProblem): void {
    const item =
      `{\n    "file": ${this.file.of(p.file)},\n    "line": ${p.line},\n    "column": ${p.column},\n    "endLine": ${p.endLine},\n    "endColumn": ${p.endColumn},` +
      `\n    "severity": ${JSON.stringify(p.severity)},\n    "code": ${JSON.stringify(p.code)},\n    "message": ${JSON.stringify(p.message)}\n  }`;
    this.out.write((this.count++ === 0 ? '[\n  ' : ',\n  ') + item);
  }
  unreadable(): void {}
  end(): void {
    this.out.write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}

class JsonLinesReporter implements Reporter {
  private readonly file = new Quoted();
  constructor(private readonly out: Sink) {}
  problem(p: CliProblem): void {
    this.out.write(
      `{"file":${this.file.of(p.file)},"line":${p.line},"column":${p.column},"endLine":${p.endLine},"endColumn":${p.endColumn},` +
        `"severity":${JSON.stringify(p.severity)},"code":${JSON.stringify(p.code)},"message":${JSON.stringify(p.message)}}\n`,
    );
  }
  unreadable(): void {}
  end(): void {}
}

export function reporterFor(format: Format, out: Sink, color: boolean, version: string): Reporter {
  switch (format) {
    case 'json':
      return new JsonReporter(out);
    case 'jsonl':
      return new JsonLinesReporter(out);
    case 'sarif':
      return new SarifReporter(out, version);
    default:
      return new TextReporter(out, color);
  }
}

/** Counts by severity, for the summary line: `3 errors, 1 warning in 2 files`. */
export class Tally {
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  files = 0;

  add(severity: Severity): void {
    this.counts[severity]++;
  }

  get total(): number {
    return this.counts.error + this.counts.warning + this.counts.information + this.counts.hint;
  }

  summary(shown: number): string {
    const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    const parts = [n(this.counts.error, 'error', 'errors'), n(this.counts.warning, 'warning', 'warnings')];
    if (this.counts.information > 0) parts.push(n(this.counts.information, 'information', 'information'));
    if (this.counts.hint > 0) parts.push(n(this.counts.hint, 'hint', 'hints'));
    const cut = shown < this.total ? ` (${shown} shown, --max-problems)` : '';
    return `${parts.join(', ')} in ${n(this.files, 'file', 'files')}${cut}`;
  }
}
