// Problems panel adapter: the core's findings as diagnostics, refreshed
// (throttled) as the document changes, cleared when it closes.

import * as vscode from 'vscode';
import type { Finding, Severity } from './core/model';
import { defaultSeverity } from './core/features/findings';
import { explanationLink } from './explanationLink';
import type { DocumentModels } from './documentModels';
import { diagnosticSettings, type DiagnosticSettings } from './settings';
import { inSlices, timed } from './taskClock';
import { logError } from './outputLog';
import { findingsOf } from './core/features/findings';

const THROTTLE_MS = 150;
/** Lines whose findings are turned into diagnostics between two looks at the clock. */
const CHUNK_LINES = 16;
/** Time one step may take before it hands back (a slice holds several steps). */
const STEP_MS = 2;
/**
 * Most problems one document shows. Handing VS Code tens of thousands of
 * diagnostics stalls the extension host for seconds; past this many, a note
 * points to `ftp-log check`, which lists them all.
 */
export const MAX_DIAGNOSTICS = 2000;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The severity a failure's code is shown with under the settings, or undefined when the settings hide it. */
export function shownSeverity(code: number, settings: DiagnosticSettings): Severity | undefined {
  return settings.policy.severityOf(code, defaultSeverity(code));
}

function toDiagnostic(uri: vscode.Uri, f: Finding, severity: Severity): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(f.line, f.span.start, f.line, f.span.end), f.message, SEVERITY[severity]);
  d.source = 'ftp-log';
  // The code links to its explanation: the Problems panel and the editor's hover open it.
  d.code = { value: f.code, target: explanationLink(uri, f.line, f.span.start) };
  if (f.related) {
    const r = f.related;
    d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, new vscode.Range(r.line, r.span.start, r.line, r.span.end)), r.message)];
  }
  return d;
}

function tooMany(hidden: number): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    `${hidden} more FTP problems are not shown here (the first ${MAX_DIAGNOSTICS} are); \`ftp-log check\` lists them all.`,
    vscode.DiagnosticSeverity.Information,
  );
  d.source = 'ftp-log';
  return d;
}

export class DiagnosticsAdapter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ftp-log');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped per refresh: a slice of an outdated refresh stops when it sees a newer one. */
  private readonly generation = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly models: DocumentModels) {
    this.subscriptions.push(
      models.onDidChange((doc) => this.schedule(doc)),
      models.onDidClose((uri) => this.clear(uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ftpLog.diagnostics')) this.refreshAll();
      }),
    );
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (this.pending.has(key)) return;
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        timed(() => this.refresh(doc), 'diagnostics: start');
      }, THROTTLE_MS),
    );
  }

  refresh(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    const model = this.models.get(doc);
    if (!model || doc.isClosed) return;
    const settings = diagnosticSettings(doc.uri);
    if (!settings.enable) {
      this.collection.delete(doc.uri);
      return;
    }
    const version = doc.version;
    const list: vscode.Diagnostic[] = [];
    let hidden = 0;
    let from = 0;
    inSlices(() => {
      try {
        if (this.generation.get(key) !== generation || doc.isClosed || doc.version !== version) return true;
        // Bounded by time: one reply of a 4 KB line costs what a thousand short ones do.
        const until = Date.now() + STEP_MS;
        do {
          const to = Math.min(model.lineCount, from + CHUNK_LINES);
          for (const f of findingsOf(model, from, to)) {
            const severity = shownSeverity(f.code, settings);
            if (!severity) continue;
            if (list.length < MAX_DIAGNOSTICS) list.push(toDiagnostic(doc.uri, f, severity));
            else hidden++;
          }
          from = to;
        } while (from < model.lineCount && Date.now() < until);
        if (from < model.lineCount) return false;
        if (hidden > 0) list.push(tooMany(hidden));
        this.collection.set(doc.uri, list);
      } catch (e) {
        // Never throw into the host: a broken refresh leaves the last good diagnostics.
        logError('diagnostics failed', e);
      }
      return true;
    }, 'diagnostics');
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (this.models.get(doc)) this.refresh(doc);
  }

  private clear(uri: vscode.Uri): void {
    this.generation.delete(uri.toString());
    const t = this.pending.get(uri.toString());
    if (t) clearTimeout(t);
    this.pending.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
