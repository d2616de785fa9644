// FileZilla client labels in every language, the client's separators and log
// file forms, FluentFTP's own lines, and the FileZilla Server prefixes.

import * as assert from 'node:assert/strict';
import labelData from '../../src/core/catalogue/filezilla-labels.json';
import { analyze } from '../../src/core/analyze';
import { LineKind } from '../../src/core/model';
import { MESSAGE_LABELS, MessageType } from '../../src/core/catalogue/filezillaLabels';

const LTR = '\u200e\u202a';

function labelsOf(type: MessageType): string[] {
  return [...MESSAGE_LABELS].filter(([, t]) => t === type).map(([text]) => text);
}

function firstReply(text: string): [number, number] | undefined {
  const r = analyze(text).replies[0];
  return r ? [r.code, r.codeSpan.start] : undefined;
}

describe('FileZilla client', () => {
  describe('label catalogue', () => {
    it('holds every language of 3.70.6 and the labels older releases wrote, each with its source', () => {
      assert.ok(labelData.current.length >= 60, `${labelData.current.length} current catalogues`);
      for (const c of [...labelData.current, ...labelData.historic]) {
        assert.match(c.source.repository, /^[\w.-]+\/[\w.-]+$/, c.language);
        assert.match(c.source.path, /locales\/[\w@]+\.po$/, c.language);
        assert.match(c.source.commit, /^[0-9a-f]{40}$/, c.language);
      }
      for (const c of labelData.current) assert.equal(c.version, '3.70.6');
      for (const c of labelData.historic) assert.ok(c.versions.first && c.versions.last, c.language);
      assert.ok(MESSAGE_LABELS.size > 300, `${MESSAGE_LABELS.size} labels`);
    });

    it('keeps the catalogues\' exact strings', () => {
      const expect: [string, MessageType][] = [
        ['Réponse\u00a0:', MessageType.Response], // fr 3.68+: NO-BREAK SPACE before the colon
        ['Réponse :', MessageType.Response], // fr up to 3.48
        ['Réponse:', MessageType.Response], // fr 3.2.0-3.2.3
        ['Odpowiedź', MessageType.Response], // pl_PL: no colon
        ['Izsekot', MessageType.Trace], // lv_LV: no colon
        ['Պատասխանը.', MessageType.Response], // hy: a full stop
        ['返回：', MessageType.Response], // zh_CN 3.0.0: FULLWIDTH COLON
        ['响应:', MessageType.Response],
        ['Lijst: ', MessageType.Listing], // nl up to 3.3.3: a trailing space
        ['Befehl:', MessageType.Command],
        ['Antwort:', MessageType.Response],
        ['Trace:', MessageType.Trace],
      ];
      for (const [text, type] of expect) assert.equal(MESSAGE_LABELS.get(text), type, JSON.stringify(text));
    });

    it('has no label that starts a label of another type (a line\'s type never depends on which is tried first)', () => {
      for (const [a, ta] of MESSAGE_LABELS) {
        for (const [b, tb] of MESSAGE_LABELS) {
          assert.ok(a === b || ta === tb || !b.startsWith(a), `${JSON.stringify(a)} starts ${JSON.stringify(b)}`);
        }
      }
    });

    it('has neither of FluentFTP\'s own labels', () => {
      for (const text of MESSAGE_LABELS.keys()) assert.ok(!/^(?:Warning|Skipped):/.test(text), text);
    });
  });

  describe('every label of every language', () => {
    it('reads a Response label\'s line as a reply: TAB, macOS padding, expanded TAB, RTL marks, timestamps', () => {
      for (const label of labelsOf(MessageType.Response)) {
        for (const [prefix, at] of [
          [`${label}\t`, label.length + 1],
          [`${label}   \t`, label.length + 4],
          [`${label}       `, label.length + 7],
          [`${label}\t${LTR}`, label.length + 3],
          [`09:14:02\t${label}\t`, label.length + 10],
          [`09:14:02 ${label} \t`, label.length + 11],
        ] as const) {
          assert.deepEqual(firstReply(`${prefix}550 Permission denied`), [550, at], JSON.stringify(prefix));
        }
      }
    });

    it('reads a Command label\'s line as a command', () => {
      for (const label of labelsOf(MessageType.Command)) {
        const a = analyze(`${label}\t${LTR}RETR report_550.pdf\n`);
        assert.deepEqual(
          a.commands.map((c) => [c.verb, c.argument]),
          [['RETR', 'report_550.pdf']],
          label,
        );
      }
    });

    it('never reads a reply on a Status, Error, Trace or Listing line', () => {
      for (const type of [MessageType.Status, MessageType.Error, MessageType.Trace, MessageType.Listing]) {
        for (const label of labelsOf(type)) {
          const a = analyze(`${label}\t550 Permission denied\n${label}\t${LTR}421 Timeout\n`);
          assert.deepEqual(a.replies, [], label);
          assert.equal(a.lines[0].kind, LineKind.Other, label);
          assert.equal(a.lines[0].family, 'filezilla', label);
        }
      }
    });

    it('reads the log file with translated labels, with and without the engine id', () => {
      for (const label of labelsOf(MessageType.Response)) {
        const prefix = `2026-11-24 10:00:01 421 2 ${label} `;
        assert.deepEqual(firstReply(`${prefix}550 No`), [550, prefix.length], label);
        const four = `2026-11-24 10:00:01 421 ${label} `;
        assert.deepEqual(firstReply(`${four}550 No`), [550, four.length], label);
      }
    });
  });

  describe('separators', () => {
    it('takes 1-8 spaces for a TAB but not more, and needs a separator', () => {
      assert.deepEqual(firstReply('Response: 550 x'), [550, 10]);
      assert.deepEqual(firstReply('Response:        550 x'), [550, 17]);
      assert.equal(analyze('Response:         550 x').lines[0].family, undefined);
      assert.equal(analyze('Response:550 x').lines[0].family, undefined);
    });

    it('names the log file\'s session by pid and engine id, and by pid alone without an engine id', () => {
      const a = analyze('2026-11-24 10:00:01 550 1 Response: 220 a\n2026-11-24 10:00:01 550 2 Antwort: 220 b\n2026-11-24 10:00:01 550 Response: 220 c');
      assert.deepEqual(a.replies.map((r) => r.session), ['550 1', '550 2', '550']);
    });
  });
});

describe('FluentFTP', () => {
  const session = 'Command:  USER ***\nResponse: 331 Password required [12ms]\nCommand:  PASS ***\nResponse: 530 Login incorrect. [0,048s]\n';

  it('is named by its call headers, banner, padded status and error lines, and its own labels', () => {
    for (const mark of [
      '# Connect(False)',
      '>         Connect(False)',
      'Status:   FluentFTP 10.1.0.0(.NET 8.0)',
      'Status:   Waiting for a response',
      'Error:    Upload failed',
      'Warning:  File failed to upload: C:\\data\\q3.csv',
      'Skipped:  200 NOOP command successful',
    ]) {
      const a = analyze(`${mark}\n${session}`);
      assert.equal(a.family, 'fluentftp', mark);
      assert.equal(a.lines[0].family, 'fluentftp', mark);
      assert.equal(a.lines[0].kind, LineKind.Other, mark);
    }
  });

  it('is not named by lines a FileZilla copy can hold: Command and Response padding, a TAB after the label', () => {
    for (const line of ['Status:\tConnecting to 192.0.2.1:21...', 'Status: Connecting', 'Status:   \tConnecting (macOS padding)', 'Error:  Timeout', '09:14:02 Status:   Connecting']) {
      assert.equal(analyze(`${line}\n${session}`).family, 'filezilla', line);
    }
  });

  it('reads the reply code before the elapsed time, and never the time or a skipped reply', () => {
    const a = analyze(`# Connect(False)\n${session}Skipped:  500 Unknown command\nResponse: 220 ok [738969.366d]\n`);
    assert.deepEqual(a.replies.map((r) => r.code), [331, 530, 220]);
    assert.deepEqual(a.findings.map((f) => [f.line, f.span.start]), [[4, 10]]);
  });
});

describe('FileZilla Server 0.9', () => {
  function legacy(prefix: string, text = '550 File not found'): [number, number, string | undefined] | undefined {
    const a = analyze(`${prefix}${text}\n`);
    const r = a.replies[0];
    return r ? [r.code, r.codeSpan.start, r.session] : undefined;
  }

  it('takes every Windows short date and the 24-hour time with or without a designator, glued or not', () => {
    for (const dateTime of [
      '11/24/2026 9:41:02 AM',
      '11/24/2026 13:05:40 PM',
      '24/11/2026 10:00:01',
      '24.11.2026 10:00:01',
      '2026/11/4 8:03:15',
      '2026-11-4 8:03:15',
      '2026-11-24 08:03:15',
      '2026. 11. 24. 8:03:15',
      '2026-11-24 오후 13:05:40',
      '24/11/2026 1:05:40 p. m.',
    ]) {
      for (const gap of [' ', '']) {
        const prefix = `(000550)${gap}${dateTime} - judy (203.0.113.26)> `;
        assert.deepEqual(legacy(prefix), [550, prefix.length, '000550'], prefix);
      }
    }
  });

  it('reads the dateless service message, IPv6 clients and any user name up to the address', () => {
    for (const prefix of [
      '(000133)- (not logged in) (::1)> ',
      '(000134)- (not logged in) (2001:db8::25)> ',
      '(000135) 24/11/2026 10:00:01 - ann (lee) (fe80::1%eth0)> ',
      '(000136) 24/11/2026 10:00:01 - ann - lee (203.0.113.26)> ',
    ]) {
      assert.deepEqual(legacy(prefix)?.slice(0, 2), [550, prefix.length], prefix);
    }
  });

  it('does not read look-alikes: no date, no address, or the user\'s log4j line', () => {
    for (const line of ['(000550) something - judy (203.0.113.26)> 550 x', '(000550) 24/11/2026 10:00:01 - judy> 550 x', '(not logged in) (192.0.2.1)> 530 Login or password incorrect!']) {
      assert.notEqual(analyze(line).lines[0].family, 'filezilla-server-legacy', line);
    }
  });

  it('reads commands in any case and keeps sessions apart by connection id', () => {
    const a = analyze('(000001)24/11/2026 10:00:01 - a (192.0.2.1)> retr x\n(000002)24/11/2026 10:00:01 - b (192.0.2.2)> USER b\n(000001)24/11/2026 10:00:02 - a (192.0.2.1)> 550 No\n');
    assert.deepEqual(a.commands.map((c) => [c.verb, c.session]), [['RETR', '000001'], ['USER', '000002']]);
    assert.equal(a.findings[0].related?.line, 0);
  });
});

describe('FileZilla Server 1.x admin pane copy', () => {
  it('reads replies and commands by type word, with the FTP session id as session, in any locale\'s date', () => {
    const a = analyze(
      '<Date/Time> Info [Type] Message\n' +
        '<11/24/2026 1:05:40 PM> FTP Session 12 203.0.113.61 grace [Command] RETR a\n' +
        '<24.11.2026 14:02:13> FTP Session 12 203.0.113.61 grace [Response] 550 No such file or directory\n' +
        '<Tue Nov 24 14:02:13 2026> FTP Session 38 198.51.100.9/Throttler [Response] 421 Too many\n' +
        '<24.11.2026 14:02:13> Throttled Authenticator, FTP Session: 40 [Trace] 530 is not a reply here\n' +
        '<24.11.2026 14:02:13>  [Status] 550 nor here\n' +
        '<24.11.2026 14:02:13> FTP Server [Private (3)] 550 nor here\n',
    );
    assert.equal(a.family, 'filezilla-server');
    assert.deepEqual(a.replies.map((r) => [r.code, r.session]), [[550, '12'], [421, '38']]);
    assert.equal(a.findings[0].related?.line, 1);
    assert.deepEqual(a.lines.slice(4, 7).map((l) => l.family), ['filezilla-server', 'filezilla-server', 'filezilla-server']);
  });

  it('does not read a line whose context holds brackets or whose type is unknown', () => {
    for (const line of ['<24.11.2026 14:02:13> FTP [x] Session [Response] 550 x', '<24.11.2026 14:02:13> FTP Session 1 [Reply] 550 x']) {
      assert.notEqual(analyze(line).lines[0].family, 'filezilla-server', line);
    }
  });
});
