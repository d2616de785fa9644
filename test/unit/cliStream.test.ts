// The command line's reading — bytes unpacked, decoded as VS Code decodes
// them, cut into lines chunk by chunk — gives the editor's problems: every
// fixture, logs in every encoding VS Code reads, and chunk boundaries anywhere.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../../src/core/model';
import { LogDocument } from '../../src/core/scan/document';
import { splitLines } from '../../src/core/scan/lines';
import { findingsOf } from '../../src/core/features/findings';
import { FindingStream } from '../../src/core/stream/findingStream';
import { LineSplitter, Utf8LineSplitter } from '../../src/cli/lineSplitter';
import { decode, utf16Text } from '../../src/cli/decode';
import { readLines } from '../../src/cli/read';
import { allFixtures } from '../support/fixtures';
import { seeded, between } from '../../bench/random';

/** What the editor shows for these bytes: VS Code's default decoding (BOM dropped, invalid UTF-8 replaced), then findingsOf. */
function editorFindings(bytes: Buffer, encoding = 'utf-8'): Finding[] {
  return findingsOf(new LogDocument(new TextDecoder(encoding).decode(bytes)));
}

async function cliFindings(file: string, expect: 'read' | 'binary' = 'read'): Promise<Finding[]> {
  const out: Finding[] = [];
  let stream: FindingStream | undefined;
  const outcome = await readLines(file, process.stdin, {}, () => {
    const s = (stream = new FindingStream((f) => out.push(f)));
    return { line: (t) => s.push(t), get done() { return s.done; } };
  }, async () => undefined);
  assert.equal(outcome.kind, expect, `${file}: ${JSON.stringify(outcome)}`);
  stream?.end();
  return out;
}

async function* chunksOf(bytes: Buffer, sizes: () => number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; ) {
    const n = Math.max(1, sizes());
    yield bytes.subarray(i, i + n);
    i += n;
  }
}

/** The lines the command line reads from `bytes` cut into chunks of random sizes. */
async function linesOf(bytes: Buffer, sizes: () => number): Promise<string[]> {
  const decoded = await decode(chunksOf(bytes, sizes));
  if (decoded.kind !== 'text') return assert.fail('not text');
  const lines: string[] = [];
  if (decoded.encoding === 'utf-8') {
    const splitter = new Utf8LineSplitter((l) => lines.push(l));
    for await (const c of decoded.bytes) splitter.push(c);
    splitter.end();
  } else {
    const splitter = new LineSplitter((l) => lines.push(l));
    for await (const c of utf16Text(decoded.encoding, decoded.bytes)) splitter.push(c);
    splitter.end();
  }
  return lines;
}

/** The lines the text splitter cuts from `text` given in chunks of random sizes. */
function textLinesOf(text: string, sizes: () => number): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((l) => lines.push(l));
  for (let i = 0; i < text.length; ) {
    const n = Math.max(1, sizes());
    splitter.push(text.slice(i, i + n));
    i += n;
  }
  splitter.end();
  return lines;
}

describe('CLI reading', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftp-log-read-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("gives the editor's problems on every fixture", async () => {
    for (const fx of allFixtures()) {
      const bytes = fs.readFileSync(fx.file);
      // A NUL byte early on: VS Code opens no editor for it, the command line skips it.
      const binary = bytes.subarray(0, 8192).includes(0);
      const want = binary ? [] : editorFindings(bytes);
      assert.equal(JSON.stringify(await cliFindings(fx.file, binary ? 'binary' : 'read')), JSON.stringify(want), fx.name);
    }
  });

  it('cuts lines as splitLines does, wherever the chunks end (CR, LF, CRLF, a CRLF split across chunks)', async () => {
    const random = seeded(7);
    const text = ['220 a', '', 'USER x', '331 b', '530 c', 'é€😀 x', ''].join('\n') + '\r\n\r\rPASS y\r550 z\r\n\n';
    for (const t of [text, '', '\n', '\r', '\r\n', 'no end', 'a\r', 'a\r\nb', '\r\r\n\n']) {
      for (let run = 0; run < 30; run++) {
        assert.deepEqual(await linesOf(Buffer.from(t), () => between(random, 1, 7)), splitLines(t), JSON.stringify(t));
        assert.deepEqual(textLinesOf(t, () => between(random, 1, 7)), splitLines(t), JSON.stringify(t));
      }
    }
  });

  it('decodes as VS Code does: BOMs dropped, UTF-16 by its BOM, invalid UTF-8 as U+FFFD, even when a chunk cuts a sequence', async () => {
    const random = seeded(11);
    const text = '220 Willkommen – ç€😀\r\n550 Zugriff verweigert\n';
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), text],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), text],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), text],
      [Buffer.from('220 caf\xe9 \xff\xfe ok\n550 \xc3 x\n', 'latin1'), new TextDecoder().decode(Buffer.from('220 caf\xe9 \xff\xfe ok\n550 \xc3 x\n', 'latin1'))],
      // Invalid sequences of every kind, cut by line ends and by chunks.
      [Buffer.from([0x32, 0x32, 0x30, 0x20, 0xe2, 0x82, 0x0a, 0xf0, 0x9f, 0x98, 0x0d, 0x0a, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80, 0xff, 0x0d, 0xe2, 0x82, 0xac]), new TextDecoder().decode(Buffer.from([0x32, 0x32, 0x30, 0x20, 0xe2, 0x82, 0x0a, 0xf0, 0x9f, 0x98, 0x0d, 0x0a, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80, 0xff, 0x0d, 0xe2, 0x82, 0xac]))],
      // A second byte-order mark is text, as in VS Code.
      [Buffer.from('\uFEFF\uFEFF220 x\n'), '\uFEFF220 x\n'],
    ];
    for (const [bytes, want] of cases) {
      for (let run = 0; run < 20; run++) assert.deepEqual(await linesOf(bytes, () => between(random, 1, 5)), splitLines(want));
    }
  });

  it('reads a UTF-16LE log, a UTF-8 BOM before an IIS #Fields: header, Latin-1 bytes and a .gz as the editor does', async () => {
    const iis = fs.readFileSync(allFixtures().find((f) => f.family === 'iis' && (f.expected ?? []).length > 0)!.file, 'utf8').replace(/^\uFEFF/, '');
    const files: [string, Buffer, string][] = [
      ['bom.log', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(iis)]), 'utf-8'],
      ['le.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(iis, 'utf16le')]), 'utf-16le'],
      ['latin1.log', Buffer.from('220 Bienvenue \xe0 bord\nUSER d\xe9j\xe0\n331 ok\nPASS x\n530 Acc\xe8s refus\xe9\n', 'latin1'), 'utf-8'],
    ];
    for (const [name, bytes, encoding] of files) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const want = editorFindings(bytes, encoding);
      assert.ok(want.length > 0, name);
      assert.equal(JSON.stringify(await cliFindings(file)), JSON.stringify(want), name);
      fs.writeFileSync(file + '.gz', gzipSync(bytes));
      assert.equal(JSON.stringify(await cliFindings(file + '.gz')), JSON.stringify(want), name + '.gz');
      // gzip told by its bytes, not its name.
      fs.writeFileSync(file + '.packed', gzipSync(bytes));
      assert.equal(JSON.stringify(await cliFindings(file + '.packed')), JSON.stringify(want), name + '.packed');
    }
  });
});
