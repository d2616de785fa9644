// Keeps one scanned LogDocument per open ftp-log document, in step with the
// editor: edits are applied incrementally, and a large document is first
// scanned in slices so the extension host never stalls for long.

import * as vscode from 'vscode';
import { LogDocument } from './core/scan/document';
import { splitLines } from './core/scan/lines';
import { inSlices, timed } from './taskClock';
import { logInfo } from './outputLog';

export const LANGUAGE_ID = 'ftp-log';
/** Most lines read and scanned between two looks at the clock during the first scan. */
const CHUNK_LINES = 500;
/** Time one step of the first scan may take before it hands back (a slice holds several steps). */
const STEP_MS = 2;
/** Lines an edit re-scans at once; the rest goes on in slices of RESCAN_STEP_LINES. */
const EDIT_RESCAN_LINES = 5000;
const RESCAN_STEP_LINES = 1000;

interface Entry {
  model: LogDocument;
  ready: boolean;
  version: number;
  /** When the read began (Date.now()), for the log output. */
  started: number;
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
      vscode.workspace.onDidOpenTextDocument((d) => timed(() => this.track(d), 'open')),
      vscode.workspace.onDidChangeTextDocument((e) => timed(() => this.update(e), 'edit')),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) this.track(d);
  }

  /** The model of `doc` when it is fully scanned. */
  get(doc: vscode.TextDocument): LogDocument | undefined {
    const e = this.entries.get(doc.uri.toString());
    return e && e.ready && e.version === doc.version ? e.model : undefined;
  }

  /**
   * The model of `doc` once it is fully scanned (at once when it is), or
   * undefined when `doc` is not an ftp-log document, closes, or `token` cancels.
   */
  whenReady(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<LogDocument | undefined> {
    const ready = this.get(doc);
    if (ready || !this.entries.has(doc.uri.toString())) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const done = (model: LogDocument | undefined): void => {
        for (const s of subscriptions) s.dispose();
        resolve(model);
      };
      const subscriptions: vscode.Disposable[] = [
        this.onDidChange((d) => {
          if (d === doc) {
            const model = this.get(doc);
            if (model) done(model);
          }
        }),
        this.onDidClose((uri) => {
          if (uri.toString() === doc.uri.toString()) done(undefined);
        }),
      ];
      if (token) subscriptions.push(token.onCancellationRequested(() => done(undefined)));
    });
  }

  /** Starts tracking `doc` if it is an ftp-log document (also after a language switch). */
  track(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (doc.languageId !== LANGUAGE_ID) {
      if (this.entries.has(key)) this.forget(doc.uri);
      return;
    }
    if (this.entries.has(key)) return;
    this.restart(doc);
  }

  /** The first scan of `doc`, in slices; an edit or close meanwhile abandons it. */
  private load(doc: vscode.TextDocument, entry: Entry): void {
    const key = doc.uri.toString();
    inSlices(() => {
      if (this.entries.get(key) !== entry) return true;
      if (entry.version !== doc.version || doc.isClosed) {
        this.entries.delete(key);
        if (!doc.isClosed) this.track(doc);
        return true;
      }
      // Bounded by time, not only by lines: a line may be megabytes long.
      const from = entry.model.linesLoaded;
      const until = Date.now() + STEP_MS;
      const lines: string[] = [];
      for (let i = from; i < doc.lineCount && lines.length < CHUNK_LINES && (lines.length === 0 || Date.now() < until); i++) lines.push(doc.lineAt(i).text);
      if (!entry.model.load(lines)) return false;
      entry.ready = true;
      logInfo(`read ${vscode.workspace.asRelativePath(doc.uri)}: ${entry.model.lineCount} lines in ${Date.now() - entry.started} ms, detected ${entry.model.family}`);
      this.changed.fire(doc);
      return true;
    }, 'first scan');
  }

  private update(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document;
    const entry = this.entries.get(doc.uri.toString());
    if (!entry) return;
    if (!entry.ready) {
      // Still in the first scan: start over from the new text.
      this.restart(doc);
      return;
    }
    if (e.contentChanges.length === 0) {
      entry.version = doc.version;
      return;
    }
    // VS Code applies the changes of one event one after another (multi-cursor edits, replace all),
    // each on the text the previous one left; so does the model, re-scanning only until its state converges.
    const applied = e.contentChanges.every((c) => applyChange(entry.model, c));
    if (!applied || entry.model.lineCount !== doc.lineCount) {
      // Out of step with the editor (never expected): read the document again, in slices.
      this.restart(doc);
      return;
    }
    entry.version = doc.version;
    this.changed.fire(doc);
    if (entry.model.rescanPending) this.finishRescan(doc, entry);
  }

  /** Goes on with a re-scan an edit left pending, in slices; the next edit takes it over. */
  private finishRescan(doc: vscode.TextDocument, entry: Entry): void {
    const key = doc.uri.toString();
    const version = doc.version;
    inSlices(() => {
      if (this.entries.get(key) !== entry || entry.version !== version || doc.isClosed) return true;
      entry.model.continueRescan(RESCAN_STEP_LINES);
      if (entry.model.rescanPending) return false;
      this.changed.fire(doc);
      return true;
    }, 'rescan');
  }

  /** Reads `doc` into a new model, in slices. */
  private restart(doc: vscode.TextDocument): void {
    const fresh: Entry = { model: LogDocument.loading(doc.lineCount), ready: false, version: doc.version, started: Date.now() };
    this.entries.set(doc.uri.toString(), fresh);
    this.load(doc, fresh);
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

/** Applies one content change to the model's lines; false when its range lies outside them. */
function applyChange(model: LogDocument, c: vscode.TextDocumentContentChangeEvent): boolean {
  const { start, end } = c.range;
  if (end.line >= model.lineCount || start.line > end.line) return false;
  const lines = splitLines(c.text);
  lines[0] = model.lineText(start.line).slice(0, start.character) + lines[0];
  lines[lines.length - 1] += model.lineText(end.line).slice(end.character);
  model.replaceLines(start.line, end.line - start.line + 1, lines, EDIT_RESCAN_LINES);
  return true;
}
