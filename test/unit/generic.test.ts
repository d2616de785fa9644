// The generic recogniser, judged as it must be: on logs of clients the code has
// no rule for (test/fixtures/generic/, each from a real layout named in the
// fixtures README), and on look-alikes it must not take for FTP.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { allFixtures } from '../support/fixtures';
import { findingsOf } from '../../src/core/features/findings';

function findings(text: string): string[] {
  return analyze(text).findings.map((f) => `${f.line + 1}:${f.span.start + 1} ${f.code}`);
}

describe('generic recogniser', () => {
  const fixtures = allFixtures().filter((f) => f.family === 'generic');

  it('is judged on at least ten clients it has no rule for', () => {
    assert.ok(fixtures.length >= 10, `${fixtures.length} generic fixtures`);
  });

  for (const fx of fixtures) {
    it(`learns the prefix of ${fx.name} from its own FTP lines`, () => {
      const a = analyze(fs.readFileSync(fx.file, 'utf8'));
      assert.equal(a.family, 'generic');
      assert.ok(a.document.dialect, 'no dialect learned');
      assert.ok(a.document.dialect.entries.length >= 1);
      assert.deepEqual(a.findings.map((f) => `${f.line + 1}:${f.span.start + 1} ${f.severity} ${f.code}`), fx.expected);
    });
  }

  it('reads a paired prefix: direction markers of any kind', () => {
    for (const [c, r] of [['>', '<'], ['-->', '<--'], ['Tx:', 'Rx:'], ['SENT:', 'RECEIVED:'], ['put:', 'get:'], ['>>>', '<<<'], ['[C]', '[R]'], ['Command:\t', 'Response:\t']]) {
      const p = (m: string, s: string) => `2026-11-24 10:00:0${s} app[main] ${m}${m.endsWith('\t') ? '' : ' '}`;
      const text = [p(r, '1') + '220 ready', p(c, '2') + 'USER bob', p(r, '3') + '331 Password', p(c, '4') + 'PASS x', p(r, '5') + '230 ok', p(c, '6') + 'CWD /in', p(r, '7') + '550 No such directory'].join('\n');
      assert.deepEqual(findings(text).map((f) => f.split(' ')[1]), ['550'], `${c} / ${r}`);
    }
  });

  it('needs exchanges an FTP server would answer, not a lone reply under a prefix', () => {
    assert.equal(analyze('2026-11-24 10:00:01 [app] 550 files left to sync\n2026-11-24 10:00:02 [app] 421 retries\n').family, 'none');
    assert.equal(analyze('2026-11-24 10:00:01 > RETR a.txt\n2026-11-24 10:00:02 < 550 No such file\n').family, 'none', 'one exchange without a greeting is not proof');
  });

  it('leaves SMTP under the same prefixes alone', () => {
    const smtp = [
      '2026-11-24 10:00:01 SERVER -> CLIENT: 220 mail.example.com ESMTP',
      '2026-11-24 10:00:01 CLIENT -> SERVER: EHLO app.example.com',
      '2026-11-24 10:00:01 SERVER -> CLIENT: 250-mail.example.com',
      '2026-11-24 10:00:01 SERVER -> CLIENT: 250 AUTH LOGIN PLAIN',
      '2026-11-24 10:00:01 CLIENT -> SERVER: AUTH LOGIN',
      '2026-11-24 10:00:02 SERVER -> CLIENT: 334 VXNlcm5hbWU6',
      '2026-11-24 10:00:02 CLIENT -> SERVER: MAIL FROM:<app@example.com>',
      '2026-11-24 10:00:02 SERVER -> CLIENT: 250 2.1.0 Ok',
      '2026-11-24 10:00:02 CLIENT -> SERVER: RCPT TO:<bob@example.net>',
      '2026-11-24 10:00:02 SERVER -> CLIENT: 550 5.1.1 <bob@example.net>: Recipient address rejected',
      '2026-11-24 10:00:02 CLIENT -> SERVER: QUIT',
      '2026-11-24 10:00:02 SERVER -> CLIENT: 221 2.0.0 Bye',
    ].join('\n');
    const a = analyze(smtp);
    assert.equal(a.family, 'none');
    assert.deepEqual(a.findings, []);
  });

  it('does not take a PID or counter column that reads like a code for the prefix', () => {
    const text = [
      '2026-11-24 10:00:01 421 7 ftp> 220 ready',
      '2026-11-24 10:00:02 421 7 ftp< USER bob',
      '2026-11-24 10:00:03 421 7 ftp> 331 Password required',
      '2026-11-24 10:00:04 421 7 ftp< PASV',
      '2026-11-24 10:00:05 421 7 ftp> 227 Entering Passive Mode (192,0,2,1,195,80)',
      '2026-11-24 10:00:06 421 7 ftp< RETR a.txt',
      '2026-11-24 10:00:07 421 7 ftp> 550 No such file',
    ].join('\n');
    assert.deepEqual(findings(text), ['7:32 550']);
  });

  it('keeps a learned prefix when the log is edited and learns anew when the edit proves another', () => {
    const lines = ['[C] USER bob', '[R] 331 Password', '[C] PASS x', '[R] 230 ok', '[C] CWD /in', '[R] 550 No such directory'];
    const a = analyze(lines.join('\n'));
    assert.equal(a.family, 'generic');
    a.document.replaceLines(5, 1, ['[R] 550 Denied']);
    assert.deepEqual(findingsOf(a.document).map((f) => f.code), [550]);
    a.document.replaceLines(0, 6, ['nothing FTP here']);
    assert.equal(a.document.family, 'none');
    assert.equal(a.document.dialect, undefined);
  });
});
