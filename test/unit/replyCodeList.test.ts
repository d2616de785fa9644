// ftpLog.diagnostics.ignoreCodes as users write it: strings (the Settings UI),
// numbers (the setting's first schema), and values that are not codes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { replyCodeSet } from '../../src/core/replyCodeList';

const ROOT = path.resolve(__dirname, '../../..');

describe('reply code lists in settings', () => {
  it('reads strings, as the Settings UI writes them', () => {
    assert.deepEqual([...replyCodeSet(['450', ' 550 '])], ['450', '550']);
  });

  it('still reads numbers, as older settings hold them', () => {
    assert.deepEqual([...replyCodeSet([550, '550', 421])], ['550', '421']);
  });

  it('leaves out what is not a reply code, and never throws on a value that is not a list', () => {
    assert.deepEqual([...replyCodeSet(['55', '5500', 'abc', 550.5, null, {}, '050'])], []);
    for (const value of [undefined, null, '550', 550, { 550: true }]) assert.equal(replyCodeSet(value).size, 0);
  });

  it('the manifest offers a list of strings the Settings UI can edit', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['ftpLog.diagnostics.ignoreCodes'];
    assert.equal(setting.type, 'array');
    assert.equal(setting.items.type, 'string');
    const pattern = new RegExp(setting.items.pattern);
    for (const code of ['450', '550', '199']) assert.ok(pattern.test(code), code);
    for (const code of ['55', '650', '050', '5500', ' 550']) assert.ok(!pattern.test(code), code);
  });
});
