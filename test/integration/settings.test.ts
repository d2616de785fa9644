// Every ftpLog.diagnostics setting, applied to a live document.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, asProblems, cliCheck, closeAll, expectDiagnostics, fixtureFiles, openFtpLog, setSetting, waitFor } from './support';

describe('settings', () => {
  const file = fixtureFiles().find((f) => f.endsWith('raw/session.ftplog'))!;
  let uri: vscode.Uri;
  const cli = () => cliCheck(file);

  before(async () => {
    await activateExtension();
    uri = (await openFtpLog(file)).document.uri;
    await expectDiagnostics(uri, cli());
  });
  afterEach(async () => {
    for (const k of ['enable', 'severity', 'ignoreCodes']) await setSetting(`ftpLog.diagnostics.${k}`, undefined);
    await expectDiagnostics(uri, cli());
  });
  after(closeAll);

  it('ftpLog.diagnostics.enable turns the Problems entries off and on', async () => {
    await setSetting('ftpLog.diagnostics.enable', false);
    await waitFor('no diagnostics', () => asProblems(vscode.languages.getDiagnostics(uri)).length === 0);
  });

  it('ftpLog.diagnostics.severity overrides a class and a code', async () => {
    const base = cli();
    assert.ok(base.some((p) => p.code.startsWith('5')));
    const code = base.find((p) => p.code.startsWith('5'))!.code;
    await setSetting('ftpLog.diagnostics.severity', { '5xx': 'information', [code]: 'hint' });
    const want = base.map((p) => ({ ...p, severity: p.code === code ? 'hint' : p.code.startsWith('5') ? 'information' : p.severity }));
    await expectDiagnostics(uri, want);
  });

  it('a severity of none hides those replies', async () => {
    await setSetting('ftpLog.diagnostics.severity', { '4xx': 'none' });
    await expectDiagnostics(uri, cli().filter((p) => !p.code.startsWith('4')));
  });

  it('ftpLog.diagnostics.ignoreCodes drops codes', async () => {
    const code = cli()[0].code;
    await setSetting('ftpLog.diagnostics.ignoreCodes', [code]);
    await expectDiagnostics(uri, cli().filter((p) => p.code !== code));
  });

  it('ftpLog.diagnostics.ignoreCodes still reads codes written as numbers', async () => {
    const codes = [...new Set(cli().map((p) => p.code))];
    assert.ok(codes.length >= 2, `${file} needs two different problem codes`);
    await setSetting('ftpLog.diagnostics.ignoreCodes', [Number(codes[0]), codes[1]]);
    await expectDiagnostics(uri, cli().filter((p) => p.code !== codes[0] && p.code !== codes[1]));
  });
});
