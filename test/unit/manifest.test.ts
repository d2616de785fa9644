// The contracts package.json carries: language, grammar, settings, capabilities, engines.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allFixtures } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Keys that appear twice in one object of a JSON text. */
function duplicateKeys(text: string): string[] {
  const out: string[] = [];
  const objects: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') objects.push(new Set());
    else if (c === '[') objects.push(null);
    else if (c === '}' || c === ']') objects.pop();
    else if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const str = text.slice(i + 1, j);
      i = j;
      let k = j + 1;
      while (/\s/.test(text[k] ?? '')) k++;
      const top = objects[objects.length - 1];
      if (text[k] === ':' && top) {
        if (top.has(str)) out.push(str);
        top.add(str);
      }
    }
  }
  return out;
}

describe('package.json', () => {
  const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'ftp-log');

  it('names each key of an object once (JSON.parse keeps the last of two, silently)', () => {
    assert.deepEqual(duplicateKeys(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')), []);
    assert.deepEqual(duplicateKeys('{"a": {"b": 1, "c": [{"b": 2}, {"b": 3}]}, "a": 2}'), ['a']);
  });

  it('declares every command it registers once, in category FTP Log', () => {
    const ids = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ['ftpLog.detectFormat', 'ftpLog.nextFailure', 'ftpLog.previousFailure', 'ftpLog.showExplanation', 'ftpLog.ignoreCode', 'ftpLog.changeSeverity', 'ftpLog.showOutput']) {
      assert.ok(ids.includes(id), `${id} is not declared`);
    }
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'FTP Log', c.command);
  });

  it('declares the ftp-log language and its grammar', () => {
    assert.ok(language);
    assert.ok(language.aliases.includes('FTP Log'));
    assert.ok(fs.existsSync(path.join(ROOT, language.configuration)));
    const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'ftp-log');
    assert.equal(grammar.scopeName, 'text.ftp-log');
  });

  it('does not claim every .log file', () => {
    const patterns: string[] = [...(language.filenamePatterns ?? []), ...(language.extensions ?? [])];
    assert.ok(!patterns.some((p) => p === '.log' || p === '*.log' || p === '**/*.log'), patterns.join(', '));
  });

  it('recognises FTP transcripts by their first line, and no log that is not FTP', () => {
    const firstLine = new RegExp(language.firstLine);
    const heads = allFixtures().map((f) => ({ f, head: fs.readFileSync(f.file, 'utf8').split(/\r?\n/)[0] }));
    assert.ok(heads.filter(({ f, head }) => f.family !== 'none' && firstLine.test(head)).length >= 10);
    for (const { f, head } of heads.filter(({ f }) => f.family === 'none')) assert.ok(!firstLine.test(head), f.name);
  });

  it('activates on ftp-log and on the documents detection looks at', () => {
    for (const e of ['onLanguage:ftp-log', 'onLanguage:log', 'onLanguage:plaintext']) assert.ok(manifest.activationEvents.includes(e), e);
  });

  it('documents every setting', () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of ['ftpLog.detectInLogFiles', 'ftpLog.diagnostics.enable', 'ftpLog.diagnostics.severity', 'ftpLog.diagnostics.ignoreCodes']) {
      assert.ok(props[key], key);
      assert.ok((props[key].markdownDescription ?? props[key].description ?? '').length > 20, key);
    }
  });

  it('works in untrusted and virtual workspaces, in the browser, from VS Code 1.100', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
  });
});
