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

/** Formats whose problems are written alike wherever they fall in the output: a thread can write them apart. */
export const ITEM_FORMATS = ['text', 'json', 'jsonl'] as const;
export type ItemFormat = (typeof ITEM_FORMATS)[number];

export function isItemFormat(format: Format): format is ItemFormat {
  return (ITEM_FORMATS as readonly string[]).includes(format);
}

/** One problem's text in an item format: items in a row are joined by `separator`. */
export interface Items {
  item(p: CliProblem): string;
  readonly separator: string;
}

export function itemsFor(format: ItemFormat, color: boolean): Items {
  const file = new Quoted();
  switch (format) {
    case 'json':
      // Built by hand: it is the hot path. What `JSON.stringify(problems, null, 2)` prints for one element.
      return {
        separator: ',\n  ',
        item: (p) =>
          `{\n    "file": ${file.of(p.file)},\n    "line": ${p.line},\n    "column": ${p.column},\n    "endLine": ${p.endLine},\n    "endColumn": ${p.endColumn},` +
          `\n    "severity": ${JSON.stringify(p.severity)},\n    "code": ${JSON.stringify(p.code)},\n    "message": ${JSON.stringify(p.message)}\n  }`,
      };
    case 'jsonl':
      return {
        separator: '',
        item: (p) =>
          `{"file":${file.of(p.file)},"line":${p.line},"column":${p.column},"endLine":${p.endLine},"endColumn":${p.endColumn},` +
          `"severity":${JSON.stringify(p.severity)},"code":${JSON.stringify(p.code)},"message":${JSON.stringify(p.message)}}\n`,
      };
    default:
      return { separator: '', item: (p) => formatText(p, color) + '\n' };
  }
}

/**
 * Text, JSON lines and the JSON array (`JSON.stringify(problems, null, 2)`,
 * written one problem at a time): each problem's item, or a run of items a
 * thread wrote (`items`), framed by the format's brackets and separators.
 */
class ItemReporter implements Reporter {
  private count = 0;
  private readonly items: Items;
  constructor(private readonly out: Sink, private readonly format: ItemFormat, color: boolean) {
    this.items = itemsFor(format, color);
  }
  problem(p: CliProblem): void {
    this.run(this.items.item(p), 1);
  }
  run(text: string, count: number): void {
    if (count === 0) return;
    if (this.format === 'json') this.out.write((this.count === 0 ? '[\n  ' : ',\n  ') + text);
    else this.out.write(text);
    this.count += count;
  }
  unreadable(): void {}
  end(): void {
    if (this.format === 'json') this.out.write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}

export function reporterFor(format: Format, out: Sink, color: boolean, version: string): Reporter {
  return format === 'sarif' ? new SarifReporter(out, version) : new ItemReporter(out, format, color);
}

/** A reporter that also takes runs of items written elsewhere (see ItemReporter). */
export interface RunReporter extends Reporter {
  run(text: string, count: number): void;
}

export function runReporterFor(format: ItemFormat, out: Sink, color: boolean): RunReporter {
  return new ItemReporter(out, format, color);
}

/** Counts by severity, for the summary line: `3 errors, 1 warning in 2 files`. */
export class Tally {
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  files = 0;

  add(severity: Severity, count = 1): void {
    this.counts[severity] += count;
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
