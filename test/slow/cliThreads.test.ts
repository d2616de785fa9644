// `ftp-log check --threads N` writes what one thread writes, byte for byte:
// the same problems in the same order, the same summary and exit status, on
// line ends of every kind and a byte-order mark, under --max-problems,
// --severity and --ignore. Run in this process with real worker threads
// (the built CLI as their script) and segments small enough that a log of a
// few megabytes is cut into dozens of them. A slow-tier test: it builds on
// dist/cli.js and starts threads.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { generateLog } from '../../bench/generate';
import { run } from '../../src/cli/main';
import { Sink } from '../../src/cli/sink';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface Run {
  code: number;
  out: string;
  err: string;
}

describe('ftp-log check --threads', function () {
  this.timeout(120_000);
  let dir: string;
  let probe: string;
  let started: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftp-log-threads-'));
    started = path.join(dir, 'threads-started');
    // A worker script that notes each thread it starts, then is the CLI: proof the threads ran.
    probe = path.join(dir, 'probe.js');
    fs.writeFileSync(probe, `require('node:fs').appendFileSync(${JSON.stringify(started)}, 'x');\nrequire(${JSON.stringify(CLI)});\n`);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function check(args: string[], workerScript = probe): Promise<Run> {
    let out = '';
    const errs: string[] = [];
    const code = await run(['check', ...args], {
      out: new Sink({ write: (t: string) => ((out += t), true), once: () => undefined }),
      err: (line) => errs.push(line),
      stdin: Readable.from([]),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      env: {},
      version: '0.0.0-test',
      started: Date.now(),
      parallel: { workerScript, segmentBytes: 96 * 1024 },
    });
    return { code, out, err: errs.join('\n') };
  }

  function threadsStarted(): number {
    const n = fs.existsSync(started) ? fs.readFileSync(started, 'utf8').length : 0;
    fs.rmSync(started, { force: true });
    return n;
  }

  async function same(file: string, args: string[]): Promise<void> {
    const one = await check([...args, file]);
    assert.equal(threadsStarted(), 0, 'one thread reads it alone');
    const three = await check(['--threads', '3', ...args, file]);
    assert.equal(threadsStarted(), 3, 'three threads read it');
    assert.ok(one.out.length > 10_000, 'there are problems to compare');
    assert.equal(three.out, one.out, `${path.basename(file)} ${args.join(' ')}: output`);
    assert.equal(three.err, one.err, 'summary');
    assert.equal(three.code, one.code, 'exit status');
  }

  const log = () => generateLog(60_000, 9);

  it('writes what one thread writes, in every item format', async () => {
    const file = path.join(dir, 'mixed.log');
    fs.writeFileSync(file, log());
    for (const format of ['json', 'jsonl', 'text']) await same(file, ['--format', format]);
  });

  it('writes what one thread writes with CRLF, a mix of bare CRs and a byte-order mark', async () => {
    const text = log();
    const crlf = path.join(dir, 'crlf.log');
    fs.writeFileSync(crlf, text.replace(/\n/g, '\r\n'));
    await same(crlf, ['--format', 'jsonl']);
    let i = 0;
    const mixed = path.join(dir, 'bare-cr.log');
    fs.writeFileSync(mixed, text.replace(/\n/g, () => (i++ % 5 === 0 ? '\r' : '\n')));
    await same(mixed, ['--format', 'jsonl']);
    const bom = path.join(dir, 'bom.log');
    fs.writeFileSync(bom, '\ufeff' + text);
    await same(bom, ['--format', 'jsonl']);
  });

  it('writes what one thread writes under --max-problems, --severity and --ignore', async () => {
    const file = path.join(dir, 'options.log');
    fs.writeFileSync(file, log());
    await same(file, ['--max-problems', '1234']);
    await same(file, ['--format', 'json', '--severity', '4xx=error,530=hint', '--ignore', '550']);
  });

  it('reads a log its head says is not FTP, and several files, as one thread does', async () => {
    const other = path.join(dir, 'app.log');
    fs.writeFileSync(other, Array.from({ length: 40_000 }, (_, i) => `2026-11-24 10:00:01 INFO worker ${i} started`).join('\n'));
    const ftp = path.join(dir, 'ftp.log');
    fs.writeFileSync(ftp, log());
    const one = await check([other, ftp]);
    threadsStarted();
    const three = await check(['--threads', '3', other, ftp]);
    assert.equal(threadsStarted(), 6, 'three threads for each file');
    assert.equal(three.out, one.out);
    assert.equal(three.err, one.err);
  });

  it('says in one line when a thread cannot run, and exits 2', async () => {
    const file = path.join(dir, 'lost.log');
    fs.writeFileSync(file, log());
    const r = await check(['--threads', '2', file], path.join(dir, 'no-such-script.js'));
    assert.equal(r.code, 2);
    assert.match(r.err, /^ftp-log: .*lost\.log: /);
  });

  it('refuses --threads 0', async () => {
    const r = await check(['--threads', '0', '-']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--threads must be 1 or more/);
  });
});
