// Other protocols' lines in FTP's shapes: each token is recognised where that
// protocol puts it and left alone where FTP (or prose) has the same letters.

import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { LineKind } from '../../src/core/model';
import { foreignPayloadAt, foreignReplyAt, listingLineAt } from '../../src/core/scan/formats/foreign';
import { replyCodeAt } from '../../src/core/scan/formats/syntax';

function payload(text: string): boolean {
  return foreignPayloadAt(text, 0);
}

function reply(text: string): boolean {
  const code = replyCodeAt(text, 0, text.length);
  assert.ok(code >= 0, `${text} starts with a reply code`);
  return foreignReplyAt(text, 0, code);
}

function listing(text: string): boolean {
  return listingLineAt(text, 0, text.length);
}

function assertAll(check: (text: string) => boolean, on: readonly string[], off: readonly string[]): void {
  for (const text of on) assert.equal(check(text), true, `${JSON.stringify(text)} is another protocol's`);
  for (const text of off) assert.equal(check(text), false, `${JSON.stringify(text)} is not another protocol's`);
}

describe('foreign lines', () => {
  describe('AUTH', () => {
    it('SMTP SASL mechanisms are SMTP (RFC 4954); RFC 2228 mechanisms are FTP', () => {
      assertAll(
        payload,
        ['AUTH LOGIN', 'AUTH PLAIN AGFsaWNlAHNlY3JldA==', 'AUTH CRAM-MD5', 'AUTH XOAUTH2 dXNlcj1hbGljZQ==', 'AUTH NTLM', 'auth login'],
        ['AUTH GSSAPI', 'AUTH KERBEROS_V4', 'AUTH TLS', 'AUTH SSL', 'AUTH TLS-C', 'AUTH LOGINX', 'AUTH'],
      );
    });

    it('a Kerberized FTP session (AUTH GSSAPI, 334 ADAT=, ADAT) is an FTP transcript', () => {
      const text = [
        '220 ftp.example.com FTP server ready.',
        'AUTH GSSAPI',
        '334 Using authentication type GSSAPI; ADAT must follow',
        'ADAT YIIB8wYJKoZIhvcSAQICAQBuggHiMIIB3qADAgEFoQMCAQ6iBwMFACAAAACj',
        '235 ADAT=YGwGCSqGSIb3EgECAgIAb10wW6ADAgEFoQMCAQ+iTzBNoAMCAReiRgRE',
        'PBSZ 0',
        '200 PBSZ=0',
        'PROT P',
        '200 Protection level set to Private',
        'USER alice',
        '232 GSSAPI user alice@EXAMPLE.COM is authorized as alice',
        'RETR report.pdf',
        '550 report.pdf: No such file or directory',
        'QUIT',
        '221 Goodbye.',
      ].join('\n');
      const a = analyze(text);
      assert.equal(a.family, 'raw');
      assert.deepEqual(a.findings.map((f) => [f.line + 1, f.code]), [[13, 550]]);
    });
  });

  describe('SMTP', () => {
    it('verbs FTP lacks, in any case (RFC 5321 §2.4)', () => {
      assertAll(
        payload,
        ['EHLO client.example.net', 'ehlo [192.168.240.1]', 'HELO x', 'MAIL FROM:<alice@example.net>', 'rcpt TO:<bob@example.com>', 'DATA', "DATA'", 'RSET', 'VRFY carol', 'EXPN staff', 'STARTTLS', 'BDAT 421 LAST', 'ETRN example.com'],
        ['DATABASE', 'DATA report.csv', 'MAIL', 'HELP', 'NOOP', 'QUIT', 'EHLOX', 'Data: ok'],
      );
    });

    it('354, an enhanced status code of the code\'s own class, an EHLO keyword line', () => {
      assertAll(
        reply,
        [
          '354 End data with <CR><LF>.<CR><LF>',
          '354 ',
          '550 5.1.1 <nobody@example.com>: User unknown',
          '250-2.0.0 Ok',
          '550 5.1.10 RESOLVER.ADR.RecipientNotFound',
          '250-PIPELINING',
          '250 8BITMIME',
          '250-SIZE 10240000',
          '250-SIZE',
          '250-AUTH PLAIN LOGIN',
          '250-AUTH=LOGIN',
          "250-STARTTLS'",
          '250 SMTPUTF8\\r\\n',
        ],
        [
          '550 5 files',
          '550 4.1.1 wrong class',
          '550 5.1.1234 too long',
          '550 5.1',
          '250 CWD command successful.',
          '250 SIZE command successful',
          '250 DSN is not a verb here',
          '213 4096',
          '221 Goodbye.',
        ],
      );
    });
  });

  describe('NNTP', () => {
    it('article and data verbs in upper case with their arguments (RFC 3977)', () => {
      assertAll(
        payload,
        ['AUTHINFO USER dave', 'MODE READER', 'GROUP comp.lang.c', 'ARTICLE 3000234', 'HEAD 3000234', 'BODY <45223423@example.com>', 'NEXT', 'LAST', 'DATE', 'POST', 'CAPABILITIES', 'OVER 3000234-3000235', 'OVER', 'XOVER 1-', 'HDR Subject 3000234', 'XHDR From', 'LISTGROUP comp.lang.c', 'NEWNEWS * 20261124 000000'],
        ['Head of the queue', 'HEAD', 'BODY', 'HEAD report.pdf', 'Next retry in 5 s', 'Date: Tue, 24 Nov 2026', 'DATE 2026', 'Last login', 'POST /upload', 'OVER quota', 'LIST', 'STAT 3000234', 'GROUP'],
      );
    });

    it('an article response carries a message-id (RFC 3977 §6.2)', () => {
      assertAll(reply, ['220 3000234 <45223423@example.com>', '223 3000235 <45223424@example.com> retrieved'], ['220 ftp.example.com ready', '221 3000234 bytes', '226 3 <files>']);
    });
  });

  describe('POP3', () => {
    it('status indicators and POP3 verbs (RFC 1939)', () => {
      assertAll(payload, ['+OK', '+OK Dovecot ready.', '-ERR', '-ERR [AUTH] Authentication failed.', 'CAPA', 'UIDL', 'TOP 121 0', 'APOP bob c4c9334bac560ecc979e58001b3e22fb', 'STLS'], ['+OKAY', '-ERROR', 'TOP', 'TOP secret', 'USER bob', 'RETR 1', 'LIST', 'DELE 2']);
    });

    it('listing lines are `msg octets` or `msg unique-id`, or the lone dot', () => {
      assertAll(listing, ['121 550', '1 3456', '120 000001f25a3b1c00', '.'], ['121 550 bytes', '121', '121 ', '550 Permission denied', 'x 550', '..', '']);
    });
  });

  describe('IMAP', () => {
    it('untagged responses and tagged commands or statuses (RFC 9051)', () => {
      assertAll(
        payload,
        ['* OK [CAPABILITY IMAP4rev1] Dovecot ready.', '* CAPABILITY IMAP4rev1 AUTH=PLAIN', '* BYE Logging out', '* 421 EXISTS', '* 12 FETCH (FLAGS (\\Seen))', 'A001 LOGIN dave hunter2', 'TAG2 NO [AUTHENTICATIONFAILED] Authentication failed.', 'a1 OK done'],
        ['* Connected to ftp.example.com (203.0.113.5) port 21', '* Closing connection 0', '* OKAY', '* 12 files', 'ABOR', 'A001', '548 LOGIN dave'],
      );
    });
  });

  describe('IRC', () => {
    it('commands with IRC\'s parameters and prefixed messages (RFC 2812)', () => {
      assertAll(
        payload,
        ['NICK alice', 'USER alice 0 * :Alice Example', 'JOIN #ftp-help', 'PRIVMSG #ftp-help :hi', 'NOTICE bob :hi', 'PING :irc.example.net', 'PONG :irc.example.net', 'QUIT :bye', ':irc.example.net 433 * alice :Nickname is already in use.', ':bob!bob@198.51.100.7 PRIVMSG #ftp-help :hi'],
        ['NICK', 'Nick alice', 'USER alice', 'QUIT', 'PASS hunter2', 'JOIN', ':)', ': 433'],
      );
    });
  });

  describe('HTTP, RTSP, SIP', () => {
    it('status and request lines', () => {
      assertAll(
        payload,
        ['HTTP/1.1 503 Service Unavailable', 'HTTP/2 404 ', 'RTSP/1.0 401 Unauthorized', 'SIP/2.0 486 Busy Here', 'GET /status HTTP/1.1', 'DESCRIBE rtsp://192.0.2.90:554/live RTSP/1.0', 'INVITE sip:550@192.0.2.60 SIP/2.0', 'ACK sip:550@192.0.2.60:5060 SIP/2.0'],
        ['GET report.pdf', 'HTTP server', 'SIP/2.0', 'DESCRIBE rtsp://192.0.2.90/live', 'SETUP'],
      );
    });
  });

  describe('names an FTP listing may print', () => {
    it('a lone dot or a bare HEAD is no other protocol\'s on its own', () => {
      assertAll(payload, [], ['.', ".'", '..', 'HEAD', 'config']);
      const a = analyze('ftp> ls -a\n200 PORT command successful.\n150 Opening ASCII mode data connection for file list.\n.\n..\nHEAD\nconfig\n226 Transfer complete.\n');
      assert.equal(a.lines.filter((l) => l.kind === LineKind.Foreign).length, 0);
    });
  });

  describe('in a document', () => {
    it('a POP3 listing is not replies, however long; it ends at its dot', () => {
      const scan = Array.from({ length: 60 }, (_, i) => `${420 + i} ${1000 + i * 7}`);
      const text = ['+OK Dovecot ready.', 'USER bob', '+OK', 'PASS hunter2', '+OK Logged in.', 'LIST', '+OK 60 messages:', ...scan, '.', 'QUIT', '+OK Logging out.'].join('\n');
      const a = analyze(text);
      assert.equal(a.family, 'none');
      assert.deepEqual(a.replies, []);
      assert.equal(a.lines[7].kind, LineKind.Foreign);
    });

    it('a listing ends at the first line that is not one: that line reads as usual', () => {
      const a = analyze('+OK\nPASS hunter2\n+OK 1 messages:\n1 550\n.\n550 Permission denied\n');
      assert.equal(a.lines[1].kind, LineKind.Command);
      assert.equal(a.lines[3].kind, LineKind.Foreign);
      assert.equal(a.lines[5].kind, LineKind.Reply);
    });

    it('IMAP with numeric tags is not an FTP transcript', () => {
      const text = [
        '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Dovecot ready.',
        '548 LOGIN dave hunter2',
        '548 NO [AUTHENTICATIONFAILED] Authentication failed.',
        '549 SELECT INBOX',
        '* 421 EXISTS',
        '* OK [UIDVALIDITY 1795514401] UIDs valid',
        '549 OK [READ-WRITE] Select completed.',
        '550 LOGOUT',
        '* BYE Logging out',
        '550 OK Logout completed.',
      ].join('\n');
      assert.equal(analyze(text).family, 'none');
    });

    it('the later lines of another protocol\'s multi-line reply are its text', () => {
      const a = analyze('Server: 250-localhost\n250-8BITMIME\n250-AUTH LOGIN\n250 Ok\n');
      assert.deepEqual(a.lines.slice(1, 4).map((l) => l.kind), [LineKind.Foreign, LineKind.Continuation, LineKind.Continuation]);
      assert.deepEqual(a.replies, []);
    });

    it('curl\'s own `* ` lines around an FTP session stay curl\'s', () => {
      const a = analyze('* Connected to ftp.example.com (203.0.113.5) port 21\n< 220 ready\n> USER alice\n< 530 Login incorrect.\n* Closing connection 0\ncurl: (67) Access denied: 530\n');
      assert.equal(a.family, 'curl');
      assert.equal(a.findings.length, 1);
    });
  });
});
