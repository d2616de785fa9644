// The two shapes of `ftp-log check` output. Lines and columns are 1-based.

import type { Finding } from '../core/model';

export interface CliProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export function toCliProblem(file: string, f: Finding): CliProblem {
  return {
    file,
    line: f.line + 1,
    column: f.span.start + 1,
    endLine: f.line + 1,
    endColumn: f.span.end + 1,
    severity: f.severity,
    code: String(f.code),
    message: f.message,
  };
}

/** `file:line:column: severity code message` — the layout editors' problem matchers read. */
export function formatText(p: CliProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code} ${p.message}`;
}

export function formatJson(problems: readonly CliProblem[]): string {
  return JSON.stringify(problems, null, 2);
}
