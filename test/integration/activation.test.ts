import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './support';

describe('activation', () => {
  it('activates quickly and declares its contributions', async () => {
    const api = await activateExtension();
    // Reported by the integration run (the figure the closing notes quote).
    console.log(`activation_ms ${api.activationMs}`);
    assert.ok(api.activationMs < 1000, `activation took ${api.activationMs} ms`);
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('ftp-log'));
  });
});
