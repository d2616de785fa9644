// Semantic tokens adapter: the core's reply codes and commands for the
// visible range, so lines whose prefix the grammar cannot know (a client's
// own log layout, learned from the log) are coloured like every other.

import * as vscode from 'vscode';
import { CODE_TOKEN_TYPES, codeTokens } from './core/features/codeTokens';
import type { DocumentModels } from './documentModels';
import { LANGUAGE_ID } from './documentModels';
import { timed } from './taskClock';
import { logError } from './outputLog';

export const CODE_TOKEN_LEGEND = new vscode.SemanticTokensLegend([...CODE_TOKEN_TYPES], []);

export class SemanticTokensAdapter implements vscode.DocumentRangeSemanticTokensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly models: DocumentModels) {
    this.subscriptions = [
      models.onDidChange(() => this.changed.fire()),
      vscode.languages.registerDocumentRangeSemanticTokensProvider({ language: LANGUAGE_ID }, this, CODE_TOKEN_LEGEND),
    ];
  }

  provideDocumentRangeSemanticTokens(doc: vscode.TextDocument, range: vscode.Range): vscode.SemanticTokens | undefined {
    try {
      const model = this.models.get(doc);
      if (!model) return undefined;
      return timed(() => {
        const builder = new vscode.SemanticTokensBuilder(CODE_TOKEN_LEGEND);
        for (const t of codeTokens(model, range.start.line, range.end.line + 1)) builder.push(t.line, t.start, t.length, t.type, 0);
        return builder.build();
      }, 'semantic tokens');
    } catch (e) {
      logError('semantic tokens failed', e);
      return undefined;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
