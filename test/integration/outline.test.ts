// Outline, breadcrumbs' symbols and folding through VS Code's own provider
// commands, on a log of every family: what the editor gets is the core's
// outline and folds of the same text.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LogDocument } from '../../src/core/scan/document';
import { SessionModel } from '../../src/core/query/sessions';
import { outlineOf, type OutlineItem } from '../../src/core/features/outline';
import { foldsBetween, sessionFolds, type Fold } from '../../src/core/features/folding';
import { activateExtension, closeAll, familyOf, fixtureFiles, openFtpLog, tempFile, waitFor } from './support';


function coreOf(text: string): { outline: OutlineItem[]; folds: Fold[] } {
  const doc = new LogDocument(text);
  const model = new SessionModel(doc).build();
  const folds: Fold[] = [];
  sessionFolds(model, folds);
  foldsBetween(doc, 0, doc.lineCount, folds);
  return { outline: outlineOf(doc, model), folds };
}

function shape(symbols: readonly vscode.DocumentSymbol[]): string[] {
  return symbols.map((s) => `${s.name} | ${s.detail} | ${s.range.start.line}-${s.range.end.line} [${shape(s.children).join('; ')}]`);
}

function coreShape(items: readonly OutlineItem[]): string[] {
  return items.map((i) => `${i.name} | ${i.detail} | ${i.line}-${i.endLine} [${coreShape(i.children).join('; ')}]`);
}

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  // The provider answers once the document is scanned; before that the command gives nothing.
  return waitFor('document symbols', async () => {
    const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    return s && s.length > 0 ? s : undefined;
  });
}

describe('outline and folding', () => {
  before(activateExtension);
  after(closeAll);

  const files = fixtureFiles().filter((f) => familyOf(f) !== 'none');
  const families = new Set<string>();
  for (const file of files) {
    if (families.has(familyOf(file))) continue;
    families.add(familyOf(file));
    it(`lists the sessions and exchanges of ${familyOf(file)}/${file.split('/').pop()}`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const core = coreOf(text);
      const editor = await openFtpLog(file);
      const symbols = await symbolsOf(editor.document.uri);
      assert.deepEqual(shape(symbols), coreShape(core.outline));
      // Failed exchanges are events, marked in their detail.
      for (const s of symbols) {
        assert.equal(s.kind, vscode.SymbolKind.Namespace);
        for (const c of s.children) {
          assert.ok(s.range.contains(c.range) && c.range.contains(c.selectionRange), c.name);
          assert.equal(c.kind === vscode.SymbolKind.Event, c.detail.startsWith('✗'), c.name);
        }
      }
      const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      const got = folds.map((f) => `${f.start}-${f.end}`).sort();
      const want = core.folds.map((f) => `${f.start}-${f.end}`).sort();
      assert.deepEqual(got, want);
    });
  }

  it('covers at least five families', () => assert.ok(families.size >= 5, `${families.size} families`));

  it('follows an edit: a new session appended shows in the outline', async () => {
    const file = tempFile('grow.ftplog', '220 ready\nUSER alice\n331 pw\nPASS x\n230 ok\nRETR a.txt\n550 No such file.\n');
    const editor = await openFtpLog(file);
    const before = await symbolsOf(editor.document.uri);
    assert.equal(before.length, 1);
    assert.equal(before[0].name, 'alice');
    const failed = before[0].children.find((c) => c.name === 'RETR a.txt → 550')!;
    assert.equal(failed.kind, vscode.SymbolKind.Event);
    assert.equal(failed.detail, '✗ No such file.');
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), 'QUIT\n221 bye\n220 again\nUSER bob\n331 pw\nPASS y\n230 ok\n'));
    const after = await waitFor('a second session', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s && s.length === 2 ? s : undefined;
    });
    assert.equal(after[1].name, 'bob');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
