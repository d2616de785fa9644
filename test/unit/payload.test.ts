import * as assert from 'assert';
import {
  classifyAddress,
  decodeEprt,
  decodeEpsv,
  decodeLprt,
  decodeLpsv,
  decodePasv,
  decodePort,
  explainAddress,
  explainPayload,
  payloadKindForCommand,
  payloadKindForReply,
  PayloadKind,
} from '../../src/core/features/payload';
import { payloadMarkdown } from '../../src/core/markdown/payloadMarkdown';

describe('decodePort', () => {
  it('decodes h1,h2,h3,h4,p1,p2 with port = p1*256+p2', () => {
    assert.deepStrictEqual(decodePort('192,0,2,10,4,1'), { address: '192.0.2.10', port: 1025 });
    assert.deepStrictEqual(decodePort(' 203,0,113,7,255,255 '), { address: '203.0.113.7', port: 65535 });
    assert.deepStrictEqual(decodePort('198,51,100,1,0,21'), { address: '198.51.100.1', port: 21 });
  });

  it('rejects values above 255, missing or extra fields and non-digits', () => {
    for (const bad of [
      '192,0,2,256,4,1',
      '192,0,2,1,4,256',
      '192,0,2,1,4',
      '192,0,2,1,4,1,7',
      '192,0,2,1,,1',
      '192,0,2,1,4,1,',
      ',192,0,2,1,4,1',
      '192,0,2,1,4,x',
      '192.0.2.1,4,1',
      '192,0,2,1,-4,1',
      '192,0,2,1,0004,1',
      '',
      ',,,,,',
      'PORT',
    ]) {
      assert.strictEqual(decodePort(bad), undefined, bad);
    }
  });
});

describe('decodePasv', () => {
  it('finds the six numbers with or without parentheses', () => {
    const want = { address: '192.0.2.5', port: 50000 };
    assert.deepStrictEqual(decodePasv('Entering Passive Mode (192,0,2,5,195,80)'), want);
    assert.deepStrictEqual(decodePasv('Entering Passive Mode (192,0,2,5,195,80).'), want);
    assert.deepStrictEqual(decodePasv('Entering Passive Mode 192,0,2,5,195,80'), want);
    assert.deepStrictEqual(decodePasv('=192,0,2,5,195,80'), want);
    assert.deepStrictEqual(decodePasv('Entering Passive Mode (192, 0, 2, 5, 195, 80)'), want);
  });

  it('skips number runs of other lengths before the address', () => {
    assert.deepStrictEqual(decodePasv('227 Entering Passive Mode, 2 tries (192,0,2,5,4,1)'), { address: '192.0.2.5', port: 1025 });
  });

  it('rejects octets above 255, short runs and text without numbers', () => {
    for (const bad of [
      'Entering Passive Mode (192,0,2,300,4,1)',
      'Entering Passive Mode (192,0,2,5,4)',
      'Entering Passive Mode (192,0,2,5,4,1,9)',
      'Entering Passive Mode (1920,0,2,5,4,1)',
      'Entering Passive Mode',
      '',
      '(,,,,,)',
    ]) {
      assert.strictEqual(decodePasv(bad), undefined, bad);
    }
  });
});

describe('decodeEprt', () => {
  it('decodes IPv4 and IPv6 forms', () => {
    assert.deepStrictEqual(decodeEprt('|1|192.0.2.1|6446|'), { protocol: 1, address: '192.0.2.1', port: 6446 });
    assert.deepStrictEqual(decodeEprt('|2|2001:db8::1|6446|'), { protocol: 2, address: '2001:db8::1', port: 6446 });
    assert.deepStrictEqual(decodeEprt('|2|2001:DB8:0:0:0:0:0:1|5282|'), { protocol: 2, address: '2001:db8::1', port: 5282 });
    assert.deepStrictEqual(decodeEprt('|2|::ffff:192.0.2.1|21|'), { protocol: 2, address: '::ffff:192.0.2.1', port: 21 });
  });

  it('accepts any delimiter from ASCII 33 to 126', () => {
    assert.deepStrictEqual(decodeEprt('!1!192.0.2.1!6446!'), { protocol: 1, address: '192.0.2.1', port: 6446 });
    assert.deepStrictEqual(decodeEprt('~2~2001:db8::7~1~'), { protocol: 2, address: '2001:db8::7', port: 1 });
  });

  it('rejects malformed arguments', () => {
    for (const bad of [
      '|3|192.0.2.1|6446|',
      '|1|192.0.2.256|6446|',
      '|1|2001:db8::1|6446|',
      '|2|192.0.2.1|6446|',
      '|1|192.0.2.1|65536|',
      '|1|192.0.2.1||',
      '|1|192.0.2.1|6446',
      '1|192.0.2.1|6446|',
      '|1|192.0.2.1|6446|x',
      ' 1 192.0.2.1 6446 ',
      '|2|2001:db8::1::2|6446|',
      '|2|2001:db8:1:2:3:4:5:6:7|6446|',
      '|2|12345::1|6446|',
      '|2|fe80::1%eth0|6446|',
      '.1.192.0.2.1.6446.',
      '',
    ]) {
      assert.strictEqual(decodeEprt(bad), undefined, bad);
    }
  });
});

describe('decodeEpsv', () => {
  it('reads the port from (|||port|) with any delimiter', () => {
    assert.deepStrictEqual(decodeEpsv('Entering Extended Passive Mode (|||6446|)'), { port: 6446 });
    assert.deepStrictEqual(decodeEpsv('Entering Extended Passive Mode (!!!6446!)'), { port: 6446 });
    assert.deepStrictEqual(decodeEpsv('(x) then (|||21|).'), { port: 21 });
  });

  it('rejects missing, filled-in or out-of-range fields', () => {
    for (const bad of [
      'Entering Extended Passive Mode',
      'Entering Extended Passive Mode (|||65536|)',
      'Entering Extended Passive Mode (||||)',
      'Entering Extended Passive Mode (|1|192.0.2.1|6446|)',
      'Entering Extended Passive Mode (|||6446)',
      'Entering Extended Passive Mode (|||6446|',
      'Entering Extended Passive Mode (|||64a6|)',
      'Entering Extended Passive Mode (111123|)',
      '(',
    ]) {
      assert.strictEqual(decodeEpsv(bad), undefined, bad);
    }
  });
});

describe('decodeLprt / decodeLpsv', () => {
  it('decodes IPv4 and IPv6 long addresses', () => {
    assert.deepStrictEqual(decodeLprt('4,4,192,0,2,1,2,4,1'), { family: 4, address: '192.0.2.1', port: 1025 });
    assert.deepStrictEqual(decodeLprt('6,16,32,1,13,184,0,0,0,0,0,0,0,0,0,0,0,1,2,25,46'), {
      family: 6,
      address: '2001:db8::1',
      port: 6446,
    });
    assert.deepStrictEqual(decodeLpsv('Entering Long Passive Mode (4,4,198,51,100,9,2,4,1)'), {
      family: 4,
      address: '198.51.100.9',
      port: 1025,
    });
  });

  it('rejects wrong lengths, unknown families and large values', () => {
    for (const bad of ['4,4,192,0,2,1,2,4', '4,4,192,0,2,1,2,4,1,1', '5,4,192,0,2,1,2,4,1', '4,16,192,0,2,1,2,4,1', '4,4,192,0,2,300,2,4,1', '4,4,192,0,2,1,3,0,4,1', '']) {
      assert.strictEqual(decodeLprt(bad), undefined, bad);
    }
    assert.strictEqual(decodeLpsv('Entering Long Passive Mode (4,4,192,0,2)'), undefined);
  });
});

describe('decoders on hostile input', () => {
  const big = 100_000;
  const inputs: Record<string, string> = {
    commas: ','.repeat(big),
    digits: '9'.repeat(big),
    chain: '1,'.repeat(big / 2),
    spacedChain: '1, '.repeat(big / 3),
    parens: '(|||'.repeat(big / 4),
    pipes: '|'.repeat(big),
    colons: ':'.repeat(big),
    mixed: '(192,0,2,1,4,'.repeat(big / 13),
    dots: '1.'.repeat(big / 2),
  };

  it('never throw and finish 100k-character inputs quickly', () => {
    const decoders: [string, (s: string) => unknown][] = [
      ['decodePort', decodePort],
      ['decodePasv', decodePasv],
      ['decodeEprt', decodeEprt],
      ['decodeEpsv', decodeEpsv],
      ['decodeLprt', decodeLprt],
      ['decodeLpsv', decodeLpsv],
      ['classifyAddress', classifyAddress],
    ];
    for (const [name, input] of Object.entries(inputs)) {
      for (const [dname, decode] of decoders) {
        const t0 = Date.now();
        assert.strictEqual(decode(input), undefined, `${dname}(${name})`);
        const ms = Date.now() - t0;
        assert.ok(ms < 200, `${dname}(${name}) took ${ms} ms`);
      }
    }
  });

  it('still finds a valid payload at the end of a long run of noise', () => {
    const noise = '1,2,'.repeat(20_000) + 'x ';
    assert.deepStrictEqual(decodePasv(noise + '(192,0,2,5,4,1)'), { address: '192.0.2.5', port: 1025 });
    assert.deepStrictEqual(decodeEpsv('(|||'.repeat(10_000) + ' (|||6446|)'), { port: 6446 });
  });
});

describe('classifyAddress', () => {
  const cases: [string, string | undefined][] = [
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['172.15.0.1', 'public'],
    ['172.32.0.1', 'public'],
    ['192.168.1.20', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['169.254.10.1', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.200', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['192.0.3.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['8.8.8.8', 'public'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['FEBF::1', 'link-local'],
    ['fec0::1', 'public'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['2001:db8::1', 'documentation'],
    ['2001:db9::1', 'public'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:c0a8:1', 'private'],
    ['2606:4700::1', 'public'],
    ['999.1.1.1', undefined],
    ['1.2.3', undefined],
    ['example.com', undefined],
    ['', undefined],
    [':::', undefined],
    ['1::2::3', undefined],
  ];
  for (const [ip, want] of cases) {
    it(`${ip || '(empty)'} is ${want ?? 'not an address'}`, () => {
      assert.strictEqual(classifyAddress(ip), want);
    });
  }

  it('names the RFC behind each special range', () => {
    assert.strictEqual(explainAddress('10.1.2.3')?.source, 'RFC 1918 §3');
    assert.strictEqual(explainAddress('100.64.1.1')?.source, 'RFC 6598');
    assert.strictEqual(explainAddress('203.0.113.1')?.source, 'RFC 5737 §3');
    assert.strictEqual(explainAddress('2001:db8::5')?.source, 'RFC 3849');
    assert.strictEqual(explainAddress('8.8.8.8')?.source, undefined);
  });
});

describe('explainPayload', () => {
  it('explains a PASV reply with the port arithmetic', () => {
    const m = explainPayload('PASV', 'Entering Passive Mode (203,0,113,5,4,1)')!;
    assert.strictEqual(m.address, '203.0.113.5');
    assert.strictEqual(m.port, 1025);
    assert.strictEqual(m.addressClass, 'documentation');
    assert.strictEqual(m.warning, undefined);
    assert.ok(m.summary.includes('4 × 256 + 1 = 1025'));
    assert.ok(m.sources.some((s) => s.startsWith('RFC 959')));
  });

  it('warns when a 227 advertises an address no outside client can reach', () => {
    for (const [text, cls] of [
      ['Entering Passive Mode (10,0,0,5,195,80)', 'private'],
      ['Entering Passive Mode (192,168,1,20,195,80)', 'private'],
      ['Entering Passive Mode (127,0,0,1,195,80)', 'loopback'],
      ['Entering Passive Mode (169,254,3,4,195,80)', 'link-local'],
      ['Entering Passive Mode (100,64,0,9,195,80)', 'shared'],
    ]) {
      const m = explainPayload('PASV', text)!;
      assert.strictEqual(m.addressClass, cls, text);
      assert.ok(m.warning, text);
      assert.ok(m.warning.includes('NAT'), text);
      assert.ok(m.warning.includes('FileZilla'), text);
      assert.ok(m.sources.some((s) => s.includes('basvodde/filezilla')), text);
      assert.ok(m.sources.some((s) => s.includes('pasv_address')), text);
    }
    const lpsv = explainPayload('LPSV', 'Entering Long Passive Mode (4,4,192,168,0,2,2,4,1)')!;
    assert.ok(lpsv.warning);
  });

  it('does not warn about the same address in an active-mode command', () => {
    const m = explainPayload('PORT', '192,168,1,20,4,1')!;
    assert.strictEqual(m.addressClass, 'private');
    assert.strictEqual(m.warning, undefined);
    assert.ok(m.summary.startsWith('Active mode'));
  });

  it('explains EPRT, EPSV and LPRT', () => {
    const eprt = explainPayload('EPRT', '|2|2001:db8::1|6446|')!;
    assert.strictEqual(eprt.address, '2001:db8::1');
    assert.ok(eprt.summary.includes('IPv6'));
    assert.ok(eprt.sources.includes('RFC 2428 §2'));
    const epsv = explainPayload('EPSV', 'Entering Extended Passive Mode (|||6446|)')!;
    assert.strictEqual(epsv.address, undefined);
    assert.strictEqual(epsv.port, 6446);
    assert.ok(epsv.summary.includes('control connection'));
    const lprt = explainPayload('LPRT', '4,4,192,0,2,1,2,4,1')!;
    assert.strictEqual(lprt.port, 1025);
  });

  it('returns undefined for text without a payload', () => {
    for (const kind of ['PORT', 'EPRT', 'LPRT', 'PASV', 'EPSV', 'LPSV'] as PayloadKind[]) {
      assert.strictEqual(explainPayload(kind, 'garbage <b>'), undefined, kind);
    }
  });

  it('maps reply codes and verbs to payload kinds', () => {
    assert.strictEqual(payloadKindForReply(227), 'PASV');
    assert.strictEqual(payloadKindForReply(228), 'LPSV');
    assert.strictEqual(payloadKindForReply(229), 'EPSV');
    assert.strictEqual(payloadKindForReply(226), undefined);
    assert.strictEqual(payloadKindForCommand('eprt'), 'EPRT');
    assert.strictEqual(payloadKindForCommand('PASV'), undefined);
  });
});

describe('payloadMarkdown', () => {
  it('renders summary, address, port, class, warning and sources', () => {
    const md = payloadMarkdown('PASV', 'Entering Passive Mode (192,168,1,20,195,80)')!;
    assert.ok(md.startsWith('**PASV reply (227)** — '));
    assert.ok(md.includes('- Address: 192\\.168\\.1\\.20'));
    assert.ok(md.includes('- Port: 50000'));
    assert.ok(md.includes('RFC 1918'));
    assert.ok(md.includes('**Warning:** '));
    assert.ok(md.includes('Sources: '));
    assert.ok(!md.includes('192.168.1.20'), 'address text from the document is escaped everywhere');
  });

  it('escapes an IPv6 address and omits the address line for EPSV', () => {
    assert.ok(payloadMarkdown('EPRT', '|2|2001:db8::1|6446|')!.includes('2001\\:db8\\:\\:1'));
    const epsv = payloadMarkdown('EPSV', '(|||6446|)')!;
    assert.ok(!epsv.includes('- Address:'));
    assert.ok(epsv.includes('- Port: 6446'));
  });

  it('renders nothing for hostile text that holds no payload', () => {
    assert.strictEqual(payloadMarkdown('PASV', '<script>alert(1)</script>'), undefined);
  });
});
