// The server a session names in its greeting or SYST reply decides which
// server's causes its replies are explained with.

import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { hoverAt } from '../../src/core/features/hover';
import { forServer } from '../../src/core/features/explain';

describe('server from the session', () => {
  it('a greeting names the server for every later reply of the session', () => {
    const a = analyze('220 (vsFTPd 3.0.5)\nUSER bob\n331 Please specify the password.\nPASS x\n230 Login successful.\nSTOR a.txt\n550 Permission denied.\n');
    assert.equal(a.family, 'raw');
    assert.equal(a.document.serverFor(6), 'vsftpd');
    const hover = hoverAt(a.document, 6, 1)!;
    assert.match(hover.markdown, /vsftpd/);
  });

  it('each session keeps its own server', () => {
    const text = [
      '(000001) 24/11/2026 10:00:01 - (not logged in) (192.0.2.10)> 220-FileZilla Server 0.9.60 beta',
      '(000002) 24/11/2026 10:00:01 - (not logged in) (192.0.2.11)> 220 ready',
      '(000001) 24/11/2026 10:00:02 - (not logged in) (192.0.2.10)> 220 Please visit https://example.com/',
      '(000001) 24/11/2026 10:00:03 - (not logged in) (192.0.2.10)> USER bob',
      '(000001) 24/11/2026 10:00:03 - (not logged in) (192.0.2.10)> 530 Login or password incorrect!',
    ].join('\n');
    const a = analyze(text);
    assert.equal(a.document.serverFor(4), 'FileZilla Server 0.9');
  });

  it('a SYST reply in FileZilla Server\'s own words names it', () => {
    const a = analyze('220 ready\nSYST\n215 UNIX emulated by FileZilla.\nRETR x\n550 Could not open file for reading.\n');
    assert.equal(a.document.serverFor(4), 'FileZilla Server 1.x');
  });

  it('without a named server, the family says which server writes the log', () => {
    const a = analyze('Tue Nov 24 10:00:04 2026 [pid 3121] [frank] FTP command: Client "192.0.2.61", "STOR big.iso"\nTue Nov 24 10:00:04 2026 [pid 3121] [frank] FTP response: Client "192.0.2.61", "553 Could not create file."\n');
    assert.equal(a.document.serverFor(1), 'vsftpd');
  });

  it('leaves out causes only other servers show and puts the server\'s own first', () => {
    const causes = [
      { cause: 'general', sources: ['RFC 959 §4.2'] },
      { cause: 'vsftpd only', sources: ['dagwieers/vsftpd postlogin.c'] },
      { cause: 'ProFTPD only', sources: ['proftpd/proftpd modules/mod_xfer.c'] },
    ];
    assert.deepEqual(forServer(causes, 'ProFTPD').map((c) => c.cause), ['ProFTPD only', 'general']);
    assert.deepEqual(forServer(causes, undefined).map((c) => c.cause), ['general', 'vsftpd only', 'ProFTPD only']);
  });
});
