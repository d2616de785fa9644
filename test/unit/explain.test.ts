import * as assert from 'node:assert/strict';
import { explainReply, findingMessage, replyToMarkdown } from '../../src/core/features/explain';
import { describeDigits, lookupCode } from '../../src/core/catalogue/codes';

// A backslash-free occurrence of a character means Markdown would act on it.
function unescaped(md: string, ch: string): boolean {
  const re = new RegExp(`(?<!\\\\)${ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return re.test(md);
}

const HOSTILE = '[x](command:evil) <img src=x onerror=alert(1)> `code` **b** _i_ ~~s~~ | a | # ! &lt; ![i](http://example.com/p.png) https://example.com www.example.com a@example.com';


describe('explainReply', () => {
  it('builds a headline from code, short meaning and class', () => {
    const e = explainReply({ code: 550 });
    assert.equal(e.headline, '550 File unavailable — permanent negative completion');
    assert.equal(e.replyClass, 'permanent-negative');
    assert.equal(e.standard, true);
    assert.equal(e.causes[0].cause, lookupCode(550).causes[0].cause);
  });

  it('explains a code no RFC defines from its digits', () => {
    const e = explainReply({ code: 480 });
    assert.equal(e.standard, false);
    assert.equal(e.catalogued, false);
    assert.match(e.headline, /^480 Not defined by any RFC .* — transient negative completion$/);
    assert.deepEqual(e.digits, describeDigits(480));
    const md = replyToMarkdown(e);
    assert.match(md, /Not defined by any RFC/);
    assert.ok(md.includes('Transient negative'));
  });

  it('puts the matched server\'s cause first and names the server', () => {
    const e = explainReply({ code: 550, text: 'Failed to open file.', verb: 'RETR', argument: 'report.pdf' });
    assert.equal(e.server?.server, 'vsftpd');
    assert.equal(e.causes[0].server, 'vsftpd');
    assert.ok(e.why.some((w) => w.kind === 'server'));
    assert.ok(e.why.some((w) => w.kind === 'command' && w.verb === 'RETR' && w.argument === 'report.pdf'));
    assert.ok(e.sources.includes('dagwieers/vsftpd postlogin.c'));
    assert.equal(new Set(e.sources).size, e.sources.length);
  });

  it('lets a known server pick among identical texts', () => {
    assert.equal(explainReply({ code: 530, text: 'Login incorrect.', server: 'ProFTPD' }).server?.server, 'ProFTPD');
  });

  it('resolves 521 and 522 by the verb and says why', () => {
    const lprt = explainReply({ code: 521, verb: 'lprt' });
    assert.ok(lprt.meaningSources.includes('RFC 1639 §4'));
    const meaning = lprt.why.find((w) => w.kind === 'meaning');
    assert.ok(meaning && meaning.kind === 'meaning' && /LPRT/.test(meaning.text));

    const stor = explainReply({ code: 522, verb: 'STOR' });
    assert.ok(stor.meaningSources.includes('RFC 4217 §10.2'));
    assert.equal(stor.alternatives?.length, 1);

    const unknown = explainReply({ code: 522 });
    assert.equal(unknown.ambiguous, true);
    assert.match(replyToMarkdown(unknown), /\*\*Meanings\*\*/);
  });

  it('masks the PASS argument whatever it holds', () => {
    for (const verb of ['PASS', 'pass', ' Pass ']) {
      for (const argument of ['s3cret', '', undefined]) {
        const e = explainReply({ code: 230, verb, argument });
        const cmd = e.why.find((w) => w.kind === 'command');
        assert.ok(cmd && cmd.kind === 'command');
        assert.equal(cmd.argument, '****');
        const md = replyToMarkdown(e);
        assert.ok(!md.includes('s3cret'));
        assert.ok(md.includes('PASS \\*\\*\\*\\*'));
      }
    }
  });
});

describe('replyToMarkdown', () => {
  it('escapes every piece of document text', () => {
    const e = explainReply({ code: 550, text: HOSTILE, verb: 'RETR`<b>', argument: '[y](command:workbench.action.quit)', server: '<script>' });
    const md = replyToMarkdown(e);
    for (const ch of ['[', ']', '<', '>', '`']) {
      assert.ok(!unescaped(md, ch), `unescaped ${ch}`);
    }
    assert.ok(!md.includes('](command:'));
    assert.doesNotMatch(md, /(?<!\\)<img/);
    assert.doesNotMatch(md, /(?<!\\)<script/);
    assert.ok(md.includes('\\<img src\\=x'));
  });

  it('renders a multi-line reply without letting its lines form blocks', () => {
    const md = replyToMarkdown(explainReply({ code: 530, text: 'User cannot log in.\n# Win32 error: Access is denied.\n    Error details: Home directory lookup failed.\n---' }));
    assert.doesNotMatch(md, /^#/m);
    assert.doesNotMatch(md, /^ {4}/m);
    assert.doesNotMatch(md, /^---\s*$/m);
    assert.match(md, /Active Directory user isolation/);
  });

  it('shows headline, causes with what to try, digits and sources', () => {
    const md = replyToMarkdown(explainReply({ code: 425 }));
    assert.match(md, /^\*\*425\*\* Cannot open the data connection — \*transient negative completion\*/);
    // Nothing on the line points to one cause: all are ranked possibilities.
    assert.match(md, /\*\*Possible causes\*\*, most likely first/);
    assert.match(md, /1\. .*\*\*Try:\*\*/);
    assert.match(md, /Second digit: Connections/);
    assert.match(md, /\*\*Sources:\*\* RFC 959 §4\.2\.2/);
  });

  it('escapes underscores in catalogue identifiers', () => {
    const md = replyToMarkdown(explainReply({ code: 522, verb: 'RETR' }));
    assert.ok(md.includes('require\\_ssl\\_reuse'));
    assert.ok(!md.includes('require_ssl_reuse'));
  });

  it('labels a client-made line as such', () => {
    const md = replyToMarkdown(explainReply({ code: 421, text: 'Service not available, remote server has closed connection' }));
    assert.match(md, /Not from the server/);
  });
});

describe('findingMessage', () => {
  it('has the form "<code> <short meaning>: <most likely cause>"', () => {
    assert.equal(findingMessage(550), `550 File unavailable: ${lookupCode(550).causes[0].cause}`);
  });

  it('prefers the matched server text\'s cause', () => {
    const msg = findingMessage(550, 'Failed to open file.', 'RETR');
    assert.ok(msg.startsWith('550 File unavailable: RETR named a file that cannot be opened'), msg);
    const oops = findingMessage(500, 'OOPS: vsftpd: refusing to run with writable root inside chroot()');
    assert.match(oops, /^500 Syntax error; command not recognised: vsftpd will not lock a user into/);
  });

  it('falls back to the catalogue when the text is unknown', () => {
    assert.equal(findingMessage(550, 'Something else entirely'), findingMessage(550));
  });

  it('uses the verb to pick the meaning of 521', () => {
    assert.match(findingMessage(521, undefined, 'RETR'), /^521 Data connection not allowed at this PROT level: /);
    assert.match(findingMessage(521, undefined, 'LPRT'), /^521 Address family not supported: /);
  });

  it('falls back to the digits for codes without causes', () => {
    assert.equal(findingMessage(480), `480 ${lookupCode(480).short}: ${describeDigits(480).classText}`);
  });

  it('is always one line', () => {
    for (const code of [421, 425, 426, 450, 500, 530, 550, 552, 599, 999]) {
      assert.doesNotMatch(findingMessage(code, 'x\ny'), /[\r\n]/);
    }
  });
});
