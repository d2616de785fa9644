// Lines whose prefix the grammar cannot know (a client's own layout, a tool's
// wrapper) are coloured from the core's semantic tokens: through the real
// semantic-token provider API, on logs of clients the code has no rule for.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/analyze';
import { activateExtension, closeAll, familyOf, fixtureFiles, openFtpLog } from './support';

interface Decoded {
  line: number;
  start: number;
  length: number;
  type: string;
}

function decode(tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): Decoded[] {
  const out: Decoded[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const deltaLine = tokens.data[i];
    line += deltaLine;
    start = deltaLine === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
    out.push({ line, start, length: tokens.data[i + 2], type: legend.tokenTypes[tokens.data[i + 3]] });
  }
  return out;
}

async function tokensEventually(uri: vscode.Uri, range: vscode.Range): Promise<Decoded[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentRangeSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentRangeSemanticTokens', uri, range);
    if (legend && tokens && tokens.data.length > 0) return decode(tokens, legend);
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

describe('semantic tokens', () => {
  before(activateExtension);
  after(closeAll);

  for (const file of fixtureFiles().filter((f) => familyOf(f) === 'generic').slice(0, 4)) {
    it(`colour every reply code of ${file.split('/').pop()} by its class`, async () => {
      const analysis = analyze(fs.readFileSync(file, 'utf8'));
      const editor = await openFtpLog(file);
      const doc = editor.document;
      const tokens = await tokensEventually(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
      const codes = tokens.filter((t) => t.type.startsWith('ftpReply'));
      const expected = analysis.lines.flatMap((r, line) => (r.codeSpan && r.code !== undefined ? [{ line, start: r.codeSpan.start, code: r.code }] : []));
      assert.deepEqual(
        codes.map((t) => [t.line, t.start, t.type]),
        expected.map((e) => [e.line, e.start, ['ftpReplyPreliminary', 'ftpReplyCompletion', 'ftpReplyIntermediate', 'ftpReplyTransientNegative', 'ftpReplyPermanentNegative', 'ftpReplyProtected'][Math.floor(e.code / 100) - 1]]),
      );
      assert.ok(tokens.some((t) => t.type === 'ftpCommand'));
    });
  }
});
