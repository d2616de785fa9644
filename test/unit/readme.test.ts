// README's format table is the user's list of what FTP Log reads: it names
// every family of the registry, and nothing the registry does not know.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAMILIES } from '../../src/core/families';

const README = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

/** The ids in the first column of the "Log formats" table: `| \`vsftpd\` | ...`. */
function tableIds(): string[] {
  const section = README.split(/^## /m).find((s) => s.startsWith('Log formats'));
  assert.ok(section, 'README has no "Log formats" section');
  return [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
}

describe('README', () => {
  it('lists every log family in its format table, once', () => {
    const ids = tableIds();
    assert.deepEqual([...ids].sort(), [...FAMILIES].sort());
  });

  it('starts with the command that builds and runs the extension and the one that runs the tests', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(README);
    assert.ok(block);
    assert.match(block[1], /npm start/);
    assert.match(block[1], /npm test/);
  });
});
