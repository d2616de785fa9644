// Finds the fixture logs under test/fixtures and their expected findings.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURES_DIR = path.resolve(__dirname, '../../../test/fixtures');

export interface Fixture {
  /** Path relative to test/fixtures, with forward slashes. */
  readonly name: string;
  readonly file: string;
  /** The family folder the fixture sits in (`none` for logs that are not FTP). */
  readonly family: string;
  /** `LINE:COL SEVERITY CODE` lines, or undefined when there is no .expected file. */
  readonly expected: string[] | undefined;
}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (!entry.name.endsWith('.expected') && entry.name !== 'README.md') out.push(full);
  }
}

export function allFixtures(): Fixture[] {
  const files: string[] = [];
  walk(FIXTURES_DIR, files);
  return files.sort().map((file) => {
    const name = path.relative(FIXTURES_DIR, file).split(path.sep).join('/');
    const expectedFile = file + '.expected';
    const expected = fs.existsSync(expectedFile)
      ? fs.readFileSync(expectedFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0)
      : undefined;
    return { name, file, family: name.split('/')[0], expected };
  });
}
