// Builds syntaxes/ftp-log.tmLanguage.json from the authored YAML grammar.
// The command verbs come from the scanner's catalogue so the grammar and the
// Problems panel agree on what a command line is.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'syntaxes/ftp-log.tmLanguage.yaml');
const target = join(root, 'syntaxes/ftp-log.tmLanguage.json');
const catalogue = JSON.parse(readFileSync(join(root, 'src/core/catalogue/commands.json'), 'utf8'));

// Longest first so an alternation never stops at a shorter verb that prefixes a longer one.
const verbs = catalogue
  .map((c) => c.verb)
  .filter((v) => /^[A-Z]{3,4}$/.test(v))
  .sort((a, b) => b.length - a.length || a.localeCompare(b))
  .join('|');

const grammar = yaml.load(readFileSync(source, 'utf8'));
delete grammar['x-shared'];

const problems = [];
function expand(node, path) {
  if (typeof node === 'string') return node.split('{{VERBS}}').join(verbs);
  if (Array.isArray(node)) return node.map((n, i) => expand(n, `${path}[${i}]`));
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      const value = expand(v, `${path}.${k}`);
      // VS Code reads a comma in a scope name as a selector list: no theme rule would match it.
      if ((k === 'name' || k === 'contentName') && (value.includes(',') || !value.endsWith('.ftp-log'))) {
        problems.push(`${path}.${k}: scope "${value}" must end in .ftp-log and hold no comma`);
      }
      out[k] = value;
    }
    return out;
  }
  return node;
}
const built = expand(grammar, '$');
// The grammar's own display name is not a scope.
if (problems.length) {
  const real = problems.filter((p) => p !== `$.name: scope "${built.name}" must end in .ftp-log and hold no comma`);
  if (real.length) {
    console.error(real.join('\n'));
    process.exit(1);
  }
}
const leftover = JSON.stringify(built).match(/\{\{[A-Z]+\}\}/);
if (leftover) {
  console.error(`unexpanded placeholder ${leftover[0]}`);
  process.exit(1);
}
writeFileSync(target, JSON.stringify(built, null, 2) + '\n');
console.log(`wrote ${target.slice(root.length + 1)}`);
