// IIS W3C logs: rows read without their header in IIS's default FTP layouts,
// a header that wins over that inference, the byte-order mark, and the rows
// of IIS's other services (SMTP, web) that must never become FTP replies.

import * as assert from 'node:assert/strict';
import { checkSync } from 'recheck';
import { analyze } from '../../src/core/analyze';
import { LineKind } from '../../src/core/model';
import { HEADERLESS_ROWS } from '../../src/core/scan/formats/iisHeaderless';

const GUID = '6f1c2a9e-0d1b-4c55-9a10-3b7e5d2c8f01';

function findings(text: string): string[] {
  return analyze(text).findings.map((f) => `${f.line + 1}:${f.span.start + 1} ${f.code}`);
}

/** `line:column code` of the field ` code ` where `marker` (the text before it) ends on `line` (1-based). */
function at(text: string, line: number, marker: string, code: number): string {
  const l = text.split('\n')[line - 1];
  const i = l.indexOf(`${marker} ${code}`);
  assert.ok(i >= 0, `${marker} ${code} not on line ${line}`);
  return `${line}:${i + marker.length + 2} ${code}`;
}

/** An IIS 7+ FTPSVC row in the default field set, with `method arg status win32 sub`. */
function ftpsvcRow(client: string, request: string): string {
  return `2026-11-25 08:14:04 ${client} EXAMPLE\\jane 192.0.2.5 21 ${request} ${GUID} /`;
}

describe('IIS W3C logs', () => {
  describe('rows without their #Fields: header', () => {
    it('reads the IIS 7+ default layout: sc-status only, never the port, Win32 status, sub-status or GUID', () => {
      const text = `${ftpsvcRow('203.0.113.21', 'PASS *** 530 1326 41')}\n${ftpsvcRow('203.0.113.21', 'RETR f_421.txt 550 2 0')}`;
      const a = analyze(text);
      assert.equal(a.family, 'iis');
      assert.deepEqual(findings(text), [at(text, 1, '***', 530), at(text, 2, 'f_421.txt', 550)]);
      assert.equal(a.lines[0].kind, LineKind.Exchange);
    });

    it('reads an IPv6 client address', () => {
      const text = ftpsvcRow('2001:db8::21', 'RETR a.txt 550 2 0');
      assert.deepEqual(findings(text), [at(text, 1, 'a.txt', 550)]);
    });

    it('reads an infrastructure row (sc-status `-`) as the session\'s event, without a code', () => {
      const a = analyze(`${ftpsvcRow('203.0.113.21', 'DataChannelOpened - - 0 0')}\n${ftpsvcRow('203.0.113.21', 'LIST - 425 64 15')}`);
      assert.equal(a.lines[0].family, 'iis');
      assert.equal(a.lines[0].code, undefined);
      assert.deepEqual(a.findings.map((f) => f.code), [425]);
    });

    it('takes no row whose method is not an FTP command or event', () => {
      for (const request of ['GET /a.txt 404 0 2', 'XYZW /a.txt 550 2 0', 'EHLO - 500 0 0']) {
        const a = analyze(ftpsvcRow('203.0.113.21', request));
        assert.equal(a.family, 'none', request);
        assert.notEqual(a.lines[0].family, 'iis', request);
      }
    });

    it('takes no row whose other fields do not have their IIS shape', () => {
      const rows = [
        ftpsvcRow('host.example.com', 'RETR a.txt 550 2 0'), // c-ip is no address
        ftpsvcRow('203.0.113.21', 'RETR a.txt 5500 2 0'), // sc-status is not three digits
        ftpsvcRow('203.0.113.21', 'RETR a.txt 550 x 0'), // sc-win32-status is no integer
        ftpsvcRow('203.0.113.21', 'RETR a.txt 550 2 0').replace(GUID, 'not-a-guid'),
        ftpsvcRow('203.0.113.21', 'RETR a.txt 550 2 0') + ' extra', // 14 fields
        '10:00:01 192.0.2.1 USER bob 331 0', // IIS 6 without the [N] counter glued to the method
        '10:00:01 192.0.2.1 [5]closed /a 550 0', // a pseudo-method never seen in a real log
        '10:00:01 192.0.2.1 [5]RETR /a 550', // the IIS 6 default layout lost its Win32 column
      ];
      for (const row of rows) {
        const a = analyze(row);
        assert.notEqual(a.lines[0].family, 'iis', row);
        assert.deepEqual(a.findings, [], row);
      }
    });

    it('reads the IIS 5/6 layouts with the connection counter glued to the method, never the counter', () => {
      const text = '14:03:19 203.0.113.44 [530]PASS - 530 1326\n14:03:26 203.0.113.44 [550]sent /a.txt 550 2';
      assert.deepEqual(findings(text), [at(text, 1, 'PASS -', 530), at(text, 2, '/a.txt', 550)]);
      const withPort = '10:54:31 198.51.100.9 - 21 [421]PASS - 530';
      assert.deepEqual(findings(withPort), [at(withPort, 1, 'PASS -', 530)]);
    });

    it('a #Fields: header wins over the default layout a row also fits', () => {
      // Thirteen fields, but this header puts sc-status after sc-win32-status.
      const header = '#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-win32-status sc-status sc-substatus x-session x-fullpath';
      const text = `${header}\n${ftpsvcRow('203.0.113.21', 'RETR a.txt 550 426 0')}`;
      assert.deepEqual(findings(text), [at(text, 2, 'a.txt 550', 426)]);
    });
  });

  describe('a byte-order mark before the first directive', () => {
    const row = '2026-11-29 16:20:02 FTPSVC4 203.0.113.60 PASS *** 530 1326';
    const fields = '#Fields: date time s-sitename c-ip cs-method cs-uri-stem sc-status sc-win32-status';

    it('does not hide a #Fields: header', () => {
      const text = `\uFEFF${fields}\n${row}`;
      assert.equal(analyze(text).family, 'iis');
      assert.deepEqual(findings(text), [at(text, 2, '***', 530)]);
    });

    it('does not hide a #Software: line', () => {
      const a = analyze(`\uFEFF#Software: Microsoft Internet Information Services 10.0\n${fields}\n${row}`);
      assert.equal(a.lines[0].family, 'iis');
      assert.equal(a.family, 'iis');
      assert.equal(a.findings.length, 1);
    });
  });

  describe("IIS's other services", () => {
    it('an SMTP log whose field set names no service is not FTP, though QUIT and AUTH read like it', () => {
      const text = [
        '#Software: Microsoft Internet Information Services 6.0',
        '#Fields: time c-ip cs-method cs-uri-stem sc-status',
        '10:00:01 192.0.2.44 EHLO - 250',
        '10:00:01 192.0.2.44 AUTH - 535',
        '10:00:02 192.0.2.44 MAIL - 250',
        '10:00:02 192.0.2.44 RCPT - 550',
        '10:00:03 192.0.2.44 DATA - 250',
        '10:00:03 192.0.2.44 QUIT - 240',
      ].join('\n');
      const a = analyze(text);
      assert.equal(a.family, 'none');
      assert.deepEqual(a.findings, []);
      assert.equal(a.lines[5].kind, LineKind.Foreign);
    });

    it('SMTP rows without their header, in the field set FTP\'s every-field layout shares, are not read', () => {
      const rows = [
        '2026-11-24 10:00:01 192.0.2.44 app01.example.net SMTPSVC1 MAIL01 192.0.2.25 0 AUTH - +LOGIN 535 0 44 12 421 SMTP - - - -',
        '2026-11-24 10:00:02 192.0.2.44 app01.example.net SMTPSVC1 MAIL01 192.0.2.25 0 RCPT - +TO:<nobody@example.com> 550 0 38 29 0 SMTP - - - -',
        '2026-11-24 10:00:03 192.0.2.44 app01.example.net SMTPSVC1 MAIL01 192.0.2.25 0 QUIT - app01.example.net 240 0 84 4 550 SMTP - - - -',
      ].join('\n');
      const a = analyze(rows);
      assert.equal(a.family, 'none');
      assert.deepEqual(a.findings, []);
      assert.ok(a.lines.every((l) => l.family !== 'iis'));
    });

    it('a row naming the SMTP or web service is another protocol\'s line, whatever its verb', () => {
      const header = '#Fields: date time c-ip s-sitename cs-method cs-uri-stem sc-status cs-version';
      const a = analyze(`${header}\n2026-11-24 10:00:03 192.0.2.44 SMTPSVC1 QUIT - 240 SMTP\n2026-11-24 10:00:04 192.0.2.44 FTPSVC1 QUIT - 221 FTP\n2026-11-24 10:00:05 192.0.2.44 FTPSVC1 NOOP - 200 HTTP/1.1`);
      assert.deepEqual(a.lines.slice(1).map((l) => l.kind), [LineKind.Foreign, LineKind.Exchange, LineKind.Foreign]);
    });

    it('under the FTP service\'s own x-session column, an EHLO a client sent does not make the log SMTP', () => {
      const header = '#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session';
      const a = analyze(`${header}\n2026-11-25 08:14:04 192.0.2.7 EHLO - 500 0 0 ${GUID}\n2026-11-25 08:14:05 192.0.2.7 USER bob 530 0 0 ${GUID}`);
      assert.equal(a.family, 'iis');
      assert.deepEqual(a.findings.map((f) => f.code), [530]);
    });
  });

  it('the row shapes cannot backtrack (recheck)', function () {
    this.timeout(120_000);
    assert.ok(HEADERLESS_ROWS.length >= 5);
    for (const re of HEADERLESS_ROWS) {
      // Sticky and tried at column 0 only: anchored, as `^` says to recheck.
      assert.ok(re.sticky);
      const res = checkSync(`^${re.source}`, re.flags.replace('y', ''), { timeout: 60_000 });
      assert.equal(res.status, 'safe', `${re.source}: ${res.status}`);
    }
  });
});
