// Detection: .log / plain-text documents holding FTP switch to ftp-log, others stay.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAll, FIXTURES, setSetting, tempFile, waitFor } from './support';
import type { FtpLogApi } from '../../src/extension';

async function languageAfterOpen(file: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  // Give detection its turn, then read the language the open document ended up with.
  await new Promise((r) => setTimeout(r, 600));
  const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString());
  return now?.languageId ?? doc.languageId;
}

function asLog(fixture: string, name: string): string {
  return tempFile(name, fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'));
}

function openDoc(file: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
}

describe('detection', () => {
  let api: FtpLogApi;
  before(async () => {
    api = await activateExtension();
  });
  afterEach(async () => {
    await setSetting('ftpLog.detectInLogFiles', undefined);
    await setSetting('files.associations', undefined);
    await closeAll();
  });

  it('switches a .log file holding a FileZilla Server log to ftp-log', async () => {
    assert.equal(await languageAfterOpen(asLog('filezilla-server/filezilla-server.log', 'server.log')), 'ftp-log');
  });

  it('switches a plain-text curl transcript', async () => {
    assert.equal(await languageAfterOpen(asLog('curl/upload-verbose.txt', 'session.txt')), 'ftp-log');
  });

  it('leaves nginx, syslog and application logs alone', async () => {
    for (const f of ['none/nginx-access.log', 'none/syslog', 'none/app.log']) {
      assert.equal(await languageAfterOpen(asLog(f, 'other.log')), 'log', f);
    }
  });

  it('does nothing when ftpLog.detectInLogFiles is off', async () => {
    await setSetting('ftpLog.detectInLogFiles', false);
    assert.equal(await languageAfterOpen(asLog('vsftpd/vsftpd.log', 'off.log')), 'log');
  });

  it('does not switch again a document the user switched back by hand', async () => {
    const file = asLog('vsftpd/vsftpd.log', 'back.log');
    assert.equal(await languageAfterOpen(file), 'ftp-log');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file)!;
    await vscode.languages.setTextDocumentLanguage(doc, 'log');
    await new Promise((r) => setTimeout(r, 800));
    const now = await waitFor('document', () => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file));
    assert.equal(now.languageId, 'log');
  });

  it('keeps a detected file FTP Log when it is closed and reopened at once (Reopen Closed Editor)', async () => {
    const file = asLog('vsftpd/vsftpd.log', 'reopen.log');
    // Opened as a user opens it: a document an extension opened stays open a while after its editor closes.
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    await waitFor('detection', () => openDoc(file)?.languageId === 'ftp-log');
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.fsPath === file) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // The document itself must have closed, or this would not be the case it tests.
    await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the document did not close')), 10000))]);
    await vscode.commands.executeCommand('workbench.action.reopenClosedEditor');
    const reopened = await waitFor('the reopened document', () => openDoc(file));
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(openDoc(file)?.languageId ?? reopened.languageId, 'ftp-log');
  });

  it('leaves alone a file whose language files.associations sets', async () => {
    await setSetting('files.associations', { 'assoc-*.log': 'log' });
    assert.equal(await languageAfterOpen(asLog('vsftpd/vsftpd.log', 'assoc-1.log')), 'log');
  });

  it('detects again on "FTP Log: Detect Log Format", also a file switched back by hand', async () => {
    const file = asLog('vsftpd/vsftpd.log', 'again.log');
    assert.equal(await languageAfterOpen(file), 'ftp-log');
    await vscode.languages.setTextDocumentLanguage(openDoc(file)!, 'log');
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(openDoc(file)?.languageId, 'log');
    await vscode.window.showTextDocument(openDoc(file)!);
    assert.equal(await vscode.commands.executeCommand('ftpLog.detectFormat'), 'vsftpd');
    await waitFor('ftp-log again', () => openDoc(file)?.languageId === 'ftp-log');
    // And it shows in the status bar with the problem count.
    const doc = openDoc(file)!;
    await vscode.window.showTextDocument(doc);
    const problems = await waitFor('diagnostics', () => {
      const n = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'ftp-log').length;
      return n > 0 ? n : undefined;
    });
    await waitFor(`status "FTP Log · vsftpd · ${problems} problems"`, () => api.statusText() === `FTP Log · vsftpd · ${problems} problems`);
  });

  it('says so when the active file holds no FTP log', async () => {
    const file = asLog('none/nginx-access.log', 'nginx.log');
    assert.equal(await languageAfterOpen(file), 'log');
    assert.equal(await vscode.commands.executeCommand('ftpLog.detectFormat'), 'none');
    assert.equal(openDoc(file)?.languageId, 'log');
    assert.equal(api.statusText(), undefined, 'no status item on a document that is not an FTP log');
  });
});
