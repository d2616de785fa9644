// Helpers for the integration tests: they drive the real VS Code API and use
// the built `ftp-log` CLI as the oracle for what the Problems panel must show.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FtpLogApi } from '../../src/extension';
import type { CliProblem as CliFileProblem } from '../../src/cli/output';

export const ROOT = path.resolve(__dirname, '../../..');
/** A private copy of test/fixtures: whatever a test does in the editor, the fixtures never change. */
export const FIXTURES = (() => {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ftp-log-fixtures-')), 'fixtures');
  fs.cpSync(path.join(ROOT, 'test/fixtures'), copy, { recursive: true });
  return copy;
})();
const CLI = path.join(ROOT, 'dist/cli.js');

/** A problem as `ftp-log check --format json` prints it, without the file name. */
export type CliProblem = Omit<CliFileProblem, 'file'>;

/** What `ftp-log check --format json` reports for a file. */
export function cliCheck(file: string): CliProblem[] {
  return cliCheckAll([file]).get(file)!;
}

/** What one `ftp-log check --format json FILE…` reports for each of the files (each is checked on its own). */
export function cliCheckAll(files: readonly string[]): Map<string, CliProblem[]> {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  assert.ok(r.status === 0 || r.status === 1, `ftp-log check failed (${r.status}): ${r.stderr}`);
  const byFile = new Map<string, CliProblem[]>(files.map((f) => [f, []]));
  for (const { file, ...problem } of JSON.parse(r.stdout) as CliFileProblem[]) {
    const list = byFile.get(file);
    assert.ok(list, `ftp-log check reported a file it was not given: ${file}`);
    list.push(problem);
  }
  return byFile;
}

/** The same problems, for text that is not on disk. */
export function cliCheckText(text: string): CliProblem[] {
  const file = tempFile('check.ftplog', text);
  try {
    return cliCheck(file);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'];

/** Diagnostics in the CLI's shape, so the two compare line for line. */
export function asProblems(diagnostics: readonly vscode.Diagnostic[]): CliProblem[] {
  return diagnostics
    .filter((d) => d.source === 'ftp-log')
    .map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: SEVERITY_NAMES[d.severity],
      code: String(typeof d.code === 'object' ? d.code.value : d.code),
      message: d.message,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

export function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftp-log-it-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the document's ftp-log diagnostics equal `expected`. */
export async function expectDiagnostics(uri: vscode.Uri, expected: CliProblem[], timeoutMs = 20000): Promise<void> {
  const want = JSON.stringify(expected);
  try {
    await waitFor('diagnostics', () => JSON.stringify(asProblems(vscode.languages.getDiagnostics(uri))) === want, timeoutMs);
  } catch {
    assert.deepEqual(asProblems(vscode.languages.getDiagnostics(uri)), expected);
  }
}

export async function activateExtension(): Promise<FtpLogApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'ftp-log');
  assert.ok(ext, 'the ftp-log extension is not installed in this host');
  return (await ext.activate()) as FtpLogApi;
}

export async function openFtpLog(file: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await openFtpLogDocument(file));
}

/** A file opened as an FTP log without an editor: the extension reads it all the same. */
export async function openFtpLogDocument(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return doc.languageId === 'ftp-log' ? doc : vscode.languages.setTextDocumentLanguage(doc, 'ftp-log');
}

/**
 * Documents for tests that each read one file of a list, opened a few files
 * ahead, so the extension reads the next ones while a test waits on its own
 * (one at a time, most of a test is waiting). Only a few ahead: VS Code keeps
 * about fifty documents that no editor shows and closes the oldest.
 */
export class DocumentsAhead {
  private readonly opened = new Map<string, Promise<vscode.TextDocument>>();

  constructor(private readonly files: readonly string[], private readonly ahead = 12) {}

  document(file: string): Promise<vscode.TextDocument> {
    const at = this.files.indexOf(file);
    assert.ok(at >= 0, `${file} is not in the list`);
    for (let i = at; i < Math.min(this.files.length, at + this.ahead); i++) {
      const next = this.files[i];
      if (!this.opened.has(next)) this.opened.set(next, openFtpLogDocument(next));
    }
    return this.opened.get(file)!;
  }
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  const [section, ...rest] = key.split('.');
  await vscode.workspace.getConfiguration(section).update(rest.join('.'), value, vscode.ConfigurationTarget.Global);
}

export function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (!e.name.endsWith('.expected') && e.name !== 'README.md') out.push(full);
    }
  };
  walk(FIXTURES);
  return out.sort();
}

export function familyOf(file: string): string {
  return path.relative(FIXTURES, file).split(path.sep)[0];
}
