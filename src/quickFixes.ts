// Quick fixes on FTP Log's problems (the light bulb, Ctrl+.): explain the
// reply, ignore its code, change its code's severity. Each is a command; the
// settings it writes refresh the diagnostics.

import * as vscode from 'vscode';
import { SHOW_EXPLANATION, explanationArgs } from './explanationLink';
import { settingsTarget } from './settingsWrite';
import { COMMANDS } from './commandIds';
import type { CodeArgs } from './replyCodeCommands';
import { logError } from './outputLog';

/** The reply code of one of our diagnostics, or undefined for any other (another source's, the "more problems" note). */
export function ftpCode(d: vscode.Diagnostic): string | undefined {
  if (d.source !== 'ftp-log') return undefined;
  const value = typeof d.code === 'object' ? d.code.value : d.code;
  return value === undefined ? undefined : String(value);
}

export class QuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
      const actions: vscode.CodeAction[] = [];
      const done = new Set<string>();
      for (const d of context.diagnostics) {
        const code = ftpCode(d);
        // One set per code: a selection over many 550s offers "Ignore 550" once.
        if (code === undefined || done.has(code)) continue;
        done.add(code);
        const args: CodeArgs = { code, uri: doc.uri.toString() };
        actions.push(
          action(`Explain ${code}`, d, { command: SHOW_EXPLANATION, title: `Explain ${code}`, arguments: [explanationArgs(doc.uri, d.range.start.line, d.range.start.character)] }),
          action(`Ignore ${code} in ${settingsTarget().label}`, d, { command: COMMANDS.ignoreCode, title: `Ignore ${code}`, arguments: [args] }),
          action(`Change severity of ${code}…`, d, { command: COMMANDS.changeSeverity, title: `Change severity of ${code}`, arguments: [args] }),
        );
      }
      return actions;
    } catch (e) {
      logError('quick fixes failed', e);
      return [];
    }
  }
}

function action(title: string, diagnostic: vscode.Diagnostic, command: vscode.Command): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.diagnostics = [diagnostic];
  a.command = command;
  return a;
}
