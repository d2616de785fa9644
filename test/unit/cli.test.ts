// `ftp-log` as a user runs it: most behaviours through `run` in this process
// (the same code the binary runs, fast), and what only a real process shows —
// pipes, FIFOs, exit status, the installed version — through the built binary.

import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { allFixtures } from '../support/fixtures';
import { generateLog } from '../../bench/generate';
import { LogDocument } from '../../src/core/scan/document';
import { findingsOf } from '../../src/core/features/findings';
import { formatText, toCliProblem } from '../../src/cli/output';
import { HEAD_LINES } from '../../src/core/scan/head';
import { explainReply, replyToMarkdown } from '../../src/core/features/explain';
import { explanationAt } from '../../src/core/features/hover';
import { run } from '../../src/cli/main';
import { Sink } from '../../src/cli/sink';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

interface Options {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
}

/** `ftp-log ARGS` run in this process, standard input fed from `input`, output not a terminal. */
async function cli(args: string[], options: Options = {}): Promise<Run> {
  let out = '';
  const errs: string[] = [];
  const code = await run(args, {
    out: new Sink({ write: (t: string) => ((out += t), true), once: () => undefined }),
    err: (line) => errs.push(line + '\n'),
    stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    env: { ...options.env },
    version: '0.0.0-test',
    started: Date.now(),
  });
  return { code, out, err: errs.join('') };
}

/** The built binary in its own process. */
function spawned(args: string[], options: Options = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: plainEnv(options.env),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** This process's environment without colour settings, plus `extra`. */
function plainEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const key of ['NO_COLOR', 'FORCE_COLOR']) if (!(key in extra)) delete env[key];
  return env;
}

/** A shell pipeline into the CLI (`gzip -c f | ftp-log check`). */
function piped(command: string, args: string[]): Run {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('/bin/sh', ['-c', `${command} | ${quoted}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: plainEnv() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function errorFixture() {
  return allFixtures().find((f) => f.family === 'vsftpd' && (f.expected ?? []).some((e) => e.includes('error')))!;
}

describe('ftp-log CLI', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftp-log-cli-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  }

  it("check prints the fixtures' findings as file:line:col: severity code meaning (code once), and json; exit 1 on errors", async () => {
    const fx = errorFixture();
    const text = spawned(['check', fx.file]);
    assert.equal(text.code, 1);
    const lines = text.out.trim().split('\n');
    assert.equal(lines.length, fx.expected!.length);
    for (const [i, e] of fx.expected!.entries()) {
      const [pos, severity, code] = e.split(' ');
      assert.ok(lines[i].startsWith(`${fx.file}:${pos}: ${severity} ${code} `), lines[i]);
      assert.ok(!lines[i].startsWith(`${fx.file}:${pos}: ${severity} ${code} ${code} `), `code printed twice: ${lines[i]}`);
    }
    const json = (await cli(['check', '--format', 'json', fx.file]));
    assert.equal(json.code, 1);
    const problems = JSON.parse(json.out);
    assert.equal(problems.length, fx.expected!.length);
    assert.deepEqual(Object.keys(problems[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.equal(problems[0].endColumn - problems[0].column, 3);
    // The streamed array is byte for byte what JSON.stringify(problems, null, 2) prints.
    assert.equal(json.out, JSON.stringify(problems, null, 2) + '\n');
    assert.equal((await cli(['check', '--format', 'json', write('none.log', 'hello\n')])).out, '[]\n');
  });

  it('prints a summary line on stderr: 3 errors, 1 warning in 2 files', async () => {
    const a = write('sum-a.log', '220 hi\nUSER a\n331 pw\nPASS x\n530 no\nCWD x\n550 no\n');
    const b = write('sum-b.log', '220 hi\nRETR a\n425 Use PORT or PASV first.\nSTOR b\n553 no\n');
    const r = (await cli(['check', a, b]));
    assert.equal(r.code, 1);
    assert.equal(r.err.trim(), '3 errors, 1 warning in 2 files');
    assert.equal((await cli(['check', write('one.log', '220 hi\nUSER a\n230 ok\n')])).err.trim(), '0 errors, 0 warnings in 1 file');
  });

  it('jsonl: one object per line, the json array item for item', async () => {
    const fx = errorFixture();
    const lines = (await cli(['check', '--format', 'jsonl', fx.file])).out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines, JSON.parse((await cli(['check', '--format', 'json', fx.file])).out));
  });

  it('sarif: valid against the published SARIF 2.1.0 schema, one result per problem, unreadable files as notifications', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8'));
    // Draft-04's `id` is draft-06's `$id`; every other keyword the schema uses means the same in Ajv's draft-07.
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('uri', (x: string) => URL.canParse(x));
    ajv.addFormat('uri-reference', (x: string) => URL.canParse(x, 'file:///base/'));
    ajv.addFormat('date-time', (x: string) => !Number.isNaN(Date.parse(x)));
    const validate = ajv.compile(schema);
    const fx = errorFixture();
    const spaced = write('name with space#1.log', fs.readFileSync(fx.file));
    for (const args of [[fx.file, spaced], [write('clean.log', '220 hi\n')], [fx.file, path.join(dir, 'missing.log')]]) {
      const r = (await cli(['check', '--format', 'sarif', ...args]));
      const log = JSON.parse(r.out);
      assert.ok(validate(log) as boolean, JSON.stringify(validate.errors?.slice(0, 3)));
      assert.equal(log.version, '2.1.0');
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'ftp-log');
      if (args.includes(spaced)) {
        assert.equal(run.results.length, 2 * fx.expected!.length);
        assert.equal(run.results[0].level, 'error');
        assert.equal(run.results.at(-1).locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(spaced).href);
      }
      if (args.some((a) => a.endsWith('missing.log'))) {
        assert.equal(r.code, 2);
        assert.equal(run.invocations[0].executionSuccessful, false);
        assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /no such file/);
      }
    }
    const relative = path.relative(process.cwd(), fx.file);
    const rel = JSON.parse((await cli(['check', '--format', 'sarif', relative])).out);
    assert.equal(rel.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, relative.split(path.sep).join('/'));
    const stdin = JSON.parse((await cli(['check', '--format', 'sarif', '-'], { input: fs.readFileSync(fx.file) })).out);
    assert.ok(validate(stdin) as boolean, JSON.stringify(validate.errors?.slice(0, 3)));
  });

  it('--max-problems, --ignore and --severity (code over class, none hides) decide what is shown and the exit code', async () => {
    const file = write('policy.log', '220 hi\nRETR a\n425 Use PORT or PASV first.\nSTOR b\n553 no\nCWD c\n550 no\n');
    const codes = (r: Run) => r.out.trim().split('\n').filter(Boolean).map((l) => l.split(' ').slice(1, 3).join(' '));
    assert.deepEqual(codes((await cli(['check', file]))), ['warning 425', 'error 553', 'error 550']);
    const capped = (await cli(['check', '--max-problems', '1', file]));
    assert.deepEqual(codes(capped), ['warning 425']);
    assert.equal(capped.code, 1);
    assert.equal(capped.err.trim(), '2 errors, 1 warning in 1 file (1 shown, --max-problems)');
    const ignored = (await cli(['check', '--ignore', '550,553', file]));
    assert.deepEqual(codes(ignored), ['warning 425']);
    assert.equal(ignored.code, 0);
    const severe = (await cli(['check', '--severity', '4xx=error,5xx=warning', '--severity=550=none', file]));
    assert.deepEqual(codes(severe), ['error 425', 'warning 553']);
    assert.equal(severe.code, 1);
    assert.equal((await cli(['check', '--severity', '4xx=loud', file])).code, 2);
    assert.equal((await cli(['check', '--ignore', 'abc', file])).code, 2);
    assert.equal((await cli(['check', '--max-problems', '-1', file])).code, 2);
  });

  it('reads standard input: -, no FILE at all, and a gzip stream piped in', async () => {
    const fx = errorFixture();
    const want = (await cli(['check', '--format', 'json', fx.file])).out.split(JSON.stringify(fx.file)).join('"<stdin>"');
    assert.equal((await cli(['check', '--format', 'json', '-'], { input: fs.readFileSync(fx.file) })).out, want);
    assert.equal((await cli(['check', '--format', 'json'], { input: fs.readFileSync(fx.file) })).out, want);
    const gz = piped(`gzip -c '${fx.file}'`, ['check', '--format', 'json']);
    assert.equal(gz.out, want);
    assert.equal(gz.code, 1);
    assert.equal(piped(`gzip -c '${fx.file}'`, ['detect']).out.trim(), fx.family);
  });

  it('reads a .gz file, and a gzip file by its bytes whatever its name; a broken gzip exits 2', async () => {
    const fx = errorFixture();
    const want = (await cli(['check', '--format', 'jsonl', fx.file])).out;
    const gz = write('x.log.gz', gzipSync(fs.readFileSync(fx.file)));
    const disguised = write('x.log', gzipSync(fs.readFileSync(fx.file)));
    assert.equal((await cli(['check', '--format', 'jsonl', gz])).out, want.split(JSON.stringify(fx.file)).join(JSON.stringify(gz)));
    assert.equal((await cli(['check', '--format', 'jsonl', disguised])).out, want.split(JSON.stringify(fx.file)).join(JSON.stringify(disguised)));
    const broken = (await cli(['check', write('broken.gz', gzipSync(fs.readFileSync(fx.file)).subarray(0, 40))]));
    assert.equal(broken.code, 2);
    assert.match(broken.err, /broken\.gz: /);
  });

  it('reads a UTF-16LE log with its BOM', async () => {
    const fx = errorFixture();
    const file = write('utf16.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(fx.file, 'utf8'), 'utf16le')]));
    const want = (await cli(['check', '--format', 'jsonl', fx.file])).out.split(JSON.stringify(fx.file)).join(JSON.stringify(file));
    assert.equal((await cli(['check', '--format', 'jsonl', file])).out, want);
    assert.equal((await cli(['detect', file])).out.trim(), fx.family);
  });

  it('reads UTF-16 without a BOM as VS Code guesses it, from zero bytes at every other position', async () => {
    const fx = errorFixture();
    const text = fs.readFileSync(fx.file, 'utf8');
    const le = write('utf16le-nobom.log', Buffer.from(text, 'utf16le'));
    const be = write('utf16be-nobom.log', Buffer.from(text, 'utf16le').swap16());
    for (const file of [le, be]) {
      const want = (await cli(['check', '--format', 'jsonl', fx.file])).out.split(JSON.stringify(fx.file)).join(JSON.stringify(file));
      assert.equal((await cli(['check', '--format', 'jsonl', file])).out, want, path.basename(file));
      assert.equal((await cli(['detect', file])).out.trim(), fx.family);
    }
    // Zero bytes in both positions: binary, as VS Code says.
    const mixed = write('mixed-zeros.log', Buffer.from([0x32, 0x00, 0x32, 0x00, 0x00, 0x30, 0x0a]));
    assert.match((await cli(['check', mixed])).err, /binary file skipped/);
  });

  it('checks several files in order, and detect names each', async () => {
    const a = errorFixture();
    const b = allFixtures().find((f) => f.family === 'iis' && (f.expected ?? []).length > 0)!;
    const r = (await cli(['check', a.file, b.file]));
    const files = r.out.trim().split('\n').map((l) => l.slice(0, l.indexOf(':')));
    assert.deepEqual([...new Set(files)], [a.file, b.file]);
    assert.equal(files.length, a.expected!.length + b.expected!.length);
    assert.equal((await cli(['detect', a.file, b.file])).out, `${a.file}: ${a.family}\n${b.file}: ${b.family}\n`);
  });

  it('refuses a directory, a FIFO and a character device with one line and exit 2', async () => {
    const fifo = path.join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    assert.ok(fs.statSync(fifo).isFIFO());
    for (const [target, why] of [[dir, /is a directory/], [fifo, /is a FIFO/], ['/dev/zero', /character device/]] as const) {
      for (const command of ['check', 'detect']) {
        const r = (await cli([command, target]));
        assert.equal(r.code, 2, `${command} ${target}`);
        assert.equal(r.err.trim().split('\n').length, 1, r.err);
        assert.match(r.err, why);
      }
    }
  });

  it('a missing file exits 2 with one line on stderr', async () => {
    const r = (await cli(['check', path.join(dir, 'nope.log')]));
    assert.equal(r.code, 2);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.match(r.err, /nope\.log: no such file/);
    assert.equal((await cli(['detect', path.join(dir, 'nope.log')])).code, 2);
  });

  it('stops at --max-bytes and --max-seconds on input that does not end, exit 2', async () => {
    const endless = spawn(process.execPath, [CLI, 'check', '--max-seconds', '0.5', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    endless.stderr.on('data', (d) => (err += d));
    endless.stdin.write('220 hi\nUSER a\n331 pw\n');
    const code = await new Promise<number | null>((resolve) => endless.on('close', resolve));
    assert.equal(code, 2);
    assert.match(err, /time limit/);
    const big = (await cli(['check', '--max-bytes', '1K', '-'], { input: '220 hi\n' + 'NOOP\n200 ok\n'.repeat(1000) }));
    assert.equal(big.code, 2);
    assert.match(big.err, /stopped after 1024 bytes/);
    assert.equal((await cli(['check', '--max-bytes', 'lots', '-'])).code, 2);
  });

  it('prints each problem as its line arrives once the head has said what the log is, before the input ends', async () => {
    const child = spawn(process.execPath, [CLI, 'check', '-'], { stdio: ['pipe', 'pipe', 'pipe'], env: plainEnv() });
    let out = '';
    const seen = new Promise<void>((resolve) => child.stdout.on('data', (d) => ((out += d), out.includes('error 550') && resolve())));
    // The family is decided from the head (its first HEAD_LINES lines): what follows is reported as it comes.
    child.stdin.write('220 (vsFTPd 3.0.5)\n' + 'NOOP\n200 NOOP ok.\n'.repeat(HEAD_LINES / 2) + 'CWD /x\n550 Failed to change directory.\n');
    await seen;
    child.stdin.end('QUIT\n221 Goodbye.\n');
    assert.equal(await new Promise<number | null>((resolve) => child.on('close', resolve)), 1);
    assert.match(out, new RegExp(`^<stdin>:${HEAD_LINES + 3}:1: error 550 `));
  });

  it('reads a live pipe that pauses before its head is full (tail -f): problems show while it is open', async () => {
    const child = spawn(process.execPath, [CLI, 'check', '-'], { stdio: ['pipe', 'pipe', 'pipe'], env: plainEnv() });
    let out = '';
    const waits: Array<[string, () => void]> = [];
    child.stdout.on('data', (d) => {
      out += d;
      for (const [text, resolve] of waits) if (out.includes(text)) resolve();
    });
    const seen = (text: string) => new Promise<void>((resolve) => waits.push([text, resolve]));
    const first = seen('error 530');
    child.stdin.write('220 (vsFTPd 3.0.5)\nUSER alice\n331 Please specify the password.\nPASS secret\n530 Login incorrect.\n');
    // Far fewer lines than a head: the pause decides what the log is from them.
    await first;
    const second = seen('error 550');
    child.stdin.write('CWD /x\n550 Failed to change directory.\n');
    await second;
    child.stdin.end();
    assert.equal(await new Promise<number | null>((resolve) => child.on('close', resolve)), 1);
    assert.deepEqual(out.trim().split('\n').map((l) => l.split(': ')[0]), ['<stdin>:5:1', '<stdin>:7:1']);
    // What a log of those lines gives in the editor.
    const doc = new LogDocument(['220 (vsFTPd 3.0.5)', 'USER alice', '331 Please specify the password.', 'PASS secret', '530 Login incorrect.', 'CWD /x', '550 Failed to change directory.', '']);
    assert.equal(out, findingsOf(doc).map((f) => formatText(toCliProblem('<stdin>', f)) + '\n').join(''));
  });

  it('detect answers a live pipe once it pauses, without waiting for its end', async () => {
    const child = spawn(process.execPath, [CLI, 'detect'], { stdio: ['pipe', 'pipe', 'pipe'], env: plainEnv() });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.write('Tue Nov 24 10:00:01 2026 [pid 1234] [alice] FTP command: Client "192.0.2.1", "CWD /x"\nTue Nov 24 10:00:01 2026 [pid 1234] [alice] FTP response: Client "192.0.2.1", "550 Failed to change directory."\n');
    assert.equal(await new Promise<number | null>((resolve) => child.on('close', resolve)), 0);
    assert.equal(out, 'vsftpd\n');
    child.stdin.destroy();
  });

  it('bad usage exits 2', async () => {
    assert.equal((await cli([])).code, 2);
    assert.equal((await cli(['frobnicate'])).code, 2);
    assert.equal((await cli(['check', '--format', 'xml', 'x'])).code, 2);
    assert.equal((await cli(['check', '--bogus', 'x'])).code, 2);
    assert.equal((await cli(['explain', 'abc'])).code, 2);
    assert.equal((await cli(['explain'])).code, 2);
  });

  it('--help describes every command and flag; --version is the package version', async () => {
    const help = (await cli(['--help']));
    assert.equal(help.code, 0);
    for (const word of ['check', 'detect', 'explain', '--format', 'text', 'json', 'jsonl', 'sarif', '--max-problems', '--ignore', '--severity', '--color', '--no-color', '--markdown', '--max-bytes', '--max-seconds', 'NO_COLOR', 'FILE:LINE[:COL]', 'Exit status', '--help', '--version']) {
      assert.ok(help.out.includes(word), word);
    }
    assert.equal((await cli(['check', '--help'])).out, help.out);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(spawned(['--version']).out, pkg.version + '\n');
  });

  it('colours text only when asked or on a terminal: --color, FORCE_COLOR; plain when piped, with NO_COLOR or --no-color', async () => {
    const fx = errorFixture();
    const ansi = /\x1b\[/;
    assert.doesNotMatch(spawned(['check', fx.file]).out, ansi);
    assert.doesNotMatch((await cli(['check', fx.file])).out, ansi);
    assert.match((await cli(['check', '--color', fx.file])).out, ansi);
    assert.match((await cli(['check', fx.file], { env: { FORCE_COLOR: '1' } })).out, ansi);
    assert.doesNotMatch((await cli(['check', '--no-color', fx.file], { env: { FORCE_COLOR: '1' } })).out, ansi);
    assert.doesNotMatch((await cli(['check', fx.file], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).out, ansi);
    assert.doesNotMatch((await cli(['check', '--format', 'json', '--color', fx.file])).out, ansi);
    assert.equal((await cli(['check', '--color', fx.file])).out.replace(/\x1b\[\d+m/g, ''), (await cli(['check', fx.file])).out);
  });

  it('skips a binary file with a notice and no findings', async () => {
    const file = write('bin.log', Buffer.from([0x35, 0x35, 0x30, 0x20, 0, 1, 2, 0x0a, 0x35, 0x35, 0x30, 0x20, 0x78]));
    const r = (await cli(['check', file]));
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.err, /binary file skipped/);
    assert.equal((await cli(['detect', file])).out.trim(), 'none');
  });

  it('handles empty files and CRLF / bare CR line ends alike', async () => {
    assert.equal((await cli(['check', write('empty.log', '')])).code, 0);
    const lf = '220 hi\nUSER a\n331 pw\nPASS x\n530 Login incorrect.\n';
    const want = (await cli(['check', '--format', 'json', write('lf.log', lf)])).out.replace(/lf\.log/g, 'X');
    assert.equal((await cli(['check', '--format', 'json', write('crlf.log', lf.replace(/\n/g, '\r\n'))])).out.replace(/crlf\.log/g, 'X'), want);
    assert.equal((await cli(['check', '--format', 'json', write('cr.log', lf.replace(/\n/g, '\r'))])).out.replace(/cr\.log/g, 'X'), want);
  });

  it('a 10 MB single line completes quickly', async () => {
    const file = write('long.log', '220 hi\nUSER a\n550 ' + 'x'.repeat(10 * 1024 * 1024) + '\n');
    const t0 = Date.now();
    const r = (await cli(['check', file]));
    assert.equal(r.code, 1);
    assert.ok(Date.now() - t0 < 10_000);
  });

  it("gives the editor's problems on a large generated log, past the head and the window", async () => {
    const text = generateLog(25_000, 5);
    const file = write('large.log', text);
    const want = findingsOf(new LogDocument(text)).map((f) => JSON.stringify(toCliProblem(file, f)));
    assert.ok(want.length > 1000);
    assert.deepEqual(spawned(['check', '--format', 'jsonl', file]).out.trim().split('\n'), want);
  });

  it('never writes its input files, nor changes their modification time', async () => {
    const files = [allFixtures()[0].file, errorFixture().file, write('in.log.gz', gzipSync('220 hi\nCWD x\n550 no\n'))];
    const before = files.map((f) => [crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex'), fs.statSync(f).mtimeMs]);
    for (const format of ['text', 'sarif']) spawned(['check', '--format', format, ...files]);
    spawned(['detect', ...files]);
    spawned(['explain', `${files[1]}:1`]);
    const after = files.map((f) => [crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex'), fs.statSync(f).mtimeMs]);
    assert.deepEqual(after, before);
  });

  it('explain CODE prints the explanation for a terminal (no Markdown escapes), --markdown the raw form', async () => {
    const md = replyToMarkdown(explainReply({ code: 550 }));
    const raw = await cli(['explain', '--markdown', '550']);
    assert.equal(raw.out, md);
    const term = await cli(['explain', '550']);
    assert.equal(term.code, 0);
    assert.match(term.out, /^550 /);
    assert.match(term.out, /RFC 959/);
    assert.match(term.out, /^Possible causes\b/m);
    assert.doesNotMatch(term.out, /\\|\*\*|\x1b\[/);
    assert.match((await cli(['explain', '--color', '550'])).out, /\x1b\[1m550\x1b\[22m/);
    assert.match((await cli(['explain', '599'])).out, /599/);
  });

  it('explain FILE:LINE[:COL] prints what the hover explains there: masked, escaped, the reply on the line without COL', async () => {
    const text = '220 (vsFTPd 3.0.5)\nUSER alice\n331 Please specify the password.\nPASS hunter2\n530 Login *incorrect* \u202Efdp.exe\nNOOP\n';
    const file = write('explain.log', text);
    const doc = new LogDocument(text);
    const want = explanationAt(doc, 4, 0)!.markdown;
    assert.equal((await cli(['explain', '--markdown', `${file}:5:2`])).out, want.endsWith('\n') ? want : want + '\n');
    const term = await cli(['explain', `${file}:5`]);
    assert.equal(term.code, 0);
    assert.match(term.out, /^530 /);
    assert.match(term.out, /Login \*incorrect\* \[U\+202E\]fdp\.exe/);
    assert.doesNotMatch(term.out, /hunter2|\u202E|\\/);
    const command = await cli(['explain', `${file}:4`]);
    assert.match(command.out, /^PASS /);
    assert.doesNotMatch(command.out, /hunter2/);
    assert.equal((await cli(['explain', `${file}:5:30`])).code, 1);
    assert.equal((await cli(['explain', `${file}:99`])).code, 2);
    assert.equal((await cli(['explain', `${file}:0`])).code, 2);
    assert.equal((await cli(['explain', `${path.join(dir, 'nope.log')}:1`])).code, 2);
  });

  it("detect names each fixture's family", async () => {
    const files = allFixtures();
    const r = (await cli(['detect', ...files.map((f) => f.file)]));
    assert.equal(r.out, files.map((f) => `${f.file}: ${f.family}\n`).join(''));
    assert.equal((await cli(['detect', files[0].file])).out, `${files[0].family}\n`);
  });
});
