// Switches `log` and `plaintext` documents whose content the core detects as
// FTP to the ftp-log language. A document the user moved off ftp-log by hand
// is left alone.

import * as vscode from 'vscode';
import { LogDocument } from './core/scan/document';
import { detectInLogFiles } from './settings';
import { LANGUAGE_ID } from './documentModels';
import { logError, logInfo } from './outputLog';

const CANDIDATES = new Set(['log', 'plaintext']);
/** Detection reads the head of a document: enough for any family, cheap for a 50 MB log. */
const DETECT_LINES = 2000;
const LANGUAGE_CHANGE_MS = 1000;

export class LanguageDetection implements vscode.Disposable {
  private readonly optedOut = new Set<string>();
  /** When an ftp-log document was last closed: a language change closes and reopens it at once. */
  private readonly closedAt = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.consider(d)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.languageId === LANGUAGE_ID) this.closedAt.set(d.uri.toString(), Date.now());
      }),
    );
    for (const d of vscode.workspace.textDocuments) void this.consider(d);
  }

  async consider(doc: vscode.TextDocument): Promise<void> {
    try {
      const key = doc.uri.toString();
      if (!CANDIDATES.has(doc.languageId)) return;
      const closed = this.closedAt.get(key);
      this.closedAt.delete(key);
      // An ftp-log document closed and reopened in the same moment: the user changed its language by hand.
      if (closed !== undefined && Date.now() - closed < LANGUAGE_CHANGE_MS) {
        this.optedOut.add(key);
        return;
      }
      if (this.optedOut.has(key) || !detectInLogFiles()) return;
      const lines: string[] = [];
      for (let i = 0; i < Math.min(doc.lineCount, DETECT_LINES); i++) lines.push(doc.lineAt(i).text);
      const family = new LogDocument(lines).family;
      if (family === 'none') return;
      logInfo(`detected ${family} in ${vscode.workspace.asRelativePath(doc.uri)} (${doc.languageId}): switching it to FTP Log`);
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } catch (e) {
      logError('language detection failed', e);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
