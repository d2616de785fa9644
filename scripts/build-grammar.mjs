// Builds syntaxes/ftp-log.tmLanguage.json from the authored YAML grammar.
// The command verbs and the FileZilla client's message labels come from the
// scanner's catalogues so the grammar and the Problems panel agree on what a
// command line and a FileZilla reply line are.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { CHARACTERS, dispatch } from './grammar-dispatch.mjs';

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

// FileZilla's labels in every language (src/core/catalogue/filezillaLabels.ts reads the same file).
const labelFile = JSON.parse(readFileSync(join(root, 'src/core/catalogue/filezilla-labels.json'), 'utf8'));
const labelTypes = new Map();
for (const labels of [labelFile.english, ...labelFile.current.map((c) => c.labels), ...labelFile.historic.map((c) => c.labels)]) {
  for (const [type, text] of Object.entries(labels)) labelTypes.set(text, type);
}
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');

/** Alternatives past which a branch list is split in two, each half behind a class of its first characters. */
const BRANCHES_PER_LIST = 6;

/**
 * The labels as a trie-shaped expression (`R(?:esponse:|éponse(?: :|\u00a0:))|…`).
 * Every line of a document pays for these expressions (vscode-textmate tries
 * all rules of a list on it), and Oniguruma tries the branches of an
 * alternation one by one: a long branch list is split into halves, each
 * behind a lookahead class of its first characters, so a line fails after a
 * few class tests instead of on each of some 400 labels. A label that starts
 * a longer one is an optional tail tried longest first, as the scanner tries
 * labels.
 */
function trieExpression(texts) {
  const END = '';
  const root = new Map();
  for (const text of texts) {
    let node = root;
    for (const ch of text) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch);
    }
    node.set(END, null);
  }
  // `branches` are [first character, rest] pairs sorted by character.
  const alternation = (branches) => {
    if (branches.length <= BRANCHES_PER_LIST) return branches.map(([ch, rest]) => escapeRegex(ch) + rest).join('|');
    const half = Math.ceil(branches.length / 2);
    return [branches.slice(0, half), branches.slice(half)]
      .map((part) => `(?=[${part.map(([ch]) => escapeRegex(ch)).join('')}])(?:${alternation(part)})`)
      .join('|');
  };
  const render = (node) => {
    const branches = [...node.keys()]
      .filter((k) => k !== END)
      .sort()
      .map((ch) => [ch, render(node.get(ch))]);
    if (branches.length === 0) return '';
    const single = branches.length === 1 && branches[0][1] === '';
    const body = single ? escapeRegex(branches[0][0]) : `(?:${alternation(branches)})`;
    return node.has(END) ? `${body}?` : body;
  };
  // A leading class lets Oniguruma skip a line whose first character starts no label.
  const first = [...root.keys()].sort().map(escapeRegex).join('');
  return `(?=[${first}])${render(root)}`;
}

/** The labels of `types` as one expression. */
function labelsOf(...types) {
  return trieExpression([...labelTypes].filter(([, type]) => types.includes(type)).map(([text]) => text));
}
const placeholders = {
  VERBS: verbs,
  PURE_FTPD_COMMAND_LABELS: pureLabels,
  FZ_RESPONSE: labelsOf('Response'),
  FZ_COMMAND: labelsOf('Command'),
  FZ_NOTE: labelsOf('Status', 'Trace', 'Listing'),
  FZ_ERROR: labelsOf('Error'),
  FZ_LABEL: labelsOf('Status', 'Error', 'Command', 'Response', 'Trace', 'Listing'),
  // After a pane label (src/core/scan/formats/filezilla.ts paneMessageStart): one TAB, spaces and a
  // TAB (macOS pads labels), or 1-8 spaces where a paste turned the TAB into spaces.
  FZ_SEP: '(?:\\t| {1,32}\\t| {1,8}(?=[^ \\t]))',
  // LEFT-TO-RIGHT MARK and LEFT-TO-RIGHT EMBEDDING, written as the characters themselves.
  FZ_LTR: '\u200e?\u202a?',
};

const grammar = yaml.load(readFileSync(source, 'utf8'));
delete grammar['x-shared'];

const problems = [];
function expand(node, path) {
  if (typeof node === 'string') {
    return node
      .replace(/\{\{SYSLOG(\?)?:([^}]+)\}\}/g, (_, optional, program) => syslogHeader(program, optional === '?'))
      .replace(/\{\{([A-Z_]+)\}\}/g, (whole, name) => placeholders[name] ?? whole);
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
// The line rules behind their first character (grammar-dispatch.mjs): the groups a log's lines mostly start in.
const { DIGITS, UPPER, LOWER } = CHARACTERS;
dispatch(built, 'lines', [DIGITS, '[', '<', '>', '*', '-=', '#\ufeff', '(', '{', ' \t', UPPER, LOWER]);
const leftover = JSON.stringify(built).match(/\{\{[A-Z_]+\??(?::[^}]*)?\}\}/);
if (leftover) {
  console.error(`unexpanded placeholder ${leftover[0]}`);
  process.exit(1);
}
writeFileSync(target, JSON.stringify(built, null, 2) + '\n');
console.log(`wrote ${target.slice(root.length + 1)}`);
