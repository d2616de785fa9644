// Reads the `ftpLog.*` settings the adapters honour.

import * as vscode from 'vscode';
import type { Severity } from './core/model';
import { replyCodeSet } from './core/replyCodeList';

export type SeveritySetting = Severity | 'none';

export interface DiagnosticSettings {
  enable: boolean;
  /** Severity for a code: a per-code entry wins over its class entry (`4xx`, `5xx`). */
  severityFor(code: number, fallback: Severity): SeveritySetting;
  ignored(code: number): boolean;
}

/** Every value a severity setting takes, most severe first. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'none'];

export function diagnosticSettings(scope?: vscode.Uri): DiagnosticSettings {
  const c = vscode.workspace.getConfiguration('ftpLog.diagnostics', scope);
  const overrides = c.get<Record<string, string>>('severity') ?? {};
  const ignore = replyCodeSet(c.get<unknown>('ignoreCodes'));
  const valid = (v: string | undefined): v is SeveritySetting => v !== undefined && (SEVERITY_SETTINGS as readonly string[]).includes(v);
  return {
    enable: c.get<boolean>('enable') ?? true,
    severityFor(code, fallback) {
      const byCode = overrides[String(code)];
      if (valid(byCode)) return byCode;
      const byClass = overrides[`${Math.floor(code / 100)}xx`];
      return valid(byClass) ? byClass : fallback;
    },
    ignored: (code) => ignore.has(String(code)),
  };
}

export function detectInLogFiles(): boolean {
  return vscode.workspace.getConfiguration('ftpLog').get<boolean>('detectInLogFiles') ?? true;
}
