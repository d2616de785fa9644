// Hover adapter: asks the core what the position explains and shows it as
// untrusted Markdown (the core escapes every character taken from the log).

import * as vscode from 'vscode';
import { hoverAt } from './core/features/hover';
import type { DocumentModels } from './documentModels';
import { timed } from './taskClock';
import { logError } from './outputLog';

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export class HoverAdapter implements vscode.HoverProvider {
  constructor(private readonly models: DocumentModels) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    try {
      const model = this.models.get(doc);
      if (!model) return undefined;
      const h = timed(() => hoverAt(model, pos.line, pos.character), 'hover');
      if (!h) return undefined;
      return new vscode.Hover(markdown(h.markdown), new vscode.Range(h.line, h.start, h.line, h.end));
    } catch (e) {
      logError('hover failed', e);
      return undefined;
    }
  }
}
