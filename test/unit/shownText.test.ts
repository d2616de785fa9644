// The one rule for showing document text, and the one masking rule for secrets.

import * as assert from 'node:assert/strict';
import { clip, escapeMarkdown, markdownText, ONE_LINE, REPLY_TEXT, reveal, shownText } from '../../src/core/markdown/shownText';
import { MASK, maskArgument, maskSecrets } from '../../src/core/secrets';

// A backslash-free occurrence of a character means Markdown would act on it.
function unescaped(md: string, ch: string): boolean {
  const re = new RegExp(`(?<!\\\\)${ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return re.test(md);
}

describe('shown text', () => {
  it('escapes every ASCII punctuation character for Markdown', () => {
    const punct = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    assert.equal(escapeMarkdown(punct), [...punct].map((c) => '\\' + c).join(''));
    const out = markdownText('[x](command:evil) <img src=x onerror=alert(1)> `code` **b** ![i](http://example.com/p.png)', ONE_LINE);
    for (const ch of ['[', ']', '(', ')', '<', '>', '`', '*', '!', ':']) assert.ok(!unescaped(out, ch), `unescaped ${ch} in ${out}`);
  });

  it('turns line breaks into hard breaks and cannot start a block', () => {
    const out = markdownText('first\n# heading\n---\n    indented\n\n\n1. item\n> quote\r\nlast', REPLY_TEXT);
    const lines = out.split('\n');
    for (const line of lines.slice(1)) assert.doesNotMatch(line, /^(?:#|-{3}|\s|\d+\.|>)/, line);
    for (const line of lines.slice(0, -1)) assert.ok(line.endsWith('\\'), line);
  });

  it('makes bidi controls, zero-width, soft hyphen, BOM and control characters visible', () => {
    assert.equal(reveal('invoice\u202Efdp.exe'), 'invoice[U+202E]fdp.exe');
    for (const ch of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u00AD', '\uFEFF', '\u0000', '\u001B', '\u007F', '\u0085', '\u2060', '\u{E0041}']) {
      const shown = shownText(`a${ch}b`, ONE_LINE);
      assert.ok(!shown.includes(ch), `U+${ch.codePointAt(0)!.toString(16)} kept`);
      assert.match(shown, /^a\[U\+[0-9A-F]{4,5}\]b$/);
    }
    assert.equal(shownText('a\tb', ONE_LINE), 'a b');
  });

  it('clips to its bounds with an ellipsis, whatever the input size, without splitting a character', () => {
    assert.equal(clip('x'.repeat(10), { lines: 1, chars: 4 }), 'xxxx…');
    assert.equal(clip('a\nb\nc', { lines: 2, chars: 100 }), 'a\nb…');
    assert.equal(clip('ab\u{1F600}', { lines: 1, chars: 3 }), 'ab…');
    const huge = 'y'.repeat(8_000_000);
    const t = Date.now();
    assert.equal(shownText(huge, ONE_LINE).length, ONE_LINE.chars + 1);
    assert.ok(Date.now() - t < 1000);
  });
});

describe('secrets', () => {
  it('masks PASS and ACCT in any case and after any blank', () => {
    for (const line of ['PASS hunter2', 'pass hunter2', 'Pass hunter2', 'PASS\thunter2', '  PASS  hunter2', "'PASS hunter2'", 'ACCT hunter2', 'acct hunter2']) {
      assert.ok(!maskSecrets(line).includes('hunter2'), line);
    }
    assert.equal(maskArgument('pass', 'hunter2'), MASK);
    assert.equal(maskArgument('ACCT', ''), MASK);
  });

  it('masks SITE PSWD, USER name:secret and name@host:secret, and URL passwords', () => {
    assert.equal(maskSecrets('SITE PSWD old new'), `SITE PSWD ${MASK}`);
    assert.equal(maskArgument('SITE', 'PSWD old new'), `PSWD ${MASK}`);
    assert.equal(maskArgument('USER', 'alice:hunter2'), `alice:${MASK}`);
    assert.equal(maskArgument('USER', 'alice@ftp.example.com:hunter2'), `alice@ftp.example.com:${MASK}`);
    assert.equal(maskArgument('USER', 'alice'), 'alice');
    assert.equal(maskSecrets('* Connecting to ftp://alice:hunter2@ftp.example.com/in/'), `* Connecting to ftp://alice:${MASK}@ftp.example.com/in/`);
    assert.equal(maskSecrets('ftp://ftp.example.com:21/in'), 'ftp://ftp.example.com:21/in');
  });

  it('masks a URL password a clip cuts before its @', () => {
    const shown = shownText('x'.repeat(180) + ' ftp://alice:hunter2hunter2hunter2@example.com/', ONE_LINE);
    assert.ok(!shown.includes('hunter2'), shown);
  });

  it('leaves replies that merely mention PASS alone', () => {
    assert.equal(maskSecrets('Please login with USER and PASS.'), 'Please login with USER and PASS.');
  });
});
