// The command line's streaming read gives the editor's problems, byte for byte.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Finding } from '../../src/core/model';
import { LogDocument } from '../../src/core/scan/document';
import { splitLines } from '../../src/core/scan/lines';
import { FindingStream } from '../../src/core/stream/findingStream';
import { HEAD_LINES } from '../../src/core/scan/head';
import { allFixtures } from '../support/fixtures';
import { between, pick, seeded } from '../../bench/random';
import { findingsOf } from '../../src/core/features/findings';

function streamed(lines: readonly string[]): { findings: Finding[]; family: string } {
  const findings: Finding[] = [];
  const stream = new FindingStream((f) => findings.push(f));
  for (const line of lines) stream.push(line);
  return { family: stream.end(), findings };
}

function same(lines: string[], name: string): void {
  const doc = new LogDocument(lines);
  const s = streamed(lines);
  assert.equal(s.family, doc.family, `${name}: family`);
  assert.equal(JSON.stringify(s.findings), JSON.stringify(findingsOf(doc)), `${name}: findings`);
}

describe('streamed problems', function () {
  this.timeout(120_000);
  for (const fx of allFixtures()) {
    it(`equal the editor's on ${fx.name}`, () => same(splitLines(fs.readFileSync(fx.file, 'utf8')), fx.name));
  }

  it("equal the editor's on a long log of many sessions, past the head and the window", () => {
    const random = seeded(3);
    const pool = allFixtures().filter((f) => f.family !== 'none').flatMap((f) => splitLines(fs.readFileSync(f.file, 'utf8')));
    const lines: string[] = [];
    for (let i = 0; i < HEAD_LINES * 3; i++) lines.push(pick(random, pool));
    same(lines, 'mixed');
  });

  it("equal the editor's on logs of one family each, long enough to leave the window many times", () => {
    for (const family of ['vsftpd', 'filezilla-server-legacy', 'iis', 'raw', 'generic', 'curl']) {
      const random = seeded(family.length);
      const pool = allFixtures().filter((f) => f.family === family).flatMap((f) => splitLines(fs.readFileSync(f.file, 'utf8')));
      const lines = Array.from({ length: 25_000 }, () => pick(random, pool));
      same(lines, family);
    }
  });

  it('stops reading a log that its head says is not FTP', () => {
    const stream = new FindingStream(() => assert.fail('no problem expected'));
    for (let i = 0; i < HEAD_LINES + 10; i++) stream.push(`2026-11-24 10:00:01 INFO app started worker ${i}`);
    assert.equal(stream.done, true);
    assert.equal(stream.end(), 'none');
  });

  it('keeps a bounded memory of sessions on a log where every session is new', () => {
    const stream = new FindingStream(() => undefined);
    for (let i = 0; i < 60_000; i++) {
      stream.push(`(${String(i).padStart(6, '0')}) 24/11/2026 10:00:01 - (not logged in) (192.0.2.${i % 250})> 220 Ready`);
      stream.push(`(${String(i).padStart(6, '0')}) 24/11/2026 10:00:01 - (not logged in) (192.0.2.${i % 250})> ${between(seeded(i), 0, 1) ? 'USER a' : '530 Login or password incorrect!'}`);
    }
    const window = (stream as unknown as { reader: { window: { store: { internedSessions: number } } } }).reader.window;
    assert.ok(window.store.internedSessions < 40_000, `${window.store.internedSessions} sessions kept`);
  });
});
