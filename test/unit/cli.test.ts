// The built `ftp-log` binary, as a user runs it.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { allFixtures } from '../support/fixtures';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ftp-log CLI', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftp-log-cli-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  }

  it('check prints the fixtures\' findings in text and json, exit 1 on errors', () => {
    const fx = allFixtures().find((f) => f.family === 'vsftpd' && (f.expected ?? []).some((e) => e.includes('error')))!;
    const text = cli('check', fx.file);
    assert.equal(text.code, 1);
    const lines = text.out.trim().split('\n');
    assert.equal(lines.length, fx.expected!.length);
    for (const [i, e] of fx.expected!.entries()) {
      const [pos, severity, code] = e.split(' ');
      assert.ok(lines[i].startsWith(`${fx.file}:${pos}: ${severity} ${code} ${code} `), lines[i]);
    }
    const json = cli('check', '--format', 'json', fx.file);
    assert.equal(json.code, 1);
    const problems = JSON.parse(json.out);
    assert.equal(problems.length, fx.expected!.length);
    assert.deepEqual(Object.keys(problems[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.equal(problems[0].endColumn - problems[0].column, 3);
  });

  it('exit 0 when only warnings or nothing was found', () => {
    assert.equal(cli('check', write('warn.log', '220 hi\nRETR a\n425 Use PORT or PASV first.\n')).code, 0);
    assert.equal(cli('check', write('ok.log', '220 hi\nUSER a\n230 ok\n')).code, 0);
  });

  it('a missing file exits 2 with one line on stderr', () => {
    const r = cli('check', path.join(dir, 'nope.log'));
    assert.equal(r.code, 2);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.match(r.err, /nope\.log: no such file/);
    assert.equal(cli('detect', path.join(dir, 'nope.log')).code, 2);
  });

  it('an unreadable path (a directory) exits 2 with one line', () => {
    const r = cli('check', dir);
    assert.equal(r.code, 2);
    assert.equal(r.err.trim().split('\n').length, 1);
  });

  it('bad usage exits 2', () => {
    assert.equal(cli().code, 2);
    assert.equal(cli('frobnicate').code, 2);
    assert.equal(cli('check').code, 2);
    assert.equal(cli('check', '--format', 'xml', 'x').code, 2);
    assert.equal(cli('explain', 'abc').code, 2);
  });

  it('skips a binary file with a notice and no findings', () => {
    const file = write('bin.log', Buffer.from([0x35, 0x35, 0x30, 0x20, 0, 1, 2, 0x0a, 0x35, 0x35, 0x30, 0x20, 0x78]));
    const r = cli('check', file);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.err, /binary file skipped/);
    assert.equal(cli('detect', file).out.trim(), 'none');
  });

  it('handles empty files and CRLF / bare CR line ends alike', () => {
    assert.equal(cli('check', write('empty.log', '')).code, 0);
    const lf = '220 hi\nUSER a\n331 pw\nPASS x\n530 Login incorrect.\n';
    const want = cli('check', '--format', 'json', write('lf.log', lf)).out.replace(/lf\.log/g, 'X');
    assert.equal(cli('check', '--format', 'json', write('crlf.log', lf.replace(/\n/g, '\r\n'))).out.replace(/crlf\.log/g, 'X'), want);
    assert.equal(cli('check', '--format', 'json', write('cr.log', lf.replace(/\n/g, '\r'))).out.replace(/cr\.log/g, 'X'), want);
  });

  it('a 10 MB single line completes quickly', () => {
    const file = write('long.log', '220 hi\nUSER a\n550 ' + 'x'.repeat(10 * 1024 * 1024) + '\n');
    const t0 = Date.now();
    const r = cli('check', file);
    assert.equal(r.code, 1);
    assert.ok(Date.now() - t0 < 10_000);
  });

  it('never writes its input files', () => {
    const fx = allFixtures()[0];
    const before = crypto.createHash('sha256').update(fs.readFileSync(fx.file)).digest('hex');
    const mtime = fs.statSync(fx.file).mtimeMs;
    cli('check', fx.file);
    cli('detect', fx.file);
    assert.equal(crypto.createHash('sha256').update(fs.readFileSync(fx.file)).digest('hex'), before);
    assert.equal(fs.statSync(fx.file).mtimeMs, mtime);
  });

  it('detect names each fixture\'s family', () => {
    // In process (the binary's own entry, run()): one process per fixture took most of this tier's time.
    for (const fx of allFixtures()) {
      const out: string[] = [];
      assert.equal(run(['detect', fx.file], { out: (t) => out.push(t), err: (t) => assert.fail(t) }), 0, fx.name);
      assert.equal(out.join('\n'), fx.family, fx.name);
    }
  });

  it('the built binary detects as run() does', () => {
    const families = new Set<string>();
    for (const fx of allFixtures().filter((f) => !families.has(f.family) && families.add(f.family)).slice(0, 5)) {
      assert.equal(cli('detect', fx.file).out.trim(), fx.family, fx.name);
    }
  });

  it('explain prints Markdown for standard and non-standard codes', () => {
    const r = cli('explain', '550');
    assert.equal(r.code, 0);
    assert.match(r.out, /550/);
    assert.match(r.out, /RFC 959/);
    const odd = cli('explain', '599');
    assert.equal(odd.code, 0);
    assert.match(odd.out, /599/);
  });
});
