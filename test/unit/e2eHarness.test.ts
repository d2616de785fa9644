// The heavy test harness installs its own packages (test/e2e/install.mjs puts
// playwright-core into test/e2e/node_modules) after its runners have started.
// A runner module that imports a package at its top fails on a fresh machine
// before it can install anything, so its modules import only Node's own
// modules and each other statically; packages are imported where used.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const E2E = path.resolve(__dirname, '../../../test/e2e');
/** Folders the harness installs or writes, not its own code. */
const NOT_OURS = new Set(['node_modules', 'vscode-min', 'vscode-latest', 'artifacts', '.state']);

function harnessModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!NOT_OURS.has(entry.name)) out.push(...harnessModules(path.join(dir, entry.name)));
    } else if (entry.name.endsWith('.mjs')) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

/** The specifiers of a module's static imports and re-exports. */
function staticImports(source: string): string[] {
  const out: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) out.push(match[1]);
  return out;
}

describe('test/e2e harness modules', () => {
  const modules = harnessModules(E2E);

  it('are found', () => {
    assert.ok(modules.some((file) => file.endsWith('run-all.mjs')), `run-all.mjs not among ${modules.length} modules`);
    assert.ok(modules.length >= 10, `only ${modules.length} modules under ${E2E}`);
  });

  it('import nothing but node: modules and each other at their top (packages arrive later, from install.mjs)', () => {
    const bare: string[] = [];
    for (const file of modules) {
      for (const specifier of staticImports(fs.readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('node:') && !specifier.startsWith('.')) {
          bare.push(`${path.relative(E2E, file)} imports '${specifier}'`);
        }
      }
    }
    assert.deepEqual(bare, []);
  });

  it('the import reader sees a package import where there is one', () => {
    assert.deepEqual(staticImports("import { chromium } from 'playwright-core';\nimport './x.mjs';\n"), ['playwright-core', './x.mjs']);
  });
});
