// Reads the `ftpLog.*` settings the adapters honour.

import * as vscode from 'vscode';
import { severityPolicy, type SeverityPolicy } from './core/features/severityPolicy';
import { replyCodeSet } from './core/replyCodeList';

export { SEVERITY_SETTINGS, type SeveritySetting } from './core/features/severityPolicy';

export interface DiagnosticSettings {
  enable: boolean;
  /** Which problems are shown and how (the same rule as `ftp-log check --ignore/--severity`). */
  policy: SeverityPolicy;
}

export function diagnosticSettings(scope?: vscode.Uri): DiagnosticSettings {
  const c = vscode.workspace.getConfiguration('ftpLog.diagnostics', scope);
  return {
    enable: c.get<boolean>('enable') ?? true,
    policy: severityPolicy({
      ignoreCodes: [...replyCodeSet(c.get<unknown>('ignoreCodes'))],
      severity: c.get<Record<string, string>>('severity') ?? {},
    }),
  };
}

export function detectInLogFiles(): boolean {
  return vscode.workspace.getConfiguration('ftpLog').get<boolean>('detectInLogFiles') ?? true;
}
