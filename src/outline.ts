// Outline adapter: the core's outline of a log as document symbols, which VS
// Code shows in the Outline view, the breadcrumbs and Go to Symbol. Sessions
// hold their exchanges; a failed exchange is an Event with a ✗ in its detail.

import * as vscode from 'vscode';
import { OutlineBuilder, type OutlineItem, type OutlineKind } from './core/features/outline';
import type { DocumentModels } from './documentModels';
import { sessionsOf } from './sessionModels';
import { slicesDone } from './taskClock';
import { logError } from './outputLog';

/** Items (sessions, exchanges) one step draws before it looks at the clock. */
const STEP_ITEMS = 200;

const KIND: Record<OutlineKind, vscode.SymbolKind> = {
  session: vscode.SymbolKind.Namespace,
  exchange: vscode.SymbolKind.Function,
  failed: vscode.SymbolKind.Event,
  note: vscode.SymbolKind.String,
};

function symbolOf(doc: vscode.TextDocument, item: OutlineItem): vscode.DocumentSymbol {
  const last = Math.min(item.endLine, doc.lineCount - 1);
  const range = new vscode.Range(item.line, 0, last, doc.lineAt(last).range.end.character);
  const first = doc.lineAt(item.line).range.end.character;
  // A symbol's selection lies inside its range; an empty selection names the whole first line.
  const selection = item.selection.end > item.selection.start
    ? new vscode.Range(item.line, Math.min(item.selection.start, first), item.line, Math.min(item.selection.end, first))
    : new vscode.Range(item.line, 0, item.line, Math.min(first, 200));
  const symbol = new vscode.DocumentSymbol(item.name, item.detail, KIND[item.kind], range, selection);
  symbol.children = item.children.map((c) => symbolOf(doc, c));
  return symbol;
}

export class OutlineAdapter implements vscode.DocumentSymbolProvider {
  constructor(private readonly models: DocumentModels) {}

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    try {
      const ready = await sessionsOf(this.models, doc, token);
      if (!ready) return undefined;
      const builder = new OutlineBuilder(ready.log, ready.sessions);
      const symbols: vscode.DocumentSymbol[] = [];
      let stale = false;
      await slicesDone(() => {
        stale = token.isCancellationRequested || this.models.get(doc) !== ready.log;
        if (stale) return true;
        const done = builder.step(STEP_ITEMS);
        for (let i = symbols.length; i < builder.items.length; i++) symbols.push(symbolOf(doc, builder.items[i]));
        return done;
      }, 'outline');
      return stale ? undefined : symbols;
    } catch (e) {
      logError('outline failed', e);
      return undefined;
    }
  }
}
