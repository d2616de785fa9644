// Hover adapter: asks the core what the position explains and shows it. The
// core escapes every character taken from the log; the one thing trusted is
// the "More…" link, and only for the command that opens the whole explanation.

import * as vscode from 'vscode';
import { hoverAt } from './core/features/hover';
import { withMoreLink } from './core/markdown/replyMarkdown';
import type { DocumentModels } from './documentModels';
import { timed } from './taskClock';
import { logError } from './outputLog';
import { explanationLink, SHOW_EXPLANATION } from './explanationLink';

function markdown(text: string, commandLink: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = commandLink ? { enabledCommands: [SHOW_EXPLANATION] } : false;
  md.supportHtml = false;
  return md;
}

/**
 * The "More…" link's target as Markdown link text: the command URI with its
 * query as encoded once (the hover's renderer decodes it once), and the
 * parentheses a file name may hold encoded too, so they cannot end the link.
 */
function moreTarget(uri: vscode.Uri, line: number, character: number): string {
  return explanationLink(uri, line, character).toString(true).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

export class HoverAdapter implements vscode.HoverProvider {
  constructor(private readonly models: DocumentModels) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    try {
      const model = this.models.get(doc);
      if (!model) return undefined;
      const h = timed(() => hoverAt(model, pos.line, pos.character), 'hover');
      if (!h) return undefined;
      const text = h.more ? withMoreLink(h.markdown, `[More…](${moreTarget(doc.uri, h.line, h.start)} "Open the whole explanation beside the editor")`) : h.markdown;
      return new vscode.Hover(markdown(text, h.more === true), new vscode.Range(h.line, h.start, h.line, h.end));
    } catch (e) {
      logError('hover failed', e);
      return undefined;
    }
  }
}
