// The status bar item of an ftp-log editor: the log format detection found
// and the document's problem count (`FTP Log · vsftpd · 3 problems`); a click
// opens the Problems panel.

import * as vscode from 'vscode';
import { familyInfo } from './core/families';
import type { Detected } from './core/scan/detect';
import { LANGUAGE_ID, type DocumentModels } from './documentModels';
import { logError } from './outputLog';

/** A family's name without its parenthesised details: `basic-ftp`, not `basic-ftp (Node.js; …)`. */
function shortLabel(family: Detected): string | undefined {
  return family === 'none' ? undefined : familyInfo(family).label.replace(/ \(.*$/, '');
}

function problemCount(uri: vscode.Uri): { errors: number; warnings: number; total: number } {
  let errors = 0;
  let warnings = 0;
  let total = 0;
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== 'ftp-log') continue;
    total++;
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings, total };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The item's text for a document whose model shows `family` and holds `total` problems. */
export function statusText(family: Detected | undefined, total: number | undefined): string {
  const parts = ['FTP Log'];
  const label = family === undefined ? undefined : shortLabel(family);
  if (label) parts.push(label);
  if (total !== undefined) parts.push(total === 0 ? 'no problems' : plural(total, 'problem'));
  return parts.join(' · ');
}

export class FtpLogStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ftpLog.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown = false;

  constructor(private readonly models: DocumentModels) {
    this.item.name = 'FTP Log';
    this.item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      vscode.workspace.onDidCloseTextDocument(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      models.onDidChange((doc) => {
        if (doc === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  /** Shows the item for an active ftp-log editor, hides it otherwise. */
  update(): void {
    try {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.isClosed || doc.languageId !== LANGUAGE_ID) {
        this.item.hide();
        this.shown = false;
        return;
      }
      const family = this.models.get(doc)?.family;
      const count = problemCount(doc.uri);
      this.item.text = statusText(family, family === undefined ? undefined : count.total);
      const format = family === undefined ? 'Reading the log…' : family === 'none' ? 'No FTP log format detected.' : `Detected format: ${familyInfo(family).label}.`;
      const problems = `${plural(count.errors, 'error')}, ${plural(count.warnings, 'warning')}.`;
      this.item.tooltip = `${format} ${problems} Click to open the Problems panel.`;
      this.item.show();
      this.shown = true;
    } catch (e) {
      logError('status bar update failed', e);
    }
  }

  /** What the item shows while it is shown, else undefined. */
  get shownText(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
