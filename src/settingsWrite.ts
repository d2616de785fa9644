// Writes the `ftpLog.diagnostics` settings the quick fixes change: a code to
// ignore, a code's severity; in the workspace's settings when one is open
// (the fix is about this project's logs), else in the user's. The diagnostics
// refresh on the change event the write causes.

import * as vscode from 'vscode';
import type { SeveritySetting } from './settings';
import { logInfo } from './outputLog';

const SECTION = 'ftpLog.diagnostics';

/** Where a write goes, and the words a title or message names it with. */
export interface SettingsTarget {
  readonly target: vscode.ConfigurationTarget;
  /** "this workspace" or "user settings". */
  readonly label: string;
}

/** Where `ftpLog.diagnostics` is written: the workspace's settings when a folder or workspace is open, else the user's. */
export function settingsTarget(): SettingsTarget {
  const open = (vscode.workspace.workspaceFolders?.length ?? 0) > 0 || vscode.workspace.workspaceFile !== undefined;
  return open ? { target: vscode.ConfigurationTarget.Workspace, label: 'this workspace' } : { target: vscode.ConfigurationTarget.Global, label: 'user settings' };
}

/**
 * Adds `code` to `ftpLog.diagnostics.ignoreCodes`. A list set at a narrower
 * level replaces the wider ones (lists are not merged), so the new list starts
 * from the one in effect: codes the user ignores elsewhere stay ignored.
 */
export async function ignoreCode(code: string, scope?: vscode.Uri): Promise<SettingsTarget> {
  const where = settingsTarget();
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const current = (c.get<unknown[]>('ignoreCodes') ?? []).map((x) => String(x).trim());
  if (!current.includes(code)) {
    await c.update('ignoreCodes', [...current, code], where.target);
    logInfo(`settings: added ${code} to ftpLog.diagnostics.ignoreCodes in ${where.label}`);
  }
  return where;
}

/**
 * Sets the severity of `code` in `ftpLog.diagnostics.severity`. Objects are
 * merged across levels, so only the target level's own entries are rewritten.
 */
export async function setCodeSeverity(code: string, severity: SeveritySetting, scope?: vscode.Uri): Promise<SettingsTarget> {
  const where = settingsTarget();
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const inspected = c.inspect<Record<string, string>>('severity');
  const own = (where.target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await c.update('severity', { ...own, [code]: severity }, where.target);
  logInfo(`settings: set the severity of ${code} to ${severity} in ftpLog.diagnostics.severity of ${where.label}`);
  return where;
}
