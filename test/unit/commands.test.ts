import * as assert from 'assert';
import { allCommands, isCommandVerb, lookupCommand } from '../../src/core/catalogue/commands';
import { maskArgument, MASK as MASKED_PASSWORD } from '../../src/core/secrets';
import { commandMarkdown } from '../../src/core/markdown/commandMarkdown';

// Verbs the catalogue must hold, by defining document.
const REQUIRED: Record<string, string[]> = {
  'RFC 959': 'USER PASS ACCT CWD CDUP SMNT REIN QUIT PORT PASV MODE TYPE STRU ALLO REST STOR STOU RETR LIST NLST APPE RNFR RNTO DELE RMD MKD PWD ABOR SYST STAT HELP SITE NOOP'.split(' '),
  'RFC 2228': 'AUTH ADAT PBSZ PROT CCC MIC CONF ENC'.split(' '),
  'RFC 2389': ['FEAT', 'OPTS'],
  'RFC 2428': ['EPRT', 'EPSV'],
  'RFC 1639': ['LPRT', 'LPSV'],
  'RFC 2640': ['LANG'],
  'RFC 3659': ['MDTM', 'SIZE', 'MLST', 'MLSD'],
  'RFC 7151': ['HOST'],
  'RFC 1123': ['XCWD', 'XCUP', 'XMKD', 'XPWD', 'XRMD'],
};

// Every RFC-defined reply number (reply-codes.md §5); a command may only list these.
const RFC_CODES = new Set(
  (
    '110 120 125 150 200 202 211 212 213 214 215 220 221 225 226 227 230 250 257 331 332 350 421 425 426 450 451 452 ' +
    '500 501 502 503 504 530 532 550 551 552 553 228 521 229 522 232 234 235 334 335 336 431 533 534 535 536 537 631 632 633'
  )
    .split(' ')
    .map(Number),
);

describe('command catalogue', () => {
  const all = allCommands();

  it('has no duplicate verbs', () => {
    const seen = new Set<string>();
    for (const c of all) {
      assert.ok(!seen.has(c.verb), `duplicate ${c.verb}`);
      seen.add(c.verb);
    }
  });

  it('holds every verb of the RFCs it covers, each citing its own RFC', () => {
    for (const [rfc, verbs] of Object.entries(REQUIRED)) {
      for (const v of verbs) {
        const info = lookupCommand(v);
        assert.ok(info, `${v} missing`);
        assert.ok(info.source.includes(rfc), `${v} cites ${info.source}, expected ${rfc}`);
      }
    }
    const required = Object.values(REQUIRED).flat();
    assert.strictEqual(all.length, required.length, 'catalogue holds a verb the test does not know about');
  });

  it('gives every command a summary, a syntax starting with the verb, a cited reply list', () => {
    for (const c of all) {
      assert.match(c.verb, /^[A-Z]{3,4}$/);
      assert.ok(c.summary.length > 10 && !c.summary.includes('\n'), `${c.verb} summary`);
      assert.ok(c.syntax === c.verb || c.syntax.startsWith(`${c.verb} `), `${c.verb} syntax ${c.syntax}`);
      assert.match(c.source, /^RFC \d+/, `${c.verb} source`);
      assert.match(c.repliesSource, /RFC \d+/, `${c.verb} replies source`);
      assert.ok(c.replies.length > 0, `${c.verb} has no replies`);
      for (const r of c.replies) assert.ok(RFC_CODES.has(r), `${c.verb} lists ${r}, which no RFC defines`);
      assert.deepStrictEqual([...c.replies], [...new Set(c.replies)].sort((a, b) => a - b), `${c.verb} replies unsorted`);
      if (c.alsoSeen) {
        assert.ok(c.alsoSeen.source.includes('zeek'), `${c.verb} alsoSeen source`);
        for (const r of c.alsoSeen.replies) assert.ok(!c.replies.includes(r), `${c.verb} repeats ${r}`);
      }
    }
  });

  it('keeps summaries free of Markdown syntax so they render as written', () => {
    for (const c of all) assert.doesNotMatch(c.summary, /[*_`<>[\]\\#|]/, c.verb);
  });

  it('knows the RFC 959 §5.4 replies for a few well-known commands', () => {
    assert.ok(lookupCommand('USER')!.replies.includes(331));
    assert.ok(lookupCommand('PASV')!.replies.includes(227));
    assert.ok(lookupCommand('RETR')!.replies.includes(550));
    assert.ok(!lookupCommand('RETR')!.replies.includes(553));
    assert.ok(lookupCommand('STOR')!.replies.includes(553));
    assert.ok(lookupCommand('EPSV')!.replies.includes(229));
    assert.ok(lookupCommand('EPRT')!.replies.includes(522));
    assert.ok(lookupCommand('AUTH')!.replies.includes(234));
    assert.ok(lookupCommand('MKD')!.replies.includes(257));
  });

  it('gives the X forms the replies of the verb they stand for', () => {
    for (const [x, base] of [['XCWD', 'CWD'], ['XCUP', 'CDUP'], ['XMKD', 'MKD'], ['XPWD', 'PWD'], ['XRMD', 'RMD']]) {
      const info = lookupCommand(x)!;
      assert.strictEqual(info.aliasOf, base);
      assert.deepStrictEqual(info.replies, lookupCommand(base)!.replies);
    }
  });

  it('recognises verbs in any letter case and nothing else', () => {
    for (const v of ['retr', 'Retr', 'rEtR', 'RETR', 'epsv', 'Feat', 'xpwd']) {
      assert.ok(isCommandVerb(v), v);
      assert.strictEqual(lookupCommand(v)?.verb, v.toUpperCase());
    }
    for (const v of ['', 'RET', 'RETRR', 'RETR ', ' RETR', 'XYZW', '227', 'PASV2', 'STREAM', 'ß', 'r\u0130tr']) {
      assert.ok(!isCommandVerb(v), JSON.stringify(v));
      assert.strictEqual(lookupCommand(v), undefined, JSON.stringify(v));
    }
    // Names of Object.prototype members must not look like commands.
    assert.ok(!isCommandVerb('toString'));
  });
});

describe('maskArgument', () => {
  it('masks every PASS argument whatever it holds', () => {
    for (const arg of ['hunter2', '', '***', ' spaced secret ', 'x'.repeat(500)]) {
      assert.strictEqual(maskArgument('PASS', arg), MASKED_PASSWORD);
      assert.strictEqual(maskArgument('pass', arg), MASKED_PASSWORD);
    }
  });

  it('leaves other arguments as they are', () => {
    assert.strictEqual(maskArgument('USER', 'jane'), 'jane');
    assert.strictEqual(maskArgument('RETR', '/q4.xlsx'), '/q4.xlsx');
    assert.strictEqual(maskArgument('PASSX', 'p'), 'p');
  });
});


describe('commandMarkdown', () => {
  it('renders verb, summary, syntax, replies and sources', () => {
    const md = commandMarkdown('retr', '/pub/file.txt')!;
    const info = lookupCommand('RETR')!;
    assert.ok(md.startsWith('**RETR** — '));
    assert.ok(md.includes(info.summary));
    assert.ok(md.includes('Syntax: `RETR <path>`'));
    assert.ok(md.includes('`550`'));
    assert.ok(md.includes(info.source));
    assert.ok(md.includes(info.repliesSource));
    assert.ok(md.includes('Argument: \\/pub\\/file\\.txt'));
  });

  it('never shows a password', () => {
    const md = commandMarkdown('PASS', 'S3cr3t!')!;
    assert.ok(!md.includes('S3cr3t'));
    assert.ok(md.includes('Argument: \\*\\*\\*\\*'));
  });

  it('escapes a hostile argument so it cannot inject links, HTML or blocks', () => {
    const hostile = '[click](javascript:alert(1)) <img src=x onerror=alert(1)>\n# Heading\n```\n`code`';
    const md = commandMarkdown('CWD', hostile)!;
    const argLine = md.split('\n').find((l) => l.startsWith('Argument: '))!;
    assert.ok(argLine, 'argument stays on one line');
    assert.ok(!/(^|[^\\])[<>]/.test(argLine.slice('Argument: '.length)), argLine);
    assert.ok(!/(^|[^\\])[[\]()`#]/.test(argLine.slice('Argument: '.length)), argLine);
    assert.ok(!md.includes('\n# Heading'));
  });

  it('mentions the standard verb for an X form and the Zeek extras where present', () => {
    assert.ok(commandMarkdown('XMKD')!.includes('**MKD**'));
    const stor = commandMarkdown('STOR')!;
    assert.ok(stor.includes('Zeek'));
    assert.ok(stor.includes('`550`'));
  });

  it('returns undefined for a word that is not a command', () => {
    assert.strictEqual(commandMarkdown('HELLO'), undefined);
  });
});
