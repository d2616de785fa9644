// Every fixture file under test/fixtures (recursively), without the
// `.expected` companions and README files.

import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './textmate';

export const FIXTURES_DIR = path.join(REPO_ROOT, 'test/fixtures');

export function fixtureFiles(dir: string = FIXTURES_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtureFiles(full));
    else if (entry.isFile() && !entry.name.endsWith('.expected') && !/^readme(\.|$)/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}
