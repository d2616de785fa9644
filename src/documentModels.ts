// Keeps one scanned LogDocument per open ftp-log document, in step with the
// editor: edits are applied incrementally, and a large document is first
// scanned in slices so the extension host never stalls for long.

import * as vscode from 'vscode';
import { LogDocument } from './core/document';
import { timed } from './taskClock';

export const LANGUAGE_ID = 'ftp-log';
/** How long one slice of the first scan may hold the extension host. */
const SLICE_MS = 15;
/** Lines read between two looks at the clock. */
const CLOCK_EVERY = 500;

interface Entry {
  model: LogDocument;
  /** Lines of the editor document already read into the model by the first scan. */
  loaded: number;
  ready: boolean;
  version: number;
}

export class DocumentModels implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's model is complete and after every change to it. */
  readonly onDidChange = this.changed.event;
  readonly onDidClose = this.closed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => timed(() => this.track(d))),
      vscode.workspace.onDidChangeTextDocument((e) => timed(() => this.update(e))),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) this.track(d);
  }

  /** The model of `doc` when it is fully scanned. */
  get(doc: vscode.TextDocument): LogDocument | undefined {
    const e = this.entries.get(doc.uri.toString());
    return e && e.ready && e.version === doc.version ? e.model : undefined;
  }

  /** Starts tracking `doc` if it is an ftp-log document (also after a language switch). */
  track(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (doc.languageId !== LANGUAGE_ID) {
      if (this.entries.has(key)) this.forget(doc.uri);
      return;
    }
    if (this.entries.has(key)) return;
    const entry: Entry = { model: new LogDocument([], doc.lineCount), loaded: 0, ready: false, version: doc.version };
    this.entries.set(key, entry);
    this.loadSlice(doc, entry);
  }

  private loadSlice(doc: vscode.TextDocument, entry: Entry): void {
    if (this.entries.get(doc.uri.toString()) !== entry) return;
    if (entry.version !== doc.version || doc.isClosed) {
      this.entries.delete(doc.uri.toString());
      if (!doc.isClosed) this.track(doc);
      return;
    }
    const started = Date.now();
    let end = entry.loaded;
    while (end < doc.lineCount && Date.now() - started < SLICE_MS) {
      const to = Math.min(doc.lineCount, end + CLOCK_EVERY);
      const lines: string[] = [];
      for (let i = end; i < to; i++) lines.push(doc.lineAt(i).text);
      entry.model.replaceLines(end, 0, lines);
      end = to;
    }
    entry.loaded = end;
    if (end < doc.lineCount) {
      setTimeout(() => timed(() => this.loadSlice(doc, entry)), 0);
    } else {
      entry.ready = true;
      this.changed.fire(doc);
    }
  }

  private update(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document;
    const entry = this.entries.get(doc.uri.toString());
    if (!entry) return;
    if (!entry.ready) {
      // Still in the first scan: start over from the new text.
      const fresh: Entry = { model: new LogDocument([], doc.lineCount), loaded: 0, ready: false, version: doc.version };
      this.entries.set(doc.uri.toString(), fresh);
      this.loadSlice(doc, fresh);
      return;
    }
    if (e.contentChanges.length === 1) {
      // Line-level translation of the edit; the model re-scans only until its state converges.
      const c = e.contentChanges[0];
      const start = c.range.start.line;
      const oldEnd = c.range.end.line;
      const insertedLines = countLineBreaks(c.text) + 1;
      const lines: string[] = [];
      for (let i = 0; i < insertedLines && start + i < doc.lineCount; i++) lines.push(doc.lineAt(start + i).text);
      entry.model.replaceLines(start, oldEnd - start + 1, lines);
    } else if (e.contentChanges.length > 1) {
      const lines: string[] = [];
      for (let i = 0; i < doc.lineCount; i++) lines.push(doc.lineAt(i).text);
      entry.model.replaceLines(0, entry.model.lineCount, lines);
    }
    entry.version = doc.version;
    if (e.contentChanges.length > 0) this.changed.fire(doc);
  }

  private forget(uri: vscode.Uri): void {
    if (this.entries.delete(uri.toString())) this.closed.fire(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.closed.dispose();
    this.entries.clear();
  }
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}
