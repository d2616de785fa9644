// "Go to Next / Previous Failure": moves the cursor of the active FTP log to
// the nearest 4xx/5xx reply the Problems panel lists (the core's findings,
// filtered by the same settings as the diagnostics), wrapping at either end.
// Like the Problems panel and F8, it passes over codes set to `hint`: a hint
// is what the user moved out of the list. Read from the model rather than the
// diagnostics, it also reaches the failures past the panel's cap.

import * as vscode from 'vscode';
import { failureFrom, type Direction } from './core/features/failures';
import type { DocumentModels } from './documentModels';
import { LANGUAGE_ID } from './documentModels';
import { diagnosticSettings } from './settings';
import { shownSeverity } from './diagnostics';
import { timed } from './taskClock';
import type { Severity } from './core/model';

const MESSAGE_MS = 4000;

/** Where the cursor went (0-based), for whoever ran the command; undefined when it did not move. */
export interface FailureJump {
  readonly line: number;
  readonly character: number;
  readonly code: number;
  readonly wrapped: boolean;
}

/** Whether the Problems panel lists a problem of this severity (it leaves hints out, and so does F8). */
function listed(severity: Severity | undefined): boolean {
  return severity !== undefined && severity !== 'hint';
}

function say(message: string): void {
  vscode.window.setStatusBarMessage(`FTP Log: ${message}`, MESSAGE_MS);
}

export function goToFailure(models: DocumentModels, direction: Direction): FailureJump | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    say('the active editor is not an FTP log');
    return undefined;
  }
  const doc = editor.document;
  const model = models.get(doc);
  if (!model) {
    say('still reading this log; try again in a moment');
    return undefined;
  }
  const settings = diagnosticSettings(doc.uri);
  if (!settings.enable) {
    say('problems are turned off (ftpLog.diagnostics.enable)');
    return undefined;
  }
  const from = direction === 'next' ? editor.selection.end : editor.selection.start;
  const stop = timed(() => failureFrom(model, from.line, from.character, direction, (code) => listed(shownSeverity(code, settings))));
  if (!stop) {
    say('no failures in this log');
    return undefined;
  }
  const { finding: f, wrapped } = stop;
  const at = new vscode.Position(f.line, f.span.start);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(f.line, f.span.start, f.line, f.span.end), vscode.TextEditorRevealType.InCenter);
  if (wrapped) say(direction === 'next' ? `past the last failure: back to the first (${f.code}, line ${f.line + 1})` : `before the first failure: on to the last (${f.code}, line ${f.line + 1})`);
  return { line: f.line, character: f.span.start, code: f.code, wrapped };
}
