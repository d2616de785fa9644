// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format,
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): one run
// of the `ftp-log` tool, one result per problem, written as the problems are
// found; the rules (one per reply code seen) and the files that could not be
// read follow the results, which JSON's unordered members allow.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../core/model';
import { lookupCode } from '../core/catalogue/codes';
import type { CliProblem, Reporter } from './output';
import type { Sink } from './sink';
import { STDIN_NAME } from './input';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/ftp-log/ftp-log';

/** SARIF's levels (§3.27.10): information and hints are notes. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A file path as a URI (§3.4.3): an absolute path as a file: URL, a relative one as a relative reference. */
export function fileUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  const slashed = file.replace(/\\/g, '/');
  return slashed.split('/').map((part) => encodeURIComponent(part)).join('/');
}

function artifact(file: string): Record<string, unknown> {
  return file === STDIN_NAME ? { description: { text: 'standard input' } } : { uri: fileUri(file) };
}

export class SarifReporter implements Reporter {
  private count = 0;
  private readonly rules = new Map<string, number>();
  private readonly notifications: unknown[] = [];

  constructor(private readonly out: Sink, private readonly version: string) {}

  problem(p: CliProblem, f: Finding): void {
    if (this.count === 0) this.out.write(`{"$schema":${JSON.stringify(SCHEMA)},"version":"2.1.0","runs":[{"columnKind":"utf16CodeUnits","results":[\n`);
    let ruleIndex = this.rules.get(p.code);
    if (ruleIndex === undefined) this.rules.set(p.code, (ruleIndex = this.rules.size));
    const region = { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
    const result: Record<string, unknown> = {
      ruleId: p.code,
      ruleIndex,
      level: LEVEL[p.severity as Severity] ?? 'warning',
      message: { text: p.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(p.file), region } }],
    };
    if (f.related) {
      const r = f.related;
      result.relatedLocations = [
        {
          id: 0,
          message: { text: r.message },
          physicalLocation: { artifactLocation: artifact(p.file), region: { startLine: r.line + 1, startColumn: r.span.start + 1, endLine: r.line + 1, endColumn: r.span.end + 1 } },
        },
      ];
    }
    this.out.write((this.count++ === 0 ? '' : ',\n') + JSON.stringify(result));
  }

  unreadable(file: string, reason: string): void {
    this.notifications.push({ level: 'error', message: { text: reason }, locations: [{ physicalLocation: { artifactLocation: artifact(file) } }] });
  }

  end(): void {
    if (this.count === 0) this.out.write(`{"$schema":${JSON.stringify(SCHEMA)},"version":"2.1.0","runs":[{"columnKind":"utf16CodeUnits","results":[`);
    const rules = [...this.rules.keys()].map((code) => {
      const info = lookupCode(Number(code));
      return { id: code, name: `reply-${code}`, shortDescription: { text: `${code} ${info.short}` }, fullDescription: { text: info.meaning }, help: { text: `Run \`ftp-log explain ${code}\` for causes and what to try.` } };
    });
    const tool = { driver: { name: 'ftp-log', version: this.version, semanticVersion: this.version, informationUri: INFORMATION_URI, rules } };
    const invocation = { executionSuccessful: this.notifications.length === 0, toolExecutionNotifications: this.notifications };
    this.out.write(`\n],"tool":${JSON.stringify(tool)},"invocations":[${JSON.stringify(invocation)}]}]}\n`);
  }
}
