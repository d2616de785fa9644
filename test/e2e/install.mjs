#!/usr/bin/env node
// Installs the end-to-end harness on demand.
//
//   node test/e2e/install.mjs [min|latest|all]      (default: all)
//   node test/e2e/install.mjs --print-vscode-dir min|latest
//
// The second form prints the absolute path of that build's VS Code
// (`lib/vscode`, holding `extensions/theme-defaults/themes/` and
// `extensions/log/syntaxes/`), installing it first if needed; progress goes to
// stderr so stdout holds only the path.
import { ensureInstalled, ensureVscodeDir } from './lib/install.mjs';
import { FLAVOURS } from './lib/paths.mjs';

function usage(reason) {
  console.error(`install.mjs: ${reason}`);
  console.error('usage: node test/e2e/install.mjs [min|latest|all] | --print-vscode-dir min|latest');
  process.exit(2);
}

async function main(args) {
  if (args[0] === '--print-vscode-dir') {
    const flavour = args[1];
    if (!FLAVOURS.includes(flavour) || args.length !== 2) usage('--print-vscode-dir needs min or latest');
    process.stdout.write(`${await ensureVscodeDir(flavour)}\n`);
    return;
  }
  if (args.length > 1) usage('too many arguments');
  const which = args[0] ?? 'all';
  if (which !== 'all' && !FLAVOURS.includes(which)) usage(`unknown target "${which}"`);
  const started = Date.now();
  const report = await ensureInstalled(which === 'all' ? FLAVOURS : [which]);
  for (const { name, action, seconds } of report) {
    console.error(`  ${name}: ${action}${seconds ? ` (${seconds.toFixed(1)} s)` : ''}`);
  }
  console.error(`install: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`install.mjs: ${error.message}`);
  process.exit(1);
});
