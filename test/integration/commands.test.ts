// FTP Log's commands and quick fixes in the real workbench: each is run the way
// VS Code runs it (executeCommand, the code action provider, the pickers) and
// checked by its effect: the selection moved, the settings written, the
// explanation opened beside the log, the output channel shown.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LogDocument } from '../../src/core/scan/document';
import { splitLines } from '../../src/core/scan/lines';
import { explanationAt } from '../../src/core/features/hover';
import { explainReply, replyToMarkdown } from '../../src/core/features/explain';
import { markdownText, ONE_LINE } from '../../src/core/markdown/shownText';
import { activateExtension, asProblems, cliCheck, closeAll, expectDiagnostics, fixtureFiles, openFtpLog, setSetting, tempFile, waitFor, type CliProblem } from './support';

const SCHEME = 'ftp-log-explanation';
const SETTINGS = ['enable', 'severity', 'ignoreCodes'];
/** The heading of an explanation of the reply at `line` (1-based) of the fixture. */
const heading = (code: string, line: number) => `# ${markdownText(`${code} at session.ftplog:${line}`, ONE_LINE)}\n\n`;

/** Clears what the tests write, in the workspace (where the commands write) and in the user's settings. */
async function resetSettings(): Promise<void> {
  const c = vscode.workspace.getConfiguration('ftpLog.diagnostics');
  for (const k of SETTINGS) {
    await c.update(k, undefined, vscode.ConfigurationTarget.Workspace);
    await c.update(k, undefined, vscode.ConfigurationTarget.Global);
  }
}

function at(editor: vscode.TextEditor): string {
  const s = editor.selection;
  assert.ok(s.isEmpty, 'the selection is a cursor');
  return `${s.active.line + 1}:${s.active.character + 1}`;
}

const where = (p: CliProblem) => `${p.line}:${p.column}`;

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

/** The quick fixes FTP Log offers on the problem at `p`, by title. */
async function fixesOn(uri: vscode.Uri, p: CliProblem): Promise<Map<string, vscode.CodeAction>> {
  const range = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
  // The provider only sees the diagnostics once they are published: wait for our fixes.
  const deadline = Date.now() + 20000;
  for (;;) {
    const fixes = (await quickFixes(uri, range)).filter((a) => a.title.includes(p.code));
    if (fixes.length > 0) return new Map(fixes.map((a) => [a.title, a]));
    if (Date.now() > deadline) throw new Error(`no quick fixes on ${p.code} at ${where(p)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function run(action: vscode.CodeAction | undefined): Promise<unknown> {
  assert.ok(action?.command, 'the quick fix runs a command');
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** The tabs showing a Markdown preview, with the group they are in. */
function previewTabs(): { tab: vscode.Tab; column: vscode.ViewColumn }[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)).map((tab) => ({ tab, column: g.viewColumn })),
  );
}

async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

/** Runs a command that waits in a quick pick or input box, then accepts the item at `down` steps below the first. */
async function answerPicker(command: Thenable<unknown>, down = 0): Promise<unknown> {
  // The picker opens asynchronously: give it time to show before moving in it.
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < down; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return command;
}

describe('commands', () => {
  const file = fixtureFiles().find((f) => f.endsWith('raw/session.ftplog'))!;
  const problems = cliCheck(file);
  let editor: vscode.TextEditor;

  before(async () => {
    await activateExtension();
    await resetSettings();
  });
  beforeEach(async () => {
    editor = await openFtpLog(file);
    await expectDiagnostics(editor.document.uri, problems);
  });
  afterEach(async () => {
    await resetSettings();
    await closeAll();
  });

  it('every command is in the palette under "FTP Log" and registered', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'ftp-log')!;
    const declared: { command: string; category?: string; title: string }[] = ext.packageJSON.contributes.commands;
    const ids = declared.map((c) => c.command);
    for (const id of ['ftpLog.nextFailure', 'ftpLog.previousFailure', 'ftpLog.showExplanation', 'ftpLog.ignoreCode', 'ftpLog.changeSeverity', 'ftpLog.showOutput']) {
      assert.ok(ids.includes(id), `${id} is declared`);
    }
    for (const c of declared) assert.equal(c.category, 'FTP Log', `${c.command} is in the FTP Log category`);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of ids) assert.ok(registered.has(id), `${id} is registered`);
  });

  it('Go to Next Failure visits every problem in order and wraps to the first', async () => {
    assert.ok(problems.length >= 3, 'the fixture has several failures');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const seen: string[] = [];
    for (let i = 0; i < problems.length; i++) {
      const jump = await vscode.commands.executeCommand<{ wrapped: boolean }>('ftpLog.nextFailure');
      assert.equal(jump?.wrapped, false);
      seen.push(at(editor));
    }
    assert.deepEqual(seen, problems.map(where));
    const wrap = await vscode.commands.executeCommand<{ wrapped: boolean; line: number }>('ftpLog.nextFailure');
    assert.equal(wrap?.wrapped, true);
    assert.equal(at(editor), where(problems[0]));
    // The jump is revealed: the failure's line comes on screen (the editor reports its visible
    // ranges once it has scrolled, a moment after the command returns).
    await waitFor('the failure on screen', () => editor.visibleRanges.some((r) => r.contains(editor.selection.active)), 5000);
  });

  it('Go to Previous Failure walks back and wraps to the last', async () => {
    const first = problems[0];
    editor.selection = new vscode.Selection(first.line - 1, first.column - 1, first.line - 1, first.column - 1);
    const wrap = await vscode.commands.executeCommand<{ wrapped: boolean }>('ftpLog.previousFailure');
    assert.equal(wrap?.wrapped, true);
    assert.equal(at(editor), where(problems.at(-1)!));
    const back = await vscode.commands.executeCommand<{ wrapped: boolean }>('ftpLog.previousFailure');
    assert.equal(back?.wrapped, false);
    assert.equal(at(editor), where(problems.at(-2)!));
  });

  it('next failure passes over codes the settings hide or turn into hints', async () => {
    const [a, b, c] = problems;
    await setSetting('ftpLog.diagnostics.ignoreCodes', [Number(b.code)]);
    await setSetting('ftpLog.diagnostics.severity', { [c.code]: 'hint' });
    await expectDiagnostics(editor.document.uri, problems.filter((p) => p !== b).map((p) => (p === c ? { ...p, severity: 'hint' } : p)));
    editor.selection = new vscode.Selection(a.line - 1, a.column - 1, a.line - 1, a.column - 1);
    await vscode.commands.executeCommand('ftpLog.nextFailure');
    assert.equal(at(editor), where(problems[3]));
  });

  it("VS Code's own next problem (F8, Alt+F8) lands on the same failures", async () => {
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.marker.next');
    await waitFor('Alt+F8 to move the cursor', () => at(editor) === where(problems[0]));
    await vscode.commands.executeCommand('editor.action.marker.nextInFiles');
    await waitFor('F8 to move the cursor', () => at(editor) === where(problems[1]));
  });

  it('offers Explain, Ignore and Change severity on a problem, and nothing on a line without one', async () => {
    const p = problems.find((x) => x.code === '550')!;
    const fixes = await fixesOn(editor.document.uri, p);
    assert.deepEqual([...fixes.keys()], ['Explain 550', 'Ignore 550 in this workspace', 'Change severity of 550…']);
    for (const a of fixes.values()) {
      assert.equal(a.kind?.value, vscode.CodeActionKind.QuickFix.value);
      // (executeCodeActionProvider does not hand back the actions' diagnostics: the arguments name the code.)
      assert.match(JSON.stringify(a.command?.arguments), /"(code":"550|line":32)/);
    }
    const greeting = await quickFixes(editor.document.uri, new vscode.Range(0, 0, 0, 3));
    assert.deepEqual(greeting.filter((a) => /^(Explain|Ignore|Change severity of) \d{3}/.test(a.title)), []);
  });

  it('Explain opens the full explanation beside the log, read-only, and leaves the log untouched', async () => {
    const p = problems.find((x) => x.code === '550')!;
    const before = editor.document.getText();
    const opened = (await run((await fixesOn(editor.document.uri, p)).get('Explain 550'))) as vscode.Uri;
    assert.equal(opened?.scheme, SCHEME);
    const model = new LogDocument(splitLines(fs.readFileSync(file, 'utf8')));
    const want = explanationAt(model, p.line - 1, p.column - 1)!.markdown;
    const text = await textOf(opened);
    assert.ok(text.startsWith(heading('550', p.line)), text.slice(0, 80));
    assert.ok(text.endsWith(want), 'the explanation is the hover\'s whole explanation');
    const previews = await waitFor('a Markdown preview beside the log', () => {
      const tabs = previewTabs();
      return tabs.length > 0 && tabs;
    }).catch((e: Error) => {
      const all = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${g.viewColumn}: ${t.label} ${JSON.stringify(t.input)} ${t.input?.constructor?.name}`));
      throw new Error(`${e.message}; tabs: ${all.join(' | ')}`);
    });
    assert.ok(previews.every((t) => t.column !== editor.viewColumn), 'the preview is beside the log, not over it');
    assert.ok(previews.some((t) => t.tab.label.includes('550')), previews.map((t) => t.tab.label).join());
    // Nothing is written: not the log, and the explanation is no file to save.
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
    const explanation = vscode.workspace.textDocuments.find((d) => d.uri.toString() === opened.toString());
    assert.ok(explanation, 'the preview reads the explanation document');
    assert.equal(explanation.isDirty, false);
    assert.equal(explanation.isUntitled, false);
  });

  it("a problem's code links to its explanation", async () => {
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'ftp-log');
    assert.equal(diagnostics.length, problems.length);
    for (const d of diagnostics) {
      assert.ok(typeof d.code === 'object', 'the code has a target');
      const target = d.code.target;
      assert.equal(target.scheme, 'command');
      assert.equal(target.path, 'ftpLog.showExplanation');
      const args = JSON.parse(decodeURIComponent(target.query));
      assert.deepEqual(args, [{ uri: editor.document.uri.toString(), line: d.range.start.line, character: d.range.start.character }]);
    }
    // Run as the Problems panel runs it: the command with the link's arguments.
    const d = diagnostics.find((x) => typeof x.code === 'object' && x.code.value === 425)!;
    const target = (d.code as { target: vscode.Uri }).target;
    const opened = await vscode.commands.executeCommand<vscode.Uri>(target.path, ...JSON.parse(decodeURIComponent(target.query)));
    assert.ok((await textOf(opened)).startsWith(heading('425', 39)));
  });

  it('Explain takes a bare code, and from the palette asks for one where the cursor is on none', async () => {
    const bare = await vscode.commands.executeCommand<vscode.Uri>('ftpLog.showExplanation', { code: '421' });
    assert.equal(await textOf(bare), `# FTP reply 421\n\n${replyToMarkdown(explainReply({ code: 421 }))}`);
    // From the palette: no arguments, the cursor on the reply text of line 2 explains nothing there, so the box offers that line's code.
    editor.selection = new vscode.Selection(1, 40, 1, 40);
    const asked = (await answerPicker(vscode.commands.executeCommand('ftpLog.showExplanation'))) as vscode.Uri;
    assert.equal(await textOf(asked), `# FTP reply 220\n\n${replyToMarkdown(explainReply({ code: 220 }))}`);
    // On a code, no question: the explanation of that reply.
    const p = problems[0];
    editor.selection = new vscode.Selection(p.line - 1, p.column, p.line - 1, p.column);
    const onCode = await vscode.commands.executeCommand<vscode.Uri>('ftpLog.showExplanation');
    assert.ok((await textOf(onCode)).startsWith(heading(p.code, p.line)));
    // Anything else is refused without throwing.
    assert.equal(await vscode.commands.executeCommand('ftpLog.showExplanation', { code: 'rm -rf' }), undefined);
    assert.equal(await vscode.commands.executeCommand('ftpLog.showExplanation', 42), undefined);
  });

  it('Ignore writes the code to the workspace settings, as a string, keeping the codes already ignored', async () => {
    const kept = problems.find((x) => x.code === '425')!;
    // The user's own list, with a number in it (the setting took numbers before).
    await setSetting('ftpLog.diagnostics.ignoreCodes', [425]);
    await expectDiagnostics(editor.document.uri, problems.filter((x) => x !== kept));
    const p = problems.find((x) => x.code === '550')!;
    await run((await fixesOn(editor.document.uri, p)).get('Ignore 550 in this workspace'));
    const inspected = vscode.workspace.getConfiguration('ftpLog.diagnostics').inspect<unknown[]>('ignoreCodes')!;
    assert.deepEqual(inspected.workspaceValue, ['425', '550']);
    assert.deepEqual(inspected.globalValue, [425], 'the user settings are left alone');
    await expectDiagnostics(editor.document.uri, problems.filter((x) => x.code !== '550' && x.code !== '425'));
  });

  it('Change severity picks a severity and writes it to the workspace settings', async () => {
    await setSetting('ftpLog.diagnostics.severity', { '5xx': 'warning' });
    const p = problems.find((x) => x.code === '425')!;
    const fix = (await fixesOn(editor.document.uri, p)).get('Change severity of 425…');
    assert.ok(fix?.command);
    // The picker lists error, warning, information, hint, none: take "information".
    const chosen = await answerPicker(vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), 2);
    assert.equal(chosen, 'information');
    const inspected = vscode.workspace.getConfiguration('ftpLog.diagnostics').inspect<Record<string, string>>('severity')!;
    assert.deepEqual(inspected.workspaceValue, { '425': 'information' });
    assert.deepEqual(inspected.globalValue, { '5xx': 'warning' });
    await expectDiagnostics(
      editor.document.uri,
      problems.map((x) => ({ ...x, severity: x.code === '425' ? 'information' : x.code.startsWith('5') ? 'warning' : x.severity })),
    );
  });

  it('Ignore Reply Code from the palette offers the code on the cursor line', async () => {
    const p = problems.find((x) => x.code === '553')!;
    editor.selection = new vscode.Selection(p.line - 1, 5, p.line - 1, 5);
    const ignored = await answerPicker(vscode.commands.executeCommand('ftpLog.ignoreCode'));
    assert.equal(ignored, '553');
    assert.deepEqual(vscode.workspace.getConfiguration('ftpLog.diagnostics').inspect('ignoreCodes')!.workspaceValue, ['553']);
    await expectDiagnostics(editor.document.uri, problems.filter((x) => x.code !== '553'));
  });

  it('Show Log Output shows the FTP Log output channel', async () => {
    await vscode.commands.executeCommand('ftpLog.showOutput');
    const channel = await waitFor('the FTP Log output shown', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'output' && /FTP Log|ftp-log/i.test(e.document.uri.toString())),
    );
    assert.match(channel.document.getText(), /activated in \d+ ms/);
  });

  it('the commands say so and change nothing where there is nothing to do', async () => {
    const clean = await openFtpLog(tempFile('clean.ftplog', '220 Ready.\nUSER a\n331 Password required.\nPASS x\n230 OK.\nQUIT\n221 Bye.\n'));
    await waitFor('the clean log read', () => asProblems(vscode.languages.getDiagnostics(clean.document.uri)).length === 0);
    clean.selection = new vscode.Selection(2, 1, 2, 1);
    assert.equal(await vscode.commands.executeCommand('ftpLog.nextFailure'), undefined);
    assert.equal(await vscode.commands.executeCommand('ftpLog.previousFailure'), undefined);
    assert.equal(at(clean), '3:2');
    const text = await vscode.workspace.openTextDocument({ content: '550 not an FTP log editor', language: 'plaintext' });
    await vscode.window.showTextDocument(text);
    assert.equal(await vscode.commands.executeCommand('ftpLog.nextFailure'), undefined);
  });
});
