// "Explain": the whole explanation of a reply (or of a command or payload),
// opened beside the log as the Markdown preview of a read-only virtual
// document, so the user's file is never touched and nothing is left to save.
// Each explained position has its own document: explaining it again shows the
// same tab, refreshed.

import * as vscode from 'vscode';
import { explanationAt } from './core/features/hover';
import { explainReply, replyToMarkdown } from './core/features/explain';
import { markdownText, ONE_LINE, shownText } from './core/markdown/shownText';
import type { DocumentModels } from './documentModels';
import { LANGUAGE_ID } from './documentModels';
import { timed } from './taskClock';
import { logError } from './outputLog';
import { askReplyCode, REPLY_CODE } from './replyCodeInput';

export const EXPLANATION_SCHEME = 'ftp-log-explanation';
const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';
/** Explanations kept for their open tabs; an older one reopened says how to get it back. */
const KEPT = 64;
const MESSAGE_MS = 4000;

/** What the command was asked to explain: a position in a document, a bare code, or (nothing) the cursor. */
type Subject = { kind: 'position'; uri: string; line: number; character: number } | { kind: 'code'; code: number } | { kind: 'cursor' };

/** The command may be run from a link, a quick fix, a keybinding or another extension: read only what has the right shape. */
export function subjectOf(x: unknown): Subject | undefined {
  if (x === undefined || x === null) return { kind: 'cursor' };
  if (typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.uri === 'string' && Number.isInteger(o.line) && Number.isInteger(o.character) && (o.line as number) >= 0 && (o.character as number) >= 0) {
    return { kind: 'position', uri: o.uri, line: o.line as number, character: o.character as number };
  }
  const code = typeof o.code === 'number' || typeof o.code === 'string' ? String(o.code).trim() : '';
  return REPLY_CODE.test(code) ? { kind: 'code', code: Number(code) } : undefined;
}

function say(message: string): void {
  vscode.window.setStatusBarMessage(`FTP Log: ${message}`, MESSAGE_MS);
}

/** An explanation: the tab's name (plain text) and the Markdown shown in it. */
interface Page {
  readonly name: string;
  readonly markdown: string;
}

export class ExplanationView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(EXPLANATION_SCHEME, this);

  constructor(private readonly models: DocumentModels) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.toString()) ?? 'This explanation is no longer kept. Run **Explain** on the reply again.\n';
  }

  /** `ftpLog.showExplanation`: returns the URI of the document opened, or undefined when there was nothing to explain. */
  async show(args?: unknown): Promise<vscode.Uri | undefined> {
    const subject = subjectOf(args);
    if (!subject) {
      say('nothing to explain: expected {uri, line, character} or {code}');
      return undefined;
    }
    const page = await this.pageFor(subject);
    if (!page) return undefined;
    const uri = vscode.Uri.from({ scheme: EXPLANATION_SCHEME, path: `/${page.name}.md` });
    const key = uri.toString();
    const known = this.pages.has(key);
    this.pages.delete(key);
    this.pages.set(key, page.markdown);
    for (const old of this.pages.keys()) {
      if (this.pages.size <= KEPT) break;
      this.pages.delete(old);
    }
    if (known) this.changed.fire(uri);
    await openBeside(uri);
    return uri;
  }

  private async pageFor(subject: Subject): Promise<Page | undefined> {
    if (subject.kind === 'code') return codePage(subject.code);
    let doc: vscode.TextDocument | undefined;
    let line: number;
    let character: number;
    if (subject.kind === 'position') {
      doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === subject.uri);
      ({ line, character } = subject);
    } else {
      const editor = vscode.window.activeTextEditor;
      doc = editor?.document.languageId === LANGUAGE_ID ? editor.document : undefined;
      ({ line, character } = editor?.selection.active ?? { line: 0, character: 0 });
      if (!doc) return this.askForCode();
    }
    if (!doc) {
      say('that log is no longer open');
      return undefined;
    }
    const model = this.models.get(doc);
    if (!model) {
      say('still reading this log; try again in a moment');
      return undefined;
    }
    if (line >= model.lineCount) return undefined;
    const explained = timed(() => explanationAt(model, line, character));
    if (!explained) {
      // From the palette on a line with nothing under the cursor: ask, offering the line's code.
      if (subject.kind === 'cursor') return this.askForCode(model.codeOf(line));
      say('nothing to explain at that position');
      return undefined;
    }
    const code = model.codeOf(line);
    const onCode = code >= 100 && model.lineResult(line).codeSpan?.start === explained.start;
    const file = doc.uri.path.split('/').pop() || doc.uri.toString();
    const where = `${file}:${line + 1}`;
    const name = shownText(onCode ? `${code} at ${where}` : `${where}:${explained.start + 1}`, ONE_LINE).replace(/[/\\]/g, '_');
    const heading = `# ${markdownText(onCode ? `${code} at ${where}` : `Line ${line + 1} of ${file}`, ONE_LINE)}`;
    return { name, markdown: `${heading}\n\n${explained.markdown}` };
  }

  private async askForCode(offered?: number): Promise<Page | undefined> {
    const code = await askReplyCode('FTP Log: Explain Reply Code', 'Explain which reply code?', offered !== undefined && offered >= 100 ? String(offered) : undefined);
    return code === undefined ? undefined : codePage(Number(code));
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.pages.clear();
  }
}

/** A code on its own: what `ftp-log explain CODE` prints. */
function codePage(code: number): Page {
  return { name: `${code} explained`, markdown: `# FTP reply ${code}\n\n${replyToMarkdown(explainReply({ code }))}` };
}

/**
 * Opens `uri` beside the active editor: rendered by VS Code's Markdown preview
 * when that built-in extension is there (a user may disable it; its command
 * exists only once it is activated, which running it does), else as the
 * read-only Markdown source.
 */
async function openBeside(uri: vscode.Uri): Promise<void> {
  if (vscode.extensions.getExtension(MARKDOWN_EXTENSION)) {
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      return;
    } catch (e) {
      logError('the Markdown preview did not open; showing the explanation as text', e);
    }
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
