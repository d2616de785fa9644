// Switches `log` and `plaintext` documents whose content the core detects as
// FTP to the ftp-log language. Detection stays on for a file until the user
// moves it off ftp-log by hand: with the language picker, or with a
// `files.associations` entry that names the file's language. VS Code reports
// a language change as the document closing and opening again, the same
// document object in the same moment; a file closed and reopened (Reopen
// Closed Editor) opens as a new document, and detection runs on it again.

import * as vscode from 'vscode';
import { LogDocument } from './core/scan/document';
import type { Detected } from './core/scan/detect';
import { detectInLogFiles } from './settings';
import { LANGUAGE_ID } from './documentModels';
import { logError, logInfo } from './outputLog';

const CANDIDATES = new Set(['log', 'plaintext']);
/** Detection reads the head of a document: enough for any family, cheap for a 50 MB log. */
const DETECT_LINES = 2000;

/** The family the head of `doc` shows, or `none`. */
export function detectFamily(doc: vscode.TextDocument): Detected {
  const lines: string[] = [];
  for (let i = 0; i < Math.min(doc.lineCount, DETECT_LINES); i++) lines.push(doc.lineAt(i).text);
  return new LogDocument(lines).family;
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
  /** Documents reported closed: one that opens again as the same object had its language changed. */
  private readonly closed = new WeakSet<vscode.TextDocument>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.consider(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed.add(d)),
    );
    for (const d of vscode.workspace.textDocuments) void this.consider(d);
  }

  async consider(doc: vscode.TextDocument): Promise<void> {
    try {
      const key = doc.uri.toString();
      if (!CANDIDATES.has(doc.languageId)) return;
      if (this.closed.has(doc)) {
        // The same document back under another language: a change made by hand (ours only ever set ftp-log).
        this.closed.delete(doc);
        this.optedOut.add(key);
        return;
      }
      if (this.optedOut.has(key) || !detectInLogFiles()) return;
      if (associatedLanguage(doc) !== undefined) return;
      const family = detectFamily(doc);
      if (family === 'none') return;
      logInfo(`detected ${family} in ${vscode.workspace.asRelativePath(doc.uri)} (${doc.languageId}): switching it to FTP Log`);
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
