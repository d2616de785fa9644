// Live updates: edits, a large paste, undo and appends on disk all end where a fresh scan does.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, cliCheck, cliCheckText, closeAll, expectDiagnostics, FIXTURES, openFtpLog, tempFile } from './support';

describe('incremental diagnostics', () => {
  let editor: vscode.TextEditor;
  before(activateExtension);
  beforeEach(async () => {
    editor = await openFtpLog(tempFile('edit.ftplog', fs.readFileSync(path.join(FIXTURES, 'raw/session.ftplog'), 'utf8')));
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAll();
  });

  const settle = () => expectDiagnostics(editor.document.uri, cliCheckText(editor.document.getText()));

  it('insert a failing exchange in the middle', async () => {
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), 'STOR a.bin\n553 Could not create file.\n'));
    await settle();
  });

  it('open a multi-line reply that swallows later lines, then close it', async () => {
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), '230-Welcome\n'));
    await settle();
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), '230 Done\n'));
    await settle();
  });

  it('delete lines', async () => {
    await editor.edit((e) => e.delete(new vscode.Range(1, 0, 4, 0)));
    await settle();
  });

  it('type character by character', async () => {
    const at = new vscode.Position(editor.document.lineCount - 1, 0);
    await editor.edit((e) => e.insert(at, '\n'));
    for (const ch of 'RETR x\n550 No such file') {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((e) => e.insert(end, ch));
    }
    await settle();
  });

  it('edit at several cursors at once, across line breaks (one event, many changes)', async () => {
    const doc = editor.document;
    const last = doc.lineCount - 1;
    await editor.edit((e) => {
      // In one edit: replace the first code on line 1, split line 3 in two, join two lines near the end, append.
      e.replace(new vscode.Range(1, 0, 1, Math.min(3, doc.lineAt(1).text.length)), '550');
      e.insert(new vscode.Position(3, Math.min(2, doc.lineAt(3).text.length)), '\n421 Timeout.\nNOOP ');
      e.replace(new vscode.Range(last - 3, doc.lineAt(last - 3).text.length, last - 2, 0), ' ');
      e.insert(new vscode.Position(last, doc.lineAt(last).text.length), '\nDELE x\r\n450 Busy.');
    });
    await settle();
  });

  it('replace all at once', async () => {
    const doc = editor.document;
    await editor.edit((e) => {
      for (let i = 0; i < doc.lineCount; i++) {
        const t = doc.lineAt(i).text;
        const at = t.indexOf('2');
        if (at >= 0) e.replace(new vscode.Range(i, at, i, at + 1), '5');
      }
    });
    await settle();
  });

  it('paste 10k lines, then undo', async () => {
    const block = Array.from({ length: 2500 }, (_, i) => `RETR f${i}\n150 Opening\n${i % 3 ? '226 Done' : '426 Failure writing network stream.'}\nNOOP`).join('\n');
    const before = editor.document.getText();
    await editor.edit((e) => e.insert(new vscode.Position(5, 0), block + '\n'));
    await settle();
    await vscode.commands.executeCommand('undo');
    await expectDiagnostics(editor.document.uri, cliCheckText(before));
  });
});

describe('log growing on disk', () => {
  before(activateExtension);
  after(closeAll);

  it('picks up lines appended to an open, unmodified file', async () => {
    const file = tempFile('growing.ftplog', fs.readFileSync(path.join(FIXTURES, 'raw/session.ftplog'), 'utf8'));
    const editor = await openFtpLog(file);
    await expectDiagnostics(editor.document.uri, cliCheck(file));
    fs.appendFileSync(file, '\nRETR later.csv\n550 later.csv: No such file or directory\n');
    await expectDiagnostics(editor.document.uri, cliCheck(file), 30000);
    fs.appendFileSync(file, 'STOR x\n452 Error during write to file\n');
    await expectDiagnostics(editor.document.uri, cliCheck(file), 30000);
  });
});
