// FTP servers' lines through syslog and the journal: every header layout the
// reader knows, the servers' own lines at default verbosity, and the rule
// that a stray FTP line in another daemon's log does not make it an FTP log.

import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { LineKind } from '../../src/core/model';
import labelData from '../../src/core/catalogue/pure-ftpd-command-labels.json';
import { MASK as MASKED_PASSWORD } from '../../src/core/secrets';

const CONNECT = 'vsftpd[3120]: CONNECT: Client "192.0.2.61"';

function familyOfLine(line: string): string | undefined {
  return analyze(line).lines[0].family;
}

describe('syslog and journal headers', () => {
  const headers: [string, string][] = [
    ['RFC 3164, space-padded day', `Nov  4 10:00:01 ftp01 ${CONNECT}`],
    ['RFC 3164, zero-padded day (journalctl short)', `Nov 04 10:00:01 ftp01 ${CONNECT}`],
    ['RFC 3164, unpadded day', `Nov 4 10:00:01 ftp01 ${CONNECT}`],
    ['journalctl short-precise', `Nov 04 10:00:01.204518 ftp01 ${CONNECT}`],
    ['rsyslog ISO with microseconds and offset', `2026-11-24T10:00:01.204518+01:00 ftp01 ${CONNECT}`],
    ['journalctl short-iso, older systemd', `2026-11-24T10:00:01+0100 ftp01 ${CONNECT}`],
    ['ISO in UTC', `2026-11-24T10:00:01Z ftp01 ${CONNECT}`],
    ['ISO without an offset', `2026-11-24T10:00:01.204518 ftp01 ${CONNECT}`],
    ['journalctl short-full', `Tue 2026-11-24 10:00:01 CET ftp01 ${CONNECT}`],
    ['journalctl short-unix', `1795510801.204518 ftp01 ${CONNECT}`],
    ['RFC 5424, no structured data', '<94>1 2026-11-24T10:00:01.954167+00:00 ftp01.example.com vsftpd 3120 - - CONNECT: Client "192.0.2.61"'],
    ['RFC 5424, a quoted ] in structured data', '<94>1 2026-11-24T10:00:01Z ftp01 vsftpd 3120 - [x a="1]2" b="\\"]"][y] CONNECT: Client "192.0.2.61"'],
    ['busybox syslogd', 'Nov 24 10:00:01 router ftp.info vsftpd[812]: CONNECT: Client "192.168.1.20"'],
    ['busybox syslogd, unnamed priority', 'Nov 24 10:00:01 router <13> vsftpd[812]: CONNECT: Client "192.168.1.20"'],
    ['busybox syslogd -S (no host)', 'Nov 24 10:00:01 vsftpd[812]: CONNECT: Client "192.168.1.20"'],
    ['FreeBSD syslogd -v', `Nov 24 10:00:01 <11.6> ftp01 ${CONNECT}`],
    ['FreeBSD syslogd -vv', `Nov 24 10:00:01 <ftp.info> ftp01 ${CONNECT}`],
    ['a collector relay prefix', `6 11 2026-11-24T10:00:06+00:00 Nov 24 10:00:06 198.51.100.30 ${CONNECT}`],
    ['a tag without pid', 'Nov 24 10:00:01 ftp01 vsftpd: CONNECT: Client "192.0.2.61"'],
  ];
  for (const [name, line] of headers) {
    it(`reads ${name}`, () => assert.equal(familyOfLine(line), 'vsftpd', line));
  }

  it('reads the reply after every header layout, at the column the reply starts', () => {
    for (const [, line] of headers) {
      const reply = line.replace('CONNECT: Client "', 'FTP response: Client "').replace(/"$/, '", "530 Login incorrect."');
      const r = analyze(reply).lines[0];
      assert.equal(r.code, 530, reply);
      assert.equal(reply.slice(r.codeSpan!.start, r.codeSpan!.start + 4), '530 ', reply);
    }
  });

  it('reads a Solaris message id after the tag', () => {
    assert.equal(familyOfLine('Nov 24 10:00:01 sol1 in.ftpd[28370]: [ID 165209 daemon.info] FTP LOGIN FROM client.example.net, carol'), 'bsd-ftpd');
  });

  it('takes a tag with no colon only from ProFTPD (its own SystemLog before 1.3.5)', () => {
    assert.equal(familyOfLine('Jun 09 07:30:58 ftp01 proftpd[11864] ftp.example.com (x[203.0.113.9]): USER x: Login successful.'), 'proftpd');
    assert.equal(familyOfLine('Jun 09 07:30:58 ftp01 vsftpd[11864] CONNECT: Client "192.0.2.61"'), undefined);
  });

  it('leaves journalctl\'s own lines as text of no family', () => {
    for (const line of ['-- Logs begin at Mon 2026-11-09 17:10:01 CET, end at Mon 2026-11-16 01:56:25 CET. --', '-- Journal begins at Mon 2026-11-02 08:00:01 CET, ends at Tue 2026-11-24 10:05:00 CET. --', '-- Reboot --', '-- Boot 5f1c2a9e0d1b4c559a103b7e5d2c8f01 --', '-- No entries --']) {
      const r = analyze(line).lines[0];
      assert.equal(r.kind, LineKind.Other, line);
      assert.equal(r.family, undefined, line);
    }
  });

  it('ends a raw reply the server left open at a journal line', () => {
    const a = analyze('220-Welcome\n-- Reboot --\nUSER a\n331 ok');
    assert.equal(a.lines[1].kind, LineKind.Other);
  });
});

describe('server lines at default verbosity', () => {
  it('PAM lines under an FTP server\'s tag are not the server\'s own', () => {
    for (const line of [
      'Nov 24 10:00:30 ftp01 vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=frank rhost=192.0.2.61',
      'Nov 24 10:01:00 ftp01 vsftpd(pam_unix)[15522]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=192.0.2.61 user=frank',
      'Nov 24 10:00:08 ftp01 proftpd[28875]: pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/ftpd28875 ruser=henry rhost=203.0.113.90',
      'Nov  4 10:00:09 ftp02 pure-ftpd: last message repeated 3 times',
    ]) {
      assert.equal(familyOfLine(line), undefined, line);
    }
  });

  it('takes no byte count, rate, PID or millisecond for a reply', () => {
    const a = analyze([
      'Tue Nov 24 10:00:11 2026 [pid 550] [frank] FAIL UPLOAD: Client "192.0.2.61", "/pub/in/big.iso", 550 bytes, 0.55Kbyte/sec',
      'Nov 24 10:00:08 ftp02 pure-ftpd[421]: (alice@192.0.2.77) [NOTICE] /srv/ftp/alice//q3.pdf downloaded  (52311 bytes, 530.12KB/sec)',
      '2026-11-24 10:00:04,421 ftp01 proftpd[550] ftp.example.com (203.0.113.91[203.0.113.91]): Maximum login attempts (3) exceeded',
    ].join('\n'));
    assert.deepEqual(a.replies, []);
  });
});

describe('a stray FTP server line in another daemon\'s log', () => {
  const other = (n: number): string[] => Array.from({ length: n }, (_, i) => `Nov 24 10:00:${String(i % 60).padStart(2, '0')} web01 sshd[${500 + i}]: Connection closed by 192.0.2.99 port 50${i} [preauth]`);

  it('one event line among many is not an FTP log', () => {
    assert.equal(analyze([...other(30), `Nov 24 10:01:00 web01 ${CONNECT}`].join('\n')).family, 'none');
  });

  it('one event line alone is not enough either', () => {
    assert.equal(analyze(`Nov 24 10:01:00 web01 ${CONNECT}`).family, 'none');
  });

  it('a tenth of the lines or more, at least two, is the server\'s log', () => {
    const two = [`Nov 24 10:01:00 web01 ${CONNECT}`, 'Nov 24 10:01:01 web01 vsftpd[3119]: [frank] FAIL LOGIN: Client "192.0.2.61"'];
    assert.equal(analyze([...other(18), ...two].join('\n')).family, 'vsftpd');
    assert.equal(analyze([...other(19), ...two].join('\n')).family, 'none');
  });

  it('counts non-empty lines only, and follows edits', () => {
    const a = analyze([`Nov 24 10:01:00 web01 ${CONNECT}`, '', '', '', `Nov 24 10:01:01 web01 ${CONNECT}`].join('\n'));
    assert.equal(a.family, 'vsftpd');
    a.document.replaceLines(1, 0, other(30));
    assert.equal(a.document.family, 'none');
    a.document.replaceLines(1, 30, []);
    assert.equal(a.document.family, 'vsftpd');
  });
});

describe('Pure-FTPd debug commands', () => {
  for (const { label } of labelData.labels) {
    it(`reads the ${label} label as a command, inside another session's open reply too`, () => {
      const a = analyze([
        'Nov 24 10:00:01 ftp02 pure-ftpd[4243]: (?@198.51.100.9) [DEBUG] 220-Welcome',
        `Nov 24 10:00:02 ftp02 pure-ftpd[4243]: (?@198.51.100.9) [DEBUG] ${label} [retr] [550.csv]`,
        'Nov 24 10:00:03 ftp02 pure-ftpd[4243]: (?@198.51.100.9) [DEBUG] 550 Nope',
      ].join('\n'));
      assert.equal(a.lines[1].kind, LineKind.Command);
      assert.equal(a.lines[1].verb, 'RETR');
      assert.deepEqual(a.findings.map((f) => f.line), [2]);
    });
  }

  it('reads an empty argument and the hidden password', () => {
    const a = analyze('Nov 24 10:00:02 ftp02 pure-ftpd: (?@192.0.2.77) [DEBUG] Befehl [pass] [<*>]\nNov 24 10:00:04 ftp02 pure-ftpd: (?@192.0.2.77) [DEBUG] Comando [pasv] []');
    assert.deepEqual(a.commands.map((c) => [c.verb, c.argument]), [['PASS', MASKED_PASSWORD], ['PASV', '']]);
  });
});

describe('wu-ftpd or BSD ftpd', () => {
  it('tells them apart by wu-ftpd\'s own strings under the shared name ftpd', () => {
    assert.equal(familyOfLine('Nov  4 10:00:03 h ftpd[1]: FTP LOGIN FROM client.example.net [203.0.113.44], dave'), 'wu-ftpd');
    assert.equal(familyOfLine('Nov  4 10:00:03 h ftpd[1]: failed login from client.example.net [203.0.113.44], dave'), 'wu-ftpd');
    assert.equal(familyOfLine('Nov  4 10:00:03 h ftpd[1]: USER dave'), 'wu-ftpd');
    assert.equal(familyOfLine('Nov  4 10:00:03 h ftpd[1]: FTP LOGIN FROM client.example.net as dave'), 'bsd-ftpd');
    assert.equal(familyOfLine('Nov  4 10:00:03 h ftpd[1]: connection from client.example.net [203.0.113.44]'), 'bsd-ftpd');
    assert.equal(familyOfLine('Nov  4 10:00:03 h ftpd[1]: <--- 530 Login incorrect.'), 'bsd-ftpd');
    assert.equal(familyOfLine('Nov  4 10:00:03 h wu-ftpd[1]: connection from client.example.net [203.0.113.44]'), 'wu-ftpd');
    assert.equal(familyOfLine('Nov  4 10:00:03 h ftpd[1]: some other message'), undefined);
  });

  it('joins a FreeBSD reply code and the text logged on the next line', () => {
    const a = analyze([
      'Nov 24 10:00:03 bsd1 ftpd[29864]: command: PASS  ???',
      'Nov 24 10:00:03 bsd1 ftpd[29864]: <--- 530 ',
      'Nov 24 10:00:03 bsd1 ftpd[29864]: Login incorrect.',
      'Nov 24 10:00:03 bsd1 ftpd[29864]: FTP LOGIN FAILED FROM client.example.net, alice',
    ].join('\n'));
    assert.deepEqual(a.replies.map((r) => [r.code, r.line, r.endLine, r.text]), [[530, 1, 2, 'Login incorrect.']]);
    assert.equal(a.lines[3].kind, LineKind.Other);
    assert.equal(a.commands[0].argument, MASKED_PASSWORD);
  });

  it('keeps a FreeBSD multi-line reply open across its code lines and text lines', () => {
    const a = analyze([
      'Nov 24 10:00:06 bsd1 ftpd[1]: <--- 230- ',
      'Nov 24 10:00:06 bsd1 ftpd[1]: Welcome.',
      'Nov 24 10:00:06 bsd1 ftpd[1]: <--- 230 ',
      'Nov 24 10:00:06 bsd1 ftpd[1]: User alice logged in.',
      'Nov 24 10:00:07 bsd1 ftpd[1]: command: CWD x',
    ].join('\n'));
    assert.deepEqual(a.replies.map((r) => [r.code, r.line, r.endLine, r.text]), [[230, 0, 3, 'Welcome.\n\nUser alice logged in.']]);
  });
});

describe('SFTPGo and aioftp', () => {
  it('reads replies only from ftpserverlib\'s answers, and masks a password sent in clear', () => {
    const a = analyze([
      '{"level":"debug","time":"2026-11-24T10:00:01.700","sender":"ftpserverlib","server_id":"FTP_0","clientId":"13","line":"PASS hunter2","message":"Received line"}',
      '{"level":"debug","time":"2026-11-24T10:00:01.901","sender":"ftpserverlib","server_id":"FTP_0","clientId":"13","line":"530 Authentication problem","message":"Sending answer"}',
      '{"level":"error","time":"2026-11-24T10:00:09.330","sender":"Upload","elapsed_ms":421,"size_bytes":550,"connection_id":"FTP_0_14","protocol":"FTP","error":"550 quota"}',
    ].join('\n'));
    assert.equal(a.family, 'sftpgo');
    assert.deepEqual(a.findings.map((f) => f.line), [1]);
    assert.equal(a.commands[0].argument, MASKED_PASSWORD);
  });

  it('reads aioftp commands in the case the client sent them', () => {
    const a = analyze('[10:00:04]: [aioftp.server] retr gone.csv\n[10:00:04]: [aioftp.server] 550 path does not exists\n');
    assert.equal(a.lines[0].verb, 'RETR');
    assert.equal(a.family, 'aioftp');
  });
});

describe('ProFTPD ExtendedLog', () => {
  it('reads `"%r" %s` after any fields, and `-` as a command that drew no reply', () => {
    const a = analyze('ZSc2Ac@oAAEAAHQ-AAAAAQAB 203.0.113.90 UNKNOWN henry [24/Nov/2026:10:00:06 +0000] "ABOR" - -\n[24/Nov/2026:10:00:07 +0100] "RETR x" 550\n"STOR y" 452 0');
    assert.deepEqual(a.lines.map((l) => l.kind), [LineKind.Command, LineKind.Exchange, LineKind.Exchange]);
    assert.equal(a.family, 'proftpd-extlog');
  });

  it('leaves an HTTP request with an FTP verb as method alone', () => {
    assert.equal(analyze('203.0.113.5 - - [24/Nov/2026:10:00:02 +0100] "LIST /files HTTP/1.1" 405 166').lines[0].family, undefined);
  });
});
