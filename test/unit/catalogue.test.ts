import * as assert from 'node:assert/strict';
import replyData from '../../src/core/catalogue/reply-codes.json';
import iisData from '../../src/core/catalogue/iis-substatus.json';
import { cataloguedCodes, describeDigits, lookupCode, replyClass, type Cause } from '../../src/core/catalogue/codes';
import {
  allServerMessages,
  codesOf,
  compilePattern,
  matchServerMessage,
  recogniseServerFromGreeting,
} from '../../src/core/catalogue/servers';

interface RawMeaning {
  commands: string[];
  short: string;
  meaning: string;
  sources: string[];
  causes: Cause[];
}
interface RawEntry {
  code: number;
  standard: boolean;
  short: string;
  meaning: string;
  sources: string[];
  drawnBy: string[];
  causes: Cause[];
  notes?: { text: string; sources: string[] }[];
  meanings?: RawMeaning[];
}

const ENTRIES = (replyData as { codes: RawEntry[] }).codes;
const ARTICLE = 'FTP status codes article (Castle, 2011)';

// The checklist of RFC-defined numbers in reference/reply-codes.md §5.
const RFC_CODES = [
  // RFC 959
  110, 120, 125, 150, 200, 202, 211, 212, 213, 214, 215, 220, 221, 225, 226, 227, 230, 250, 257, 331, 332, 350, 421, 425, 426,
  450, 451, 452, 500, 501, 502, 503, 504, 530, 532, 550, 551, 552, 553,
  // RFC 1639, RFC 2428
  228, 521, 229, 522,
  // RFC 2228
  232, 234, 235, 334, 335, 336, 431, 533, 534, 535, 536, 537, 631, 632, 633,
];
const NON_RFC_CODES = [430, 434, 520, 554, 555];

function entry(code: number): RawEntry {
  const e = ENTRIES.find((x) => x.code === code);
  assert.ok(e, `no entry for ${code}`);
  return e;
}

function articleCauses(code: number): Cause[] {
  return entry(code).causes.filter((c) => c.sources.includes(ARTICLE));
}

describe('reply-code catalogue data', () => {
  it('has 58 distinct RFC codes in the checklist', () => {
    assert.equal(new Set(RFC_CODES).size, 58);
  });

  it('has no duplicate code', () => {
    const codes = ENTRIES.map((e) => e.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('contains every RFC-defined code, marked standard', () => {
    for (const code of RFC_CODES) assert.equal(entry(code).standard, true, `${code}`);
  });

  it('contains the documented non-RFC codes, marked non-standard', () => {
    for (const code of NON_RFC_CODES) assert.equal(entry(code).standard, false, `${code}`);
  });

  it('holds nothing beyond the checklist and the documented non-RFC codes', () => {
    const allowed = new Set([...RFC_CODES, ...NON_RFC_CODES]);
    for (const e of ENTRIES) assert.ok(allowed.has(e.code), `${e.code} is not in the reference`);
  });

  it('gives every entry, meaning, cause and note at least one source', () => {
    for (const e of ENTRIES) {
      assert.ok(e.sources.length > 0, `${e.code} has no source`);
      assert.ok(e.short.trim().length > 0 && e.meaning.trim().length > 0, `${e.code} lacks text`);
      for (const c of e.causes) assert.ok(c.sources.length > 0, `${e.code} cause unsourced: ${c.cause}`);
      for (const n of e.notes ?? []) assert.ok(n.sources.length > 0, `${e.code} note unsourced: ${n.text}`);
      for (const m of e.meanings ?? []) {
        assert.ok(m.sources.length > 0, `${e.code} meaning unsourced`);
        for (const c of m.causes) assert.ok(c.sources.length > 0, `${e.code} meaning cause unsourced`);
      }
    }
  });

  it('gives every 4xx/5xx entry, and each meaning of 521/522, a cause and something to try', () => {
    for (const e of ENTRIES.filter((x) => x.code >= 400 && x.code < 600)) {
      const lists = e.meanings ? e.meanings.map((m) => m.causes) : [e.causes];
      for (const causes of lists) {
        assert.ok(causes.length > 0, `${e.code} has no cause`);
        assert.ok(
          causes.some((c) => (c.try ?? '').trim().length > 0),
          `${e.code} has nothing to try`,
        );
        for (const c of causes) assert.ok(c.sources.length > 0, `${e.code} cause unsourced`);
      }
    }
  });

  it('gives 521 and 522 exactly two meanings selected by command', () => {
    for (const code of [521, 522]) assert.equal(entry(code).meanings?.length, 2, `${code}`);
  });

  it('uses only upper-case verbs or (connect) in drawnBy', () => {
    for (const e of ENTRIES) {
      for (const v of e.drawnBy) assert.match(v, /^(?:[A-Z]{3,4}|\(connect\))$/, `${e.code}: ${v}`);
    }
  });

  it('keeps Markdown out of catalogue prose', () => {
    for (const e of ENTRIES) {
      const texts = [e.short, e.meaning, ...e.causes.flatMap((c) => [c.cause, c.try ?? '']), ...(e.notes ?? []).map((n) => n.text)];
      for (const t of texts) assert.doesNotMatch(t, /[`*]|\]\(/, `${e.code}: ${t}`);
    }
  });
});

describe('causes from the origin article', () => {
  it('150: data over a separate data connection, port 20 in active mode', () => {
    const c = articleCauses(150);
    assert.ok(c.some((x) => /separate data connection/.test(x.cause) && /port 20/.test(x.cause) && /active/.test(x.cause)));
  });

  it('226: transfer on the data connection (port 20) finished and the connection closed', () => {
    const c = articleCauses(226);
    assert.ok(c.some((x) => /port 20/.test(x.cause) && /successfully/.test(x.cause) && /closed/.test(x.cause)));
  });

  it('230: the password was accepted', () => {
    assert.ok(articleCauses(230).some((x) => /password/.test(x.cause) && /accepted/.test(x.cause)));
  });

  it('331: sent whether or not the user exists', () => {
    assert.ok(articleCauses(331).some((x) => /whether or not the account exists/.test(x.cause)));
  });

  it('426: data connection opened, transfer cancelled, connection closed', () => {
    assert.ok(articleCauses(426).some((x) => /opened/.test(x.cause) && /cancelled/.test(x.cause) && /closed/.test(x.cause)));
  });

  it('530: mistyped credentials, anonymous-only server, IIS denying anonymous access', () => {
    const c = articleCauses(530);
    assert.ok(c.some((x) => /mistyped/.test(x.cause) && /user name/.test(x.cause) && /password/.test(x.cause)));
    assert.ok(c.some((x) => /only anonymous/.test(x.cause)));
    assert.ok(c.some((x) => /IIS/.test(x.cause) && /deny anonymous/.test(x.cause)));
  });

  it('550: missing file on GET/RETR, no write access on PUT/STOR', () => {
    const c = articleCauses(550);
    assert.ok(c.some((x) => /does not exist/.test(x.cause) && /GET/.test(x.cause) && /RETR/.test(x.cause)));
    assert.ok(c.some((x) => /PUT/.test(x.cause) && /STOR/.test(x.cause) && /write/.test(x.cause)));
  });

  it('cites the IIS article next to the origin article where both support the cause', () => {
    for (const code of [226, 230, 331, 426, 550]) {
      assert.ok(articleCauses(code).every((c) => c.sources.some((s) => s.includes('KB 969061'))), `${code}`);
    }
  });
});

describe('lookupCode', () => {
  it('returns catalogue entries as standard and catalogued', () => {
    const info = lookupCode(550);
    assert.equal(info.short, 'File unavailable');
    assert.equal(info.standard, true);
    assert.equal(info.catalogued, true);
    assert.equal(info.replyClass, 'permanent-negative');
    assert.ok(info.causes.length > 0);
    assert.ok(info.drawnBy.includes('RETR'));
  });

  it('resolves 521 by the command that drew it', () => {
    const lprt = lookupCode(521, 'LPRT');
    assert.ok(lprt.sources.includes('RFC 1639 §4'));
    assert.equal(lprt.ambiguous, undefined);
    assert.match(lprt.resolvedBy ?? '', /LPRT/);
    assert.equal(lprt.alternatives?.length, 1);
    assert.ok(lprt.alternatives?.[0].sources.includes('RFC 4217 §10.2'));

    const lpsv = lookupCode(521, 'lpsv');
    assert.ok(lpsv.sources.includes('RFC 1639 §4'));

    for (const verb of ['STOR', 'RETR', 'LIST', 'NLST', 'STOU', 'APPE']) {
      const info = lookupCode(521, verb);
      assert.ok(info.sources.includes('RFC 4217 §10.2'), verb);
      assert.ok(!info.sources.includes('RFC 1639 §4'), verb);
    }
  });

  it('resolves 522 by the command that drew it', () => {
    for (const verb of ['EPRT', 'EPSV']) {
      const info = lookupCode(522, verb);
      assert.ok(info.sources.some((s) => s.startsWith('RFC 2428')), verb);
      assert.ok(!info.sources.some((s) => s.startsWith('RFC 4217')), verb);
    }
    const retr = lookupCode(522, 'RETR');
    assert.ok(retr.sources.includes('RFC 4217 §10.2'));
    assert.ok(retr.causes.some((c) => /require_ssl_reuse/.test(c.try ?? '')));
  });

  it('shows both meanings of 521/522 when the command is unknown or unrelated', () => {
    for (const code of [521, 522]) {
      for (const verb of [undefined, 'NOOP']) {
        const info = lookupCode(code, verb);
        assert.equal(info.ambiguous, true, `${code} ${verb}`);
        assert.equal(info.alternatives?.length, 2);
        const labels = new Set(info.causes.map((c) => c.meaning));
        assert.equal(labels.size, 2, `${code}: causes of both meanings, each labelled`);
        if (verb) assert.match(info.resolvedBy ?? '', /NOOP/);
      }
    }
  });

  it('explains any other three-digit 1xx–6xx number from its digits', () => {
    const known = new Set(cataloguedCodes());
    for (let code = 100; code <= 699; code++) {
      if (known.has(code)) continue;
      const info = lookupCode(code);
      assert.equal(info.standard, false, `${code}`);
      assert.equal(info.catalogued, false, `${code}`);
      assert.equal(info.causes.length, 0, `${code}`);
      assert.ok(info.sources.includes('RFC 959 §4.2'), `${code}`);
      assert.match(info.short, /^Not defined by any RFC/, `${code}`);
      const digits = describeDigits(code);
      assert.ok(info.meaning.includes(digits.classText) && info.meaning.includes(digits.groupText), `${code}`);
    }
  });

  it('names the class and the group in a digit-built explanation', () => {
    assert.match(lookupCode(523).short, /permanent negative, connections/);
    assert.match(lookupCode(480).short, /transient negative, no defined group/);
    assert.match(lookupCode(541).short, /unassigned group/);
    assert.deepEqual(lookupCode(640).sources, ['RFC 959 §4.2', 'RFC 2228 §5.2']);
  });

  it('classes codes by their first digit, 0 and 7–9 as invalid', () => {
    assert.equal(replyClass(150), 'preliminary');
    assert.equal(replyClass(226), 'completion');
    assert.equal(replyClass(331), 'intermediate');
    assert.equal(replyClass(421), 'transient-negative');
    assert.equal(replyClass(550), 'permanent-negative');
    assert.equal(replyClass(632), 'protected');
    for (const code of [0, 42, 99, 700, 799, 800, 999, 1000, 10054, -1, 2.5, Number.NaN]) {
      assert.equal(replyClass(code), 'invalid', `${code}`);
    }
  });

  it('never returns undefined, and calls non-reply numbers what they are', () => {
    for (const code of [0, 42, 700, 812, 999, 10054, -5]) {
      const info = lookupCode(code);
      assert.ok(info);
      assert.equal(info.replyClass, 'invalid');
      assert.equal(info.standard, false);
      assert.equal(info.short, 'Not an FTP reply code');
    }
    assert.match(lookupCode(42).meaning, /042/);
    assert.match(lookupCode(10054).meaning, /three digits/);
  });

  it('reads the second digit by RFC 959 §4.2, x4z being unassigned', () => {
    assert.match(describeDigits(541).groupText, /^Unassigned group/);
    assert.match(describeDigits(530).groupText, /^Authentication and accounting/);
    assert.match(describeDigits(425).groupText, /^Connections/);
    assert.match(describeDigits(550).groupText, /^File system/);
    assert.match(describeDigits(500).groupText, /^Syntax/);
    assert.match(describeDigits(211).groupText, /^Information/);
    assert.match(describeDigits(570).groupText, /no group/);
    assert.match(describeDigits(750).classText, /not used by FTP/);
  });
});

describe('server-message catalogue', () => {
  const messages = allServerMessages();

  it('has entries for every server the reference covers, and none for Serv-U', () => {
    const servers = new Set(messages.map((m) => m.server));
    for (const s of ['vsftpd', 'ProFTPD', 'Pure-FTPd', 'FileZilla Server 0.9', 'FileZilla Server 1.x', 'IIS FTP', 'pyftpdlib', 'BSD/netkit ftp client']) {
      assert.ok(servers.has(s), s);
    }
    assert.ok(![...servers].some((s) => /serv-?u/i.test(s)));
  });

  it('gives every entry a code, a cause and a source', () => {
    for (const m of messages) {
      for (const code of codesOf(m)) assert.ok(code >= 100 && code <= 599, `${m.pattern}: ${code}`);
      assert.ok(m.cause.trim().length > 0, m.pattern);
      assert.match(m.source, /^[\w.-]+\/[\w.-]+ \S/, `${m.pattern}: source names repository and file`);
    }
  });

  it('compiles every pattern and matches each entry\'s own example', () => {
    for (const m of messages) {
      const first = m.example.split('\n')[0];
      assert.ok(compilePattern(m.pattern).test(first), `${m.pattern} !~ ${first}`);
      for (const code of codesOf(m)) {
        const hit = matchServerMessage(code, m.example, m.server);
        assert.ok(hit, `${code} ${m.example}`);
        assert.equal(hit.server, m.server, `${code} ${m.example}`);
      }
    }
  });

  it('matches whole lines only, case-sensitively', () => {
    assert.equal(matchServerMessage(550, 'Failed to open file.')?.server, 'vsftpd');
    assert.equal(matchServerMessage(550, 'Failed to open file. Extra'), undefined);
    assert.equal(matchServerMessage(550, 'failed to open file.'), undefined);
    assert.equal(matchServerMessage(550, 'Failed to open file.  \r')?.server, 'vsftpd');
    assert.equal(matchServerMessage(553, 'Failed to open file.'), undefined, 'indexed by code');
  });

  it('prefers specific texts over a server\'s catch-all', () => {
    const hit = matchServerMessage(500, 'OOPS: vsftpd: refusing to run with writable root inside chroot()');
    assert.match(hit?.cause ?? '', /chroot/);
    assert.match(hit?.try ?? '', /allow_writeable_chroot/);
    assert.match(matchServerMessage(500, 'OOPS: something new')?.cause ?? '', /fatal/);
  });

  it('fills wildcards with paths that contain spaces and colons', () => {
    assert.equal(matchServerMessage(550, '/srv/ftp/my file: v2.txt: No such file or directory')?.server, 'ProFTPD');
    assert.equal(matchServerMessage(451, '/srv/a b/c.iso denied: quota exceeded: used 10 of 10 MB')?.server, 'ProFTPD');
    assert.equal(matchServerMessage(425, 'Unable to build data connection: Connection refused')?.server, 'ProFTPD');
  });

  it('reports every server that sends the same text, led by the preferred one', () => {
    const hit = matchServerMessage(530, 'Login incorrect.');
    assert.ok(hit);
    const all = [hit.server, ...hit.alsoSentBy.map((m) => m.server)].sort();
    assert.deepEqual(all, ['FileZilla Server 1.x', 'ProFTPD', 'vsftpd']);
    assert.equal(matchServerMessage(530, 'Login incorrect.', 'ProFTPD')?.server, 'ProFTPD');
    assert.equal(matchServerMessage(530, 'Login incorrect.', 'FileZilla Server')?.server, 'FileZilla Server 1.x');
  });

  it('uses later lines for the IIS multi-line 530', () => {
    const specific = matchServerMessage(530, 'User cannot log in.\n Win32 error: Access is denied.\n Error details: Home directory lookup failed.');
    assert.match(specific?.cause ?? '', /Active Directory user isolation/);
    const generic = matchServerMessage(530, 'User cannot log in.');
    assert.equal(generic?.server, 'IIS FTP');
    assert.doesNotMatch(generic?.cause ?? '', /Active Directory/);
  });

  it('marks the BSD/netkit client\'s own 421 as client-made', () => {
    const hit = matchServerMessage(421, 'Service not available, remote server has closed connection');
    assert.equal(hit?.origin, 'client');
    assert.equal(matchServerMessage(421, 'Service not available.')?.server, 'vsftpd');
  });

  it('refuses placeholders that would make a pattern ambiguous', () => {
    assert.throws(() => compilePattern('a %s%s b'));
    assert.throws(() => compilePattern('port %d1'));
  });

  it('matches 100k-character hostile lines quickly', () => {
    const n = 100_000;
    const regexes = [...new Set(messages.map((m) => m.pattern))].map((p) => ({ p, re: compilePattern(p) }));
    const started = Date.now();
    for (const { p, re } of regexes) {
      const head = p.replace(/%[a-z0-9.]+|<[^>]*>|…/g, '').slice(0, 12);
      const inputs = [
        'a'.repeat(n),
        head + ': '.repeat(n / 2),
        head + ' ('.repeat(n / 2) + '!',
        p.replace(/%[a-z0-9.]+|<[^>]*>|…/g, 'x').repeat(Math.ceil(n / Math.max(1, p.length))).slice(0, n) + '\u0001',
        head + '1'.repeat(n) + 'z',
      ];
      for (const input of inputs) {
        const t = Date.now();
        re.test(input);
        assert.ok(Date.now() - t < 250, `${p} took ${Date.now() - t} ms`);
      }
    }
    assert.ok(Date.now() - started < 20000);
  });

  it('gives up at once on lines far longer than any reply', () => {
    const t = Date.now();
    assert.equal(matchServerMessage(500, 'OOPS: ' + 'x'.repeat(1_000_000)), undefined);
    assert.ok(Date.now() - t < 200);
  });
});

describe('recogniseServerFromGreeting', () => {
  it('recognises the default banners of known servers', () => {
    assert.deepEqual(
      { ...recogniseServerFromGreeting('(vsFTPd 3.0.5)'), source: undefined },
      { server: 'vsftpd', version: '3.0.5', source: undefined },
    );
    assert.equal(recogniseServerFromGreeting('ProFTPD 1.3.8 Server (Debian) [192.0.2.10]')?.server, 'ProFTPD');
    assert.equal(recogniseServerFromGreeting('ProFTPD 1.3.8 Server (Debian) [192.0.2.10]')?.version, '1.3.8');
    assert.equal(recogniseServerFromGreeting('ProFTPD Server (ftp.example.com) [192.0.2.10]')?.server, 'ProFTPD');
    assert.equal(recogniseServerFromGreeting('--------- Welcome to Pure-FTPd [privsep] [TLS] ----------')?.server, 'Pure-FTPd');
    assert.equal(recogniseServerFromGreeting('Welcome to Pure-FTPd.')?.server, 'Pure-FTPd');
    assert.equal(recogniseServerFromGreeting('FileZilla Server 0.9.60 beta')?.server, 'FileZilla Server 0.9');
    assert.equal(recogniseServerFromGreeting('FileZilla Server 1.8.0\nPlease visit https://example.com/')?.server, 'FileZilla Server 1.x');
    assert.equal(recogniseServerFromGreeting('FileZilla Server ready')?.server, 'FileZilla Server');
    assert.equal(recogniseServerFromGreeting('Microsoft FTP Service')?.server, 'IIS FTP');
    assert.equal(recogniseServerFromGreeting('ftp.example.com Microsoft FTP Service (Version 4.0).')?.version, '4.0');
  });

  it('returns nothing for banners no source supports', () => {
    for (const text of ['FTP server ready', 'Service ready', 'Welcome', 'Serv-U FTP Server v15.0 ready...', '(vsFTPd)', 'NotProFTPD Server']) {
      assert.equal(recogniseServerFromGreeting(text), undefined, text);
    }
  });
});

describe('IIS sub-status table', () => {
  it('covers 0–55 once each, in the project\'s words, citing KB 969061', () => {
    const rows = (iisData as { source: string; substatus: { value: number; meaning: string }[] }).substatus;
    assert.deepEqual(
      rows.map((r) => r.value),
      Array.from({ length: 56 }, (_, i) => i),
    );
    for (const r of rows) assert.ok(r.meaning.trim().length > 0);
    assert.match((iisData as { source: string }).source, /KB 969061/);
  });
});
