// Switches `log` and `plaintext` documents whose content the core detects as
// FTP to the ftp-log language. Detection stays on for a file until the user
// moves it off ftp-log by hand: with the language picker (VS Code closes and
// reopens the document in the same moment while its editor stays open), or
// with a `files.associations` entry that names the file's language. Closing a
// detected file and reopening it (Reopen Closed Editor) is neither.

import * as vscode from 'vscode';
import { LogDocument } from './core/scan/document';
import type { Detected } from './core/scan/detect';
import { detectInLogFiles } from './settings';
import { LANGUAGE_ID } from './documentModels';
import { logError } from './outputLog';

const CANDIDATES = new Set(['log', 'plaintext']);
/** Detection reads the head of a document: enough for any family, cheap for a 50 MB log. */
const DETECT_LINES = 2000;
const LANGUAGE_CHANGE_MS = 1000;

/** The family the head of `doc` shows, or `none`. */
export function detectFamily(doc: vscode.TextDocument): Detected {
  const lines: string[] = [];
  for (let i = 0; i < Math.min(doc.lineCount, DETECT_LINES); i++) lines.push(doc.lineAt(i).text);
  return new LogDocument(lines).family;
}

/** True while an editor tab shows `uri`. */
function hasOpenTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => (t.input instanceof vscode.TabInputText || t.input instanceof vscode.TabInputTextDiff ? tabUri(t.input) === key : false)),
  );
}

function tabUri(input: vscode.TabInputText | vscode.TabInputTextDiff): string {
  return (input instanceof vscode.TabInputText ? input.uri : input.modified).toString();
}

/**
 * The language a `files.associations` entry gives `doc`, if one matches it.
 * As VS Code reads them: a pattern with a slash matches the path, one without
 * matches the file name.
 */
function associatedLanguage(doc: vscode.TextDocument): string | undefined {
  const associations = vscode.workspace.getConfiguration('files', doc.uri).get<Record<string, string>>('associations') ?? {};
  for (const [pattern, language] of Object.entries(associations)) {
    if (typeof language !== 'string') continue;
    const glob = pattern.includes('/') ? pattern : `**/${pattern}`;
    if (vscode.languages.match({ pattern: glob }, doc) > 0) return language;
  }
  return undefined;
}

export class LanguageDetection implements vscode.Disposable {
  private readonly optedOut = new Set<string>();
  /** An ftp-log document closed while its editor stayed open: the user is changing its language. */
  private readonly languageChangeAt = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.consider(d)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // Closing the editor closes its tab first; a language change keeps the tab.
        if (d.languageId === LANGUAGE_ID && hasOpenTab(d.uri)) this.languageChangeAt.set(d.uri.toString(), Date.now());
      }),
    );
    for (const d of vscode.workspace.textDocuments) void this.consider(d);
  }

  async consider(doc: vscode.TextDocument): Promise<void> {
    try {
      const key = doc.uri.toString();
      if (!CANDIDATES.has(doc.languageId)) return;
      const changed = this.languageChangeAt.get(key);
      this.languageChangeAt.delete(key);
      if (changed !== undefined && Date.now() - changed < LANGUAGE_CHANGE_MS) {
        this.optedOut.add(key);
        return;
      }
      if (this.optedOut.has(key) || !detectInLogFiles()) return;
      if (associatedLanguage(doc) !== undefined) return;
      if (detectFamily(doc) === 'none') return;
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } catch (e) {
      logError('language detection failed', e);
    }
  }

  /**
   * "FTP Log: Detect Log Format" on `doc`: detection runs again whatever the
   * user chose before; an FTP log becomes ftp-log and detection is back on for
   * it. Returns what it found.
   */
  async detectNow(doc: vscode.TextDocument): Promise<{ family: Detected; doc: vscode.TextDocument }> {
    const family = detectFamily(doc);
    if (family === 'none') return { family, doc };
    this.optedOut.delete(doc.uri.toString());
    const ftp = doc.languageId === LANGUAGE_ID ? doc : await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    return { family, doc: ftp };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
