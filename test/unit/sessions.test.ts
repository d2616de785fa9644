// The session model: sessions by the log's own session field, vsftpd's
// privilege-separated login as one session, exchanges with the replies they
// drew, and an incremental model that always equals a fresh build.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LogDocument } from '../../src/core/scan/document';
import { SessionModel, type Session } from '../../src/core/query/sessions';
import { FIXTURES_DIR, allFixtures } from '../support/fixtures';
import { between, pick, seeded } from '../../bench/random';
import { outlineOf } from '../../src/core/features/outline';
import { newRow } from '../../src/core/scan/row';

function fixture(name: string): LogDocument {
  return new LogDocument(fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
}

function sessionsOf(doc: LogDocument): SessionModel {
  return new SessionModel(doc).build();
}

/** What a model says, in a form two models can be compared by. */
function picture(doc: LogDocument, m: SessionModel): string {
  const lines: string[] = [];
  for (const s of m.sessions) {
    lines.push(`${s.key} ${s.start}-${s.end} g${s.greeting} u${s.userLine} l${s.loginLine} f${s.failures} c${s.commands} ${m.addressOf(s)} [${s.exchanges.join(',')}]`);
  }
  const at: number[] = [];
  for (let i = 0; i < doc.lineCount; i++) at.push(m.sessionAt(i)?.index ?? -1);
  lines.push(at.join(','));
  return lines.join('\n');
}

function listed(m: SessionModel): Session[] {
  return m.sessions.filter((s) => m.listed(s));
}

describe('session model', () => {
  it('joins vsftpd\'s login process to the session that connected (privilege separation)', () => {
    const doc = fixture('vsftpd/vsftpd.log');
    const m = sessionsOf(doc);
    const sessions = listed(m);
    assert.equal(sessions.length, 2, 'pid 550 and 552 are one session, pid 421 another');
    const frank = m.sessionAt(0)!;
    assert.equal(m.sessionAt(8), frank, 'the 230 of pid 552 is frank\'s session');
    assert.equal(m.sessionAt(40), frank);
    assert.equal(m.addressOf(frank), '192.0.2.61');
    // vsftpd's own event names the login (logging.c: `OK LOGIN`), in the new process.
    assert.equal(frank.loginLine, 7);
    assert.equal(doc.rowOf(frank.userLine, newRow()).session, '552');
    assert.match(outlineOf(doc, m)[0].name, /^frank@192\.0\.2\.61 · 10:00:01–10:00:18$/);
    // PASS (line 6, pid 550) drew the 230 (line 8, pid 552).
    const pass = frank.exchange(2);
    assert.deepEqual([pass.command, pass.reply, pass.code], [6, 8, 230]);
    const gina = m.sessionAt(9)!;
    assert.notEqual(gina, frank);
    assert.equal(m.addressOf(gina), '203.0.113.250');
    assert.equal(gina.loginLine, -1, 'a failed login is no login');
    assert.equal(gina.failures, 1);
  });

  it('joins the login process in a syslog layout too, and a failed login\'s later process', () => {
    const m = sessionsOf(fixture('vsftpd/syslog-vsftpd.log'));
    assert.equal(listed(m).length, 1);
    const rfc = sessionsOf(fixture('vsftpd/rfc5424.log'));
    assert.equal(listed(rfc).length, 1);
  });

  it('keeps two connections from one address apart until a new process names the user', () => {
    const lines = [
      'Tue Nov 24 10:00:01 2026 [pid 10] CONNECT: Client "192.0.2.61"',
      'Tue Nov 24 10:00:01 2026 [pid 10] FTP response: Client "192.0.2.61", "220 Ready."',
      'Tue Nov 24 10:00:02 2026 [pid 20] CONNECT: Client "192.0.2.61"',
      'Tue Nov 24 10:00:02 2026 [pid 20] FTP response: Client "192.0.2.61", "220 Ready."',
      'Tue Nov 24 10:00:03 2026 [pid 20] FTP command: Client "192.0.2.61", "USER bob"',
      'Tue Nov 24 10:00:03 2026 [pid 20] [bob] FTP response: Client "192.0.2.61", "331 Please specify the password."',
      'Tue Nov 24 10:00:03 2026 [pid 20] [bob] FTP command: Client "192.0.2.61", "PASS x"',
      'Tue Nov 24 10:00:03 2026 [pid 21] [bob] OK LOGIN: Client "192.0.2.61"',
      'Tue Nov 24 10:00:03 2026 [pid 21] [bob] FTP response: Client "192.0.2.61", "230 Login successful."',
    ];
    const m = sessionsOf(new LogDocument(lines));
    assert.equal(listed(m).length, 2);
    assert.notEqual(m.sessionAt(0), m.sessionAt(2));
    assert.equal(m.sessionAt(8), m.sessionAt(2), 'the latest session logging in from that address takes the login');
    assert.equal(m.sessionAt(0)!.exchangeCount, 1);
  });

  it('reads a plain transcript as one session, split where a new greeting follows commands', () => {
    const one = sessionsOf(fixture('raw/session.ftplog'));
    assert.equal(listed(one).length, 1);
    const s = one.sessions[0];
    assert.equal(s.greeting, 0);
    assert.equal(one.addressOf(s), undefined, 'an address in a reply is the server\'s payload, not the session\'s');
    const two = sessionsOf(new LogDocument(['220 one', 'USER a', '331 pw', 'QUIT', '221 bye', 'Connecting to 192.0.2.9', '220 two', 'USER b', '230 ok']));
    assert.equal(two.sessions.length, 2);
    assert.equal(two.sessionAt(5), two.sessionAt(6), 'the lines before a greeting open its connection');
    assert.equal(two.sessions[1].start, 5);
    assert.equal(two.sessions[0].end, 4);
  });

  it('draws preliminary and final replies into one exchange', () => {
    const m = sessionsOf(new LogDocument(['220 hi', 'RETR a', '150 opening', '226 done', 'STOR b', '150 ok', '451 aborted']));
    const s = m.sessions[0];
    assert.deepEqual(s.exchange(1), { command: 1, preliminary: 2, reply: 3, code: 226 });
    assert.deepEqual(s.exchange(2), { command: 4, preliminary: 5, reply: 6, code: 451 });
    assert.equal(s.failures, 1);
  });

  it('gives IIS and FileZilla Server sessions their user and client, and no header session', () => {
    const iis = sessionsOf(fixture('iis/FTPSVC2/u_ex261124.log'));
    const named = listed(iis).map((s) => iis.addressOf(s));
    assert.ok(named.length >= 3, `IIS sessions: ${named.join(', ')}`);
    assert.ok(named.every((a) => a !== undefined));
    const fz = sessionsOf(fixture('filezilla-server-legacy/fzs-2026-11-24.log'));
    assert.equal(listed(fz).length, 2);
  });

  it('never takes a user name from a password', () => {
    const doc = new LogDocument(['220 hi', 'USER alice', '331 pw', 'PASS alice-secret', '230 ok']);
    const out = JSON.stringify(outlineOf(doc, sessionsOf(doc)));
    assert.ok(out.includes('alice'));
    assert.ok(!out.includes('alice-secret'));
  });

  describe('kept up to date', () => {
    const fixtures = allFixtures().filter((f) => f.family !== 'none');
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      it(`equals a fresh build after random edits and appends (seed ${seed})`, () => {
        const random = seeded(seed);
        const source = fs.readFileSync(pick(random, fixtures).file, 'utf8').split(/\r?\n/);
        const doc = new LogDocument(source.slice(0, Math.ceil(source.length / 2)));
        const m = new SessionModel(doc);
        for (let step = 0; step < 60; step++) {
          const r = random();
          if (r < 0.4) {
            doc.replaceLines(doc.lineCount, 0, [pick(random, source)]);
          } else {
            const start = between(random, 0, doc.lineCount);
            const del = Math.min(between(random, 0, 3), doc.lineCount - start);
            const insert = Array.from({ length: between(random, 0, 3) }, () => pick(random, source));
            doc.replaceLines(start, del, insert, between(random, 1, 40));
          }
          while (doc.rescanPending) doc.continueRescan();
          // A model that is read in steps between edits, or not at all for a while.
          if (random() < 0.7) m.advance(between(random, 1, 30));
          if (random() < 0.3) {
            m.build();
            assert.equal(picture(doc, m), picture(doc, sessionsOf(doc)), `step ${step}`);
          }
        }
        m.build();
        assert.equal(picture(doc, m), picture(doc, sessionsOf(doc)));
      });
    }
  });
});
