// The shared reply/command rules and the bad-input guarantees of the scanner.

import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { LineKind } from '../../src/core/model';
import { splitLines } from '../../src/core/scan/lines';
import { commandFor } from '../../src/core/query/replies';

function codes(text: string): string[] {
  return analyze(text).replies.map((r) => `${r.line + 1}:${r.code}${r.endLine !== r.line ? '-' + (r.endLine + 1) : ''}`);
}

describe('scanner', () => {
  describe('multi-line replies (RFC 959 §4.2)', () => {
    it('repeated NNN- prefix is one reply', () => {
      assert.deepEqual(codes('USER a\n230-Welcome\n230-to the server\n230 Logged in\nQUIT\n221 Bye'), ['2:230-4', '6:221']);
    });
    it('indented continuation lines, even ones starting with digits, are text', () => {
      const text = 'STAT\n211-Status\n 550 files here\n 421 more\n211 End';
      assert.deepEqual(codes(text), ['2:211-5']);
      const a = analyze(text);
      assert.equal(a.findings.length, 0);
      assert.equal(a.replies[0].text, 'Status\n 550 files here\n 421 more\nEnd');
    });
    it('a block the server never closes ends at the next command', () => {
      const a = analyze('220 ready\nUSER bob\n331 pw\nPASS x\n530-User cannot log in.\n Win32 error: Access is denied.\nQUIT\n221 Bye');
      assert.deepEqual(a.replies.map((r) => [r.code, r.line, r.endLine]), [[220, 0, 0], [331, 2, 2], [530, 4, 5], [221, 7, 7]]);
      assert.equal(a.findings.length, 1);
    });
    it('inside an open block, a line with another code or the bare code is text of the block (RFC 959 §4.2)', () => {
      assert.deepEqual(codes('USER a\n230-hello\nsome text\nRETR f\n550 nope').slice(-1), ['5:550']);
      assert.deepEqual(codes('NOOP\n200-a\nplain\n421 Timeout.'), ['2:200-4']);
      assert.deepEqual(codes('CWD x\n250-a\n250\n550 b\n250 done\nPWD\n257 "/"'), ['2:250-5', '7:257']);
      const a = analyze('< 220 ok\n> CWD x\n< 250-a\n< 451 not a reply here\n< 250 done\n> PWD\n< 257 "/"');
      assert.deepEqual(a.findings, []);
    });
    it('prefixed continuation lines belong to their reply', () => {
      const a = analyze('Response:\t230-Welcome\nResponse:\t230-More\nResponse:\t230 Done\nCommand:\tPWD\nResponse:\t257 "/"');
      assert.deepEqual(a.replies.map((r) => [r.code, r.line, r.endLine]), [[230, 0, 2], [257, 4, 4]]);
    });
    it('one finding per multi-line error reply', () => {
      const a = analyze('USER x\n331 pw\nPASS y\n530-Denied\n530-really\n530 End');
      assert.deepEqual(a.findings.map((f) => [f.line, f.code]), [[3, 530]]);
    });
  });

  describe('numbers that are not replies', () => {
    it('payload numbers, sizes and dates after the code are not codes', () => {
      const a = analyze('PASV\n227 Entering Passive Mode (192,0,2,10,195,80)\nMDTM a\n213 20261124550102\nSIZE b\n213 550\nMKD x\n257 "/550/451"');
      assert.deepEqual(a.replies.map((r) => r.code), [227, 213, 213, 257]);
      assert.equal(a.findings.length, 0);
    });
    it('four-digit runs, 0xx/7xx and digits glued to text are not replies', () => {
      assert.deepEqual(codes('USER a\n5500 x\n055 x\n755 x\n550x\n550, y\n331 ok'), ['7:331']);
    });
    it('IIS columns come from the #Fields: header, whatever column comes first', () => {
      const a = analyze('#Software: Microsoft Internet Information Services 10.0\n#Fields: s-sitename date time c-ip cs-method cs-uri-stem sc-status sc-win32-status sc-substatus time-taken\nFTPSVC2 2026-11-24 10:00:01 192.0.2.7 RETR /a_550.txt 550 2 0 421\nFTPSVC2 2026-11-24 10:00:02 192.0.2.7 GET /index.html 404 0 0 530');
      assert.equal(a.family, 'iis');
      assert.deepEqual(a.findings.map((f) => [f.line, f.span.start, f.code]), [[2, 54, 550]]);
    });
    it('under an IIS header, another family\'s line with as many fields keeps its own reading', () => {
      // Nine fields each: the syslog line fits the layout but its method column holds no FTP verb.
      const header = '#Fields: date time s-sitename c-ip cs-username cs-method cs-uri-stem sc-status sc-win32-status';
      const a = analyze(`${header}\n2026-11-24 10:00:01 FTPSVC1 192.0.2.7 alice RETR /a.txt 550 2\nNov 24 10:00:02 ftp pure-ftpd: (?@192.0.2.8) [DEBUG] 530 Denied.`);
      assert.deepEqual(a.findings.map((f) => [f.line, f.code]), [[1, 550], [2, 530]]);
      assert.equal(a.document.lineResult(2).family, 'pure-ftpd');
    });
    it('curl exit codes and commentary are not replies', () => {
      const a = analyze('< 220 ok\n> USER a\n< 530 Login incorrect.\n* Access denied: 530\ncurl: (67) Access denied: 530');
      assert.deepEqual(a.findings.map((f) => f.line), [2]);
    });
  });

  describe('commands', () => {
    it('pairs a reply with the command that drew it, skipping 1xx', () => {
      const a = analyze('220 hi\nRETR big.iso\n150 Opening\n426 Failure writing network stream.');
      const reply = a.replies[2];
      assert.equal(commandFor(a.document, reply)?.verb, 'RETR');
      assert.equal(a.findings[0].related?.line, 1);
    });
    it('a greeting answers no command', () => {
      const a = analyze('421 Too many users\nUSER a\n331 ok');
      assert.equal(commandFor(a.document, a.replies[0]), undefined);
    });
    it('masks the PASS argument', () => {
      const a = analyze('220 hi\nUSER a\n331 pw\nPASS hunter2\n530 Login incorrect.');
      assert.equal(a.commands[1].argument, '****');
      assert.ok(!JSON.stringify(a.findings).includes('hunter2'));
    });
    it('ignores lower-case words in a raw transcript', () => {
      assert.equal(analyze('list of things\n220 ok').lines[0].kind, LineKind.Other);
    });
  });

  describe('bad input', () => {
    it('handles empty text', () => {
      const a = analyze('');
      assert.equal(a.lines.length, 1);
      assert.equal(a.family, 'none');
      assert.equal(a.findings.length, 0);
    });
    it('treats CRLF, LF and bare CR alike', () => {
      const lf = '220 hi\nUSER a\n331 pw\nPASS x\n530 no';
      const expected = JSON.stringify(analyze(lf).findings);
      assert.equal(JSON.stringify(analyze(lf.replace(/\n/g, '\r\n')).findings), expected);
      assert.equal(JSON.stringify(analyze(lf.replace(/\n/g, '\r')).findings), expected);
      assert.deepEqual(splitLines('a\r\nb\rc\n'), ['a', 'b', 'c', '']);
    });
    it('scans a 10 MB line and 100k-digit lines in linear time', () => {
      for (const line of ['550-' + 'x'.repeat(10_000_000), '1'.repeat(100_000), ' '.repeat(100_000), '< ' + '550-'.repeat(250_000)]) {
        const t0 = Date.now();
        analyze('USER a\n' + line + '\n550 end');
        assert.ok(Date.now() - t0 < 5000, 'took ' + (Date.now() - t0) + ' ms');
      }
    });
    it('never throws on random bytes', () => {
      let s = '';
      for (let i = 0; i < 200_000; i++) s += String.fromCharCode((i * 7919) % 65536);
      assert.doesNotThrow(() => analyze(s));
    });
  });
});
