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

// Pure-FTPd's translated debug label (`Befehl [user] [bob]`): the scanner reads the same list.
const pureLabels = JSON.parse(readFileSync(join(root, 'src/core/catalogue/pure-ftpd-command-labels.json'), 'utf8'))
  .labels.map((l) => l.label)
  .sort((a, b) => b.length - a.length)
  .join('|');

// The syslog / journalctl header before a program's message, as src/core/scan/formats/syslogHeader.ts
// reads it. `{{SYSLOG:prog}}` is a header naming `prog` (a regular expression) ending in `prog[pid]: `
// or `prog: `; `{{SYSLOG?:prog}}` also accepts `prog[pid] ` with no colon. No capturing groups.
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const TIMESTAMP = [
  `(?:\\d{1,3} \\d{1,3} \\d{4}-\\d\\d-\\d\\dT[^ ]+ )?${MONTH} {1,2}\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,6})?`,
  '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?',
  `${WEEKDAY} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,6})? [A-Za-z0-9+-]{1,6}`,
  '\\d{9,11}\\.\\d{6}',
].join('|');
const FACILITY = '(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|ntp|security|console|local[0-7])';
const SEVERITY = '(?:emerg|panic|alert|crit|err|error|warn|warning|notice|info|debug)';
const BEFORE_TAG = `(?:${TIMESTAMP}) (?:<[A-Za-z0-9]+\\.[A-Za-z0-9]+> )?(?:[^ ]+ )?(?:(?:${FACILITY}\\.${SEVERITY}|<\\d{1,3}>) )?`;
const SOLARIS_ID = '(?:\\[ID \\d+ [a-z0-9]+\\.[a-z]+\\] )?';
const SD = '(?:-|(?:\\[(?:[^\\]"\\\\]|\\\\.|"(?:[^"\\\\]|\\\\.)*")*\\])+)';
function syslogHeader(program, colonOptional) {
  const tag = `(?:\\[\\d+\\])?:(?: |$)${colonOptional ? '|\\[\\d+\\] ' : ''}`;
  const rfc3164 = `${BEFORE_TAG}(?:${program})(?:${tag})${SOLARIS_ID}`;
  const rfc5424 = `<\\d{1,3}>1 [^ ]+ [^ ]+ (?:${program}) [^ ]+ [^ ]+ ${SD}(?: |$)`;
  return `(?:${rfc3164}|${rfc5424})`;
}

const grammar = yaml.load(readFileSync(source, 'utf8'));
delete grammar['x-shared'];

const problems = [];
function expand(node, path) {
  if (typeof node === 'string') {
    return node
      .split('{{VERBS}}')
      .join(verbs)
      .split('{{PURE_FTPD_COMMAND_LABELS}}')
      .join(pureLabels)
      .replace(/\{\{SYSLOG(\?)?:([^}]+)\}\}/g, (_, optional, program) => syslogHeader(program, optional === '?'));
  }
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
const leftover = JSON.stringify(built).match(/\{\{[A-Z_]+\??(?::[^}]*)?\}\}/);
if (leftover) {
  console.error(`unexpanded placeholder ${leftover[0]}`);
  process.exit(1);
}
writeFileSync(target, JSON.stringify(built, null, 2) + '\n');
console.log(`wrote ${target.slice(root.length + 1)}`);
