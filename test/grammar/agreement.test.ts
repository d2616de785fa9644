// The grammar colours exactly the reply codes the scanner finds, in every fixture.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { IGrammar } from 'vscode-textmate';
import { describe as describeDisagreements, disagreements } from './support/agreement';
import { FIXTURES_DIR, fixtureFiles } from './support/fixtures';
import { loadFtpLogGrammar, tokenizeLines } from './support/textmate';
import { classesOfToken } from './support/scopes';
import { analyze } from '../../src/core/analyze';

describe('grammar agrees with the scanner on reply codes', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadFtpLogGrammar();
  });

  const files = fixtureFiles();

  it('has fixtures to check', () => {
    assert.ok(files.length > 0, `no fixture files under ${FIXTURES_DIR}`);
  });

  for (const file of files) {
    const name = path.relative(FIXTURES_DIR, file);
    it(name, () => {
      const text = fs.readFileSync(file, 'utf8');
      const ds = disagreements(grammar, text);
      assert.strictEqual(ds.length, 0, `${ds.length} disagreement(s):\n${describeDisagreements(name, ds)}`);
    });
  }

  describe('edge cases', () => {
    function check(text: string): void {
      const ds = disagreements(grammar, text);
      assert.strictEqual(ds.length, 0, describeDisagreements('<inline>', ds));
    }

    it('CRLF transcript', () => {
      const text = '220 ftp.example.com ready\r\nUSER alice\r\n331 Password required\r\nPASS secret\r\n530 Login incorrect.\r\n';
      check(text);
      assert.strictEqual(analyze(text).findings.length, 1, 'the scanner itself should see the 530');
    });

    it('multi-line reply with digits inside, closed by the same code', () => {
      check('211-Features:\n MDTM\n SIZE\n 550 is not a code here\n211 End\nQUIT\n221 Bye\n');
    });

    it('multi-line reply with the code repeated on every line', () => {
      check('230-Welcome\n230-Quota: 550 MB\n230 Logged in\n');
    });

    it('multi-line reply the server never closed', () => {
      check('220-Welcome\nThis host is example.com\nUSER alice\n331 Password required\n');
    });

    it('a 10,000-character reply line', () => {
      const long = '550 ' + '1234567890 '.repeat(910);
      assert.ok(long.length >= 10000);
      check(`${long}\n226 ok\n`);
    });

    it('decoy numbers in client lines are not replies', () => {
      check('* Connected to ftp.example.com (203.0.113.5) port 21\n< 220 ready\n> USER alice\n< 530 Login incorrect.\n* Access denied: 530\ncurl: (67) Access denied: 530\n');
    });

    it('6yz protected replies carry no reply class', async () => {
      const [tokens] = tokenizeLines(grammar, ['631 ABCD']);
      const codeToken = tokens.find((t) => t.start === 0)!;
      assert.deepStrictEqual(classesOfToken(codeToken.scopes), []);
      assert.ok(codeToken.scopes.some((s) => s.endsWith('.ftp-log') && s.includes('reply')), codeToken.scopes.join(' '));
    });
  });
});
