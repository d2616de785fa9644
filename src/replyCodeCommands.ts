// "Ignore Reply Code…" and "Change Severity of Reply Code…": the quick fixes'
// commands, also in the palette. A quick fix names its code and document; from
// the palette the code is the failure on the cursor's line, confirmed (or
// typed) in an input box.

import * as vscode from 'vscode';
import type { DocumentModels } from './documentModels';
import { LANGUAGE_ID } from './documentModels';
import { defaultSeverity } from './core/features/findings';
import { diagnosticSettings, SEVERITY_SETTINGS, type SeveritySetting } from './settings';
import { ignoreCode, setCodeSeverity, settingsTarget } from './settingsWrite';
import { askReplyCode, REPLY_CODE } from './replyCodeInput';

const MESSAGE_MS = 4000;

/** What a quick fix passes: the code, the document it is in, and (for tests and keybindings) the severity. */
export interface CodeArgs {
  readonly code?: string;
  readonly uri?: string;
  readonly severity?: string;
}

/** The fields of `x` that are strings: a command may be run from anywhere, with anything. */
function codeArgs(x: unknown): CodeArgs | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const o = x as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  return { code: text(o.code), uri: text(o.uri), severity: text(o.severity) };
}

function scopeOf(args: CodeArgs | undefined): vscode.Uri | undefined {
  if (args?.uri) return vscode.Uri.parse(args.uri);
  return vscode.window.activeTextEditor?.document.uri;
}

/** The 4xx/5xx reply code on the active FTP log's cursor line, if there is one. */
function codeAtCursor(models: DocumentModels): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return undefined;
  const model = models.get(editor.document);
  const line = editor.selection.active.line;
  if (!model || line >= model.lineCount) return undefined;
  const code = model.codeOf(line);
  return code >= 400 && code < 600 ? String(code) : undefined;
}

async function codeOf(models: DocumentModels, args: CodeArgs | undefined, prompt: string): Promise<string | undefined> {
  if (args?.code !== undefined && REPLY_CODE.test(args.code)) return args.code;
  return askReplyCode('FTP Log', prompt, codeAtCursor(models));
}

export async function ignoreCodeCommand(models: DocumentModels, given?: unknown): Promise<string | undefined> {
  const args = codeArgs(given);
  const scope = scopeOf(args);
  const code = await codeOf(models, args, `Ignore which reply code in ${settingsTarget().label}?`);
  if (!code) return undefined;
  const where = await ignoreCode(code, scope);
  vscode.window.setStatusBarMessage(`FTP Log: ${code} replies are no longer problems in ${where.label}`, MESSAGE_MS);
  return code;
}

export async function changeSeverityCommand(models: DocumentModels, given?: unknown): Promise<SeveritySetting | undefined> {
  const args = codeArgs(given);
  const scope = scopeOf(args);
  const code = await codeOf(models, args, 'Change the severity of which reply code?');
  if (!code) return undefined;
  const severity = (SEVERITY_SETTINGS as readonly string[]).includes(args?.severity ?? '') ? (args!.severity as SeveritySetting) : await pickSeverity(code, scope);
  if (!severity) return undefined;
  const where = await setCodeSeverity(code, severity, scope);
  vscode.window.setStatusBarMessage(`FTP Log: ${code} replies are shown as ${severity} in ${where.label}`, MESSAGE_MS);
  return severity;
}

const DESCRIPTIONS: Record<SeveritySetting, string> = {
  error: 'an error in the Problems panel',
  warning: 'a warning',
  information: 'information',
  hint: 'a hint: dots under the code, not listed in the Problems panel',
  none: 'not shown at all',
};

async function pickSeverity(code: string, scope: vscode.Uri | undefined): Promise<SeveritySetting | undefined> {
  const settings = diagnosticSettings(scope);
  const current = settings.policy.settingFor(Number(code), defaultSeverity(Number(code)));
  const items = SEVERITY_SETTINGS.map((s) => ({ label: s, description: `${DESCRIPTIONS[s]}${s === current ? ' (current)' : ''}`, severity: s }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Severity of ${code} replies (${settingsTarget().label})`,
    placeHolder: settings.policy.ignores(Number(code)) ? `${code} is also in ftpLog.diagnostics.ignoreCodes, which hides it whatever its severity` : `Show ${code} replies as`,
  });
  return picked?.severity;
}
