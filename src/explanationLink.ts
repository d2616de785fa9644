// The link from a problem's code to the explanation of its reply: a command
// URI for `ftpLog.showExplanation`, which the Problems panel and the editor's
// problem hover both open (they open a diagnostic's code target with command
// links allowed).

import * as vscode from 'vscode';

export const SHOW_EXPLANATION = 'ftpLog.showExplanation';

/** What `ftpLog.showExplanation` takes: the document and the position of the reply code. */
export interface ExplanationArgs {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

export function explanationArgs(uri: vscode.Uri, line: number, character: number): ExplanationArgs {
  return { uri: uri.toString(), line, character };
}

/**
 * The command URI. VS Code decodes its query once when it opens the URI object
 * (the hover) and twice when it goes through the link's text (the Problems
 * panel: `toString(true)`, then parsed again): a `%` in the document's URI
 * (`%20`, `%23`) would be decoded a second time there. Written as the JSON
 * escape `\u0025`, it reads the same both ways.
 */
export function explanationLink(uri: vscode.Uri, line: number, character: number): vscode.Uri {
  const json = JSON.stringify([explanationArgs(uri, line, character)]).replace(/%/g, '\\u0025');
  return vscode.Uri.from({ scheme: 'command', path: SHOW_EXPLANATION, query: encodeURIComponent(json) });
}
