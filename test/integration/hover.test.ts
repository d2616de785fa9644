// Hover on every fixture family, through the real hover provider API.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/analyze';
import { activateExtension, closeAll, DocumentsAhead, familyOf, fixtureFiles, openFtpLog, tempFile } from './support';

async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))
    .join('\n');
}

describe('hover', () => {
  before(activateExtension);
  after(closeAll);

  const hovered = fixtureFiles()
    .filter((f) => familyOf(f) !== 'none')
    .map((file) => {
      const analysis = analyze(fs.readFileSync(file, 'utf8'));
      return { file, reply: analysis.replies.find((r) => r.code >= 500) ?? analysis.replies[0] };
    })
    .filter((h) => h.reply !== undefined);
  const documents = new DocumentsAhead(hovered.map((h) => h.file));
  for (const { file, reply } of hovered) {
    it(`explains ${reply.code} in ${familyOf(file)}/${file.split('/').pop()}`, async () => {
      const doc = await documents.document(file);
      const pos = new vscode.Position(reply.line, reply.codeSpan.start + 1);
      const text = await hoverTextEventually(doc.uri, pos);
      assert.match(text, new RegExp(`\\*\\*${reply.code}\\*\\*`));
      assert.match(text, /RFC|digits|Digits/);
      if (reply.code >= 500) assert.match(text, /permanent negative/);
    });
  }

  it('says nothing over numbers that are not replies', async () => {
    const file = fixtureFiles().find((f) => f.endsWith('vsftpd/vsftpd.log'))!;
    const analysis = analyze(fs.readFileSync(file, 'utf8'));
    const editor = await openFtpLog(file);
    const reply = analysis.replies[0];
    // Once a reply hovers, the model is ready: the PID on the same line must not.
    assert.notEqual(await hoverTextEventually(editor.document.uri, new vscode.Position(reply.line, reply.codeSpan.start)), '');
    const line = editor.document.lineAt(reply.line).text;
    const pid = line.indexOf('[pid ') + 5;
    assert.equal(await hoverText(editor.document.uri, new vscode.Position(reply.line, pid + 1)), '');
    const year = line.indexOf(' 20') + 2;
    assert.equal(await hoverText(editor.document.uri, new vscode.Position(reply.line, year)), '');
  });

  it('escapes document text and masks passwords', async () => {
    // A copy: the test edits the document, and fixtures must never change.
    const source = fixtureFiles().find((f) => f.endsWith('raw/session.ftplog'))!;
    const editor = await openFtpLog(tempFile('hostile.ftplog', fs.readFileSync(source, 'utf8')));
    const doc = editor.document;
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), '\nPASS hunter2\n530 [x](command:workbench.action.quit) <img src=x> `tick`\n'));
    const at = doc.lineCount - 2;
    const text = await hoverTextEventually(doc.uri, new vscode.Position(at, 1));
    assert.ok(!text.includes('hunter2'), 'password shown');
    assert.ok(!text.includes('[x](command:'), 'link not escaped');
    assert.ok(!/(^|[^\\])<img/.test(text), 'html not escaped');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(at, 1));
    // Trusted for the one command behind "More…" and nothing else (the issue asks for that link).
    for (const h of hovers) for (const c of h.contents) if (c instanceof vscode.MarkdownString) assert.deepEqual(c.isTrusted, { enabledCommands: ['ftpLog.showExplanation'] });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('links a reply\'s short hover to its whole explanation, and nothing else', async () => {
    // A name with a space, a parenthesis and a percent sign: the link must carry it intact.
    const source = fixtureFiles().find((f) => f.endsWith('vsftpd/vsftpd.log'))!;
    const editor = await openFtpLog(tempFile('more (50%) link.log', fs.readFileSync(source, 'utf8')));
    const reply = analyze(editor.document.getText()).replies.find((r) => r.code === 550)!;
    const pos = new vscode.Position(reply.line, reply.codeSpan.start + 1);
    await hoverTextEventually(editor.document.uri, pos);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    const md = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString)!;
    assert.deepEqual(md.isTrusted, { enabledCommands: ['ftpLog.showExplanation'] });
    const links = [...md.value.matchAll(/\]\((command:[^ )]+)/g)].map((m) => m[1]);
    assert.equal(links.length, 1, md.value);
    const [, id, query] = /^command:([^?]+)\?(.*)$/.exec(links[0])!;
    assert.equal(id, 'ftpLog.showExplanation');
    assert.deepEqual(JSON.parse(decodeURIComponent(query)), [{ uri: editor.document.uri.toString(), line: reply.line, character: reply.codeSpan.start }]);
    // On the headline: visible first, whatever the hover widget shows above it.
    assert.match(md.value.split('\n')[0], /^\*\*550\*\* .* · \[More…\]\(command:/);
    // The first screen: no digits section, no commands list, no full source paths.
    assert.doesNotMatch(md.value, /\*\*Digits\*\*|Commands that can get this reply|dagwieers\//);
    // A hover with no more to say carries no link and no trust.
    const eprt = analyze(editor.document.getText()).commands.find((c) => c.verb === 'EPRT')!;
    const payload = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(eprt.line, eprt.argSpan!.start + 1));
    const payloadMd = payload.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    assert.equal(payloadMd.length, 1);
    assert.match(payloadMd[0].value, /EPRT argument/);
    assert.ok(!payloadMd[0].isTrusted);
    assert.doesNotMatch(payloadMd[0].value, /command:/);
  });
});

/** Hovers are computed once the model has scanned the document: poll briefly. */
export async function hoverTextEventually(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const text = await hoverText(uri, pos);
    if (text || Date.now() > deadline) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}
