// Outline and folding: what a person sees of a log's sessions and blocks.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LogDocument } from '../../src/core/scan/document';
import { SessionModel } from '../../src/core/query/sessions';
import { OutlineBuilder, outlineOf, type OutlineItem } from '../../src/core/features/outline';
import { foldsBetween, sessionFolds, type Fold } from '../../src/core/features/folding';
import { FIXTURES_DIR, allFixtures } from '../support/fixtures';

function load(name: string): LogDocument {
  return new LogDocument(fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
}

function outline(doc: LogDocument, cap?: number): OutlineItem[] {
  return outlineOf(doc, new SessionModel(doc).build(), cap);
}

function folds(doc: LogDocument): Fold[] {
  const out: Fold[] = [];
  const model = new SessionModel(doc).build();
  for (let s = 0; s < model.sessions.length; ) s = sessionFolds(model, out, s, 2);
  // In uneven steps, as the editor asks: a block that starts in one step and ends in the next is found once.
  for (let at = 0; at < doc.lineCount; ) at = foldsBetween(doc, at, at + 3, out);
  return out;
}

describe('outline', () => {
  it('names a session by user, client and time span, and its exchanges by command and final reply', () => {
    const items = outline(load('iis/FTPSVC2/u_ex261124.log'));
    const kim = items.find((i) => i.name.startsWith('kim@'))!;
    assert.equal(kim.name, 'kim@198.51.100.42 · 12:00:01–12:00:07');
    assert.equal(kim.kind, 'session');
    assert.match(kim.detail, /^IIS FTP · 8 exchanges · ✗ 4 failed$/);
    const retr = kim.children.find((c) => c.name.startsWith('RETR'))!;
    assert.equal(retr.name, 'RETR q4_550.xlsx → 550');
    assert.equal(retr.kind, 'failed');
    assert.match(retr.detail, /^✗/);
    for (const c of kim.children) assert.ok(c.line >= kim.line && c.endLine <= kim.endLine, 'a session contains its exchanges');
  });

  it('shows a failed exchange with its reply text, and a greeting as such', () => {
    const items = outline(load('vsftpd/vsftpd.log'));
    const frank = items[0];
    assert.equal(frank.children[0].name, 'greeting → 220');
    assert.equal(frank.children[0].endLine, 3, 'a multi-line greeting is one exchange');
    const stor = frank.children.find((c) => c.name === 'STOR 421-notes.txt → 553')!;
    assert.equal(stor.detail, '✗ Could not create file.');
    const pass = frank.children.find((c) => c.name.startsWith('PASS'))!;
    assert.equal(pass.name, 'PASS **** → 230');
  });

  it('masks secrets and shows hostile text made visible and bounded', () => {
    const doc = new LogDocument(['220 hi', 'USER joe:hunter2', '331 pw', 'PASS x', '230 ok', `RETR a\u202Eexe.pdf${'x'.repeat(500)}`, '550 no']);
    const text = JSON.stringify(outline(doc));
    assert.ok(!text.includes('hunter2'));
    assert.ok(!text.includes('\u202E'));
    const retr = outline(doc)[0].children.find((c) => c.name.startsWith('RETR'))!;
    assert.ok(retr.name.length < 80, retr.name);
    assert.equal(outline(doc)[0].name, 'joe');
  });

  it('lists at most its cap of exchanges and says how many it left out', () => {
    const lines = ['220 hi'];
    for (let i = 0; i < 500; i++) lines.push(`RETR f${i}`, '550 no');
    const items = outline(new LogDocument(lines), 100);
    assert.equal(items[0].children.length, 100);
    assert.equal(items[1].kind, 'note');
    assert.equal(items[1].name, '401 more exchanges not listed');
  });

  it('draws the same outline in small steps as at once, cap and note included', () => {
    for (const name of ['vsftpd/vsftpd.log', 'iis/FTPSVC2/u_ex261124.log', 'raw/session.ftplog']) {
      const doc = load(name);
      const model = new SessionModel(doc).build();
      const builder = new OutlineBuilder(doc, model, 7);
      let steps = 0;
      while (!builder.step(1)) steps++;
      assert.ok(steps > 3, `${name}: ${steps} steps`);
      assert.deepEqual(builder.items, outlineOf(doc, model, 7), name);
    }
  });

  it('gives every fixture an outline whose items lie inside the document and inside their parents', () => {
    for (const fx of allFixtures()) {
      const doc = new LogDocument(fs.readFileSync(fx.file, 'utf8'));
      const items = outline(doc);
      if (fx.family !== 'none' && doc.family !== 'xferlog') assert.ok(items.length > 0, `${fx.name}: no sessions`);
      for (const s of items) {
        assert.ok(s.line >= 0 && s.endLine < doc.lineCount && s.line <= s.endLine, fx.name);
        for (const c of s.children) assert.ok(c.line >= s.line && c.endLine <= s.endLine, `${fx.name}: ${c.name}`);
      }
    }
  });
});

describe('folding', () => {
  it('folds a 220- … 220 greeting and a reply whose continuation lines are not indented', () => {
    const doc = new LogDocument(['220-Welcome', '220-to the archive', '220 Ready.', 'USER a', '331 pw', 'PASS b', '230-Hello.', 'Files are kept for 30 days.', 'Quota: 2 GB', '230 Login successful.', 'QUIT', '221 Bye']);
    assert.deepEqual(folds(doc), [
      { start: 0, end: 2, kind: 'reply' },
      { start: 6, end: 9, kind: 'reply' },
    ]);
  });

  it('folds IIS header blocks and sessions that no other session interleaves', () => {
    const f = folds(load('iis/FTPSVC2/u_ex261124.log'));
    assert.ok(f.some((x) => x.kind === 'header' && x.start === 0 && x.end === 3));
    assert.ok(f.some((x) => x.kind === 'header' && x.start === 25 && x.end === 28));
    assert.ok(f.some((x) => x.kind === 'session' && x.start === 29 && x.end === 38));
    assert.ok(!f.some((x) => x.kind === 'session' && x.start === 4), 'a session other sessions interleave does not fold');
  });

  it('folds Python and Java tracebacks', () => {
    const doc = new LogDocument([
      '220 hi',
      'Traceback (most recent call last):',
      '  File "up.py", line 9, in <module>',
      '    ftp.retrbinary("RETR x", f.write)',
      'ftplib.error_perm: 550 x: No such file or directory',
      'org.apache.commons.net.ftp.FTPConnectionClosedException: Connection closed without indication.',
      '\tat org.apache.commons.net.ftp.FTP.getReply(FTP.java:568)',
      '\tat org.apache.commons.net.ftp.FTP.sendCommand(FTP.java:480)',
      'done',
    ]);
    const tb = folds(doc).filter((x) => x.kind === 'traceback');
    assert.deepEqual(tb, [
      { start: 1, end: 4, kind: 'traceback' },
      { start: 5, end: 7, kind: 'traceback' },
    ]);
  });

  it('never folds a reply that another session\'s lines interleave', () => {
    const doc = load('vsftpd/vsftpd.log');
    for (const f of folds(doc).filter((x) => x.kind === 'reply')) {
      for (let j = f.start; j <= f.end; j++) assert.equal(doc.sessionOf(j), doc.sessionOf(f.start));
    }
  });

  it('gives every fixture folds inside the document, each found once', () => {
    for (const fx of allFixtures()) {
      const doc = new LogDocument(fs.readFileSync(fx.file, 'utf8'));
      const f = folds(doc);
      const keys = f.map((x) => `${x.start}-${x.end}-${x.kind}`);
      assert.equal(new Set(keys).size, keys.length, `${fx.name}: a fold found twice`);
      for (const x of f) assert.ok(x.start < x.end && x.end < doc.lineCount, fx.name);
    }
  });
});
