// The Problems panel shows exactly what `ftp-log check` prints, for every fixture.

import * as vscode from 'vscode';
import { activateExtension, asProblems, cliCheckAll, closeAll, DocumentsAhead, type CliProblem, expectDiagnostics, familyOf, fixtureFiles, openFtpLog, waitFor } from './support';
import * as assert from 'node:assert/strict';

describe('diagnostics', () => {
  before(activateExtension);
  after(closeAll);

  // One CLI run for every fixture (a process each would cost more than the tests).
  let cli: Map<string, CliProblem[]>;
  before(() => (cli = cliCheckAll(fixtureFiles())));
  const documents = new DocumentsAhead(fixtureFiles());

  for (const file of fixtureFiles()) {
    it(`equal the CLI for ${familyOf(file)}/${file.split('/').pop()}`, async () => {
      const doc = await documents.document(file);
      await expectDiagnostics(doc.uri, cli.get(file)!);
      for (const d of vscode.languages.getDiagnostics(doc.uri)) {
        assert.equal(d.source, 'ftp-log');
        // The code links to its explanation: its value is the reply code.
        assert.ok(typeof d.code === 'object', 'the code carries its explanation link');
        assert.match(d.message, new RegExp(`^${d.code.value} `));
      }
    });
  }

  it('point related information at the command that drew the reply', async () => {
    const file = fixtureFiles().find((f) => f.endsWith('raw/session.ftplog'))!;
    const editor = await openFtpLog(file);
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(editor.document.uri);
      return d.length > 0 ? d : undefined;
    });
    const withCommand = diags.filter((d) => d.relatedInformation?.length);
    assert.ok(withCommand.length > 0);
    for (const d of withCommand) {
      const rel = d.relatedInformation![0];
      assert.equal(rel.location.uri.toString(), editor.document.uri.toString());
      assert.ok(rel.location.range.start.line < d.range.start.line || rel.location.range.start.line === d.range.start.line);
    }
  });

  it('clear when the document closes or stops being an FTP log', async () => {
    const file = fixtureFiles().find((f) => f.endsWith('vsftpd/vsftpd.log'))!;
    const editor = await openFtpLog(file);
    await waitFor('diagnostics', () => asProblems(vscode.languages.getDiagnostics(editor.document.uri)).length > 0);
    await closeAll();
    // Closing an editor does not close its document at once; ask VS Code to drop it by switching language.
    await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
    await waitFor('no diagnostics', () => asProblems(vscode.languages.getDiagnostics(editor.document.uri)).length === 0);
  });
});
