// Detection: .log / plain-text documents holding FTP switch to ftp-log, others stay.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAll, FIXTURES, setSetting, tempFile, waitFor } from './support';

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

describe('detection', () => {
  before(activateExtension);
  afterEach(async () => {
    await setSetting('ftpLog.detectInLogFiles', undefined);
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
});
