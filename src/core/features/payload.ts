// Decoders for the address/port payloads that set up FTP data connections
// (PORT, PASV's 227, EPRT, EPSV's 229, LPRT, LPSV's 228), the classification
// of the addresses they carry, and the explanation model the hover shows.
//
// Everything here reads text copied from logs, so every function runs in one
// pass over its input and returns `undefined` instead of throwing.

export interface HostPort {
  readonly address: string;
  readonly port: number;
}

export interface ExtendedHostPort extends HostPort {
  /** RFC 2428 §2 network protocol: 1 = IPv4, 2 = IPv6. */
  readonly protocol: 1 | 2;
}

export interface LongHostPort extends HostPort {
  /** RFC 1639 address family: 4 = IPv4, 6 = IPv6. */
  readonly family: 4 | 6;
}

// ---------------------------------------------------------------------------
// Small strict parsers

const CH_0 = 48;
const CH_9 = 57;

function isDigitCode(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

/** A run of 1..maxDigits ASCII digits making up the whole of `s`, or -1. */
function parseDecimal(s: string, maxDigits: number): number {
  if (s.length === 0 || s.length > maxDigits) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isDigitCode(c)) return -1;
    v = v * 10 + (c - CH_0);
  }
  return v;
}

/** Comma-separated octets (0-255) making up the whole of `s`; at most `max` of them. */
function parseOctetList(s: string, max: number): number[] | undefined {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && s.charCodeAt(i) !== 44 /* , */) continue;
    if (out.length === max) return undefined;
    const v = parseDecimal(s.slice(start, i), 3);
    if (v < 0 || v > 255) return undefined;
    out.push(v);
    start = i + 1;
  }
  return out;
}

function parseIPv4(s: string): number[] | undefined {
  if (s.length > 15) return undefined;
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    const v = parseDecimal(p, 3);
    if (v < 0 || v > 255) return undefined;
    out.push(v);
  }
  return out;
}

function parseHexGroup(s: string): number {
  if (s.length === 0 || s.length > 4) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= CH_0 && c <= CH_9) d = c - CH_0;
    else if (c >= 97 && c <= 102) d = c - 87; // a-f
    else if (c >= 65 && c <= 70) d = c - 55; // A-F
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Groups of one side of `::` (or of a whole address); the last may be dotted IPv4. */
function parseGroups(s: string, allowV4Tail: boolean): number[] | undefined {
  if (s.length === 0) return [];
  const parts = s.split(':');
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (allowV4Tail && i === parts.length - 1 && p.includes('.')) {
      const v4 = parseIPv4(p);
      if (!v4) return undefined;
      out.push(v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]);
    } else {
      const g = parseHexGroup(p);
      if (g < 0) return undefined;
      out.push(g);
    }
  }
  return out;
}

/** RFC 4291 §2.2 text forms (no zone index) to eight 16-bit groups. */
function parseIPv6(s: string): number[] | undefined {
  // 45 characters is the longest valid form (six full groups plus dotted IPv4).
  if (s.length < 2 || s.length > 45) return undefined;
  const gap = s.indexOf('::');
  if (gap < 0) {
    const groups = parseGroups(s, true);
    return groups && groups.length === 8 ? groups : undefined;
  }
  if (s.indexOf('::', gap + 1) >= 0) return undefined;
  const head = parseGroups(s.slice(0, gap), false);
  const tail = parseGroups(s.slice(gap + 2), true);
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  const zeros = new Array<number>(8 - head.length - tail.length).fill(0);
  return [...head, ...zeros, ...tail];
}

/** Compressed text form (RFC 5952 §4: lower case, longest zero run of two or more as `::`). */
function formatIPv6(groups: readonly number[]): string {
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    // IPv4-mapped addresses keep their dotted tail (RFC 5952 §5).
    return `::ffff:${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`;
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number): string => g.toString(16);
  if (bestStart < 0) return groups.map(hex).join(':');
  const head = groups.slice(0, bestStart).map(hex).join(':');
  const tail = groups.slice(bestStart + bestLen).map(hex).join(':');
  return `${head}::${tail}`;
}

// ---------------------------------------------------------------------------
// Number chains inside free reply text

/**
 * Walks `text` once and hands every maximal run of comma-separated numbers
 * (`a,b,c`; blanks allowed after a comma, as some servers print them) to
 * `accept`, stopping at the first run it accepts. Runs never overlap, and a run
 * longer than `maxLength` is rejected without being collected, so the cost stays
 * linear in the text length.
 */
function firstNumberChain<T>(
  text: string,
  maxLength: number,
  accept: (nums: readonly number[]) => T | undefined,
): T | undefined {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const nums: number[] = [];
    let overflow = false;
    for (;;) {
      // One number: keep at most four digits' worth; a longer run is out of range anyway.
      let v = 0;
      let digits = 0;
      while (i < n && isDigitCode(text.charCodeAt(i))) {
        if (digits < 4) v = v * 10 + (text.charCodeAt(i) - CH_0);
        digits++;
        i++;
      }
      if (digits > 3) v = 1000;
      if (nums.length < maxLength) nums.push(v);
      else overflow = true;
      if (i >= n || text.charCodeAt(i) !== 44 /* , */) break;
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j >= n || !isDigitCode(text.charCodeAt(j))) break;
      i = j;
    }
    if (!overflow) {
      const found = accept(nums);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function hostPortFromSix(nums: readonly number[]): HostPort | undefined {
  if (nums.length !== 6) return undefined;
  for (const v of nums) if (v > 255) return undefined;
  return { address: `${nums[0]}.${nums[1]}.${nums[2]}.${nums[3]}`, port: nums[4] * 256 + nums[5] };
}

// ---------------------------------------------------------------------------
// Decoders

/** PORT argument `h1,h2,h3,h4,p1,p2` (RFC 959 §4.1.2); port = p1 × 256 + p2. */
export function decodePort(arg: string): HostPort | undefined {
  const nums = parseOctetList(arg.trim(), 6);
  return nums ? hostPortFromSix(nums) : undefined;
}

/**
 * A 227 reply text. RFC 959 §4.2.2 shows the six numbers in parentheses, but
 * the wording around them differs between servers (RFC 1579, citing RFC 1123),
 * so the first run of exactly six comma-separated numbers is taken, wherever it is.
 */
export function decodePasv(replyText: string): HostPort | undefined {
  return firstNumberChain(replyText, 6, hostPortFromSix);
}

/**
 * EPRT argument `<d><proto><d><address><d><port><d>` (RFC 2428 §2): the
 * delimiter is the first character, any of ASCII 33-126.
 */
export function decodeEprt(arg: string): ExtendedHostPort | undefined {
  const s = arg.trim();
  // The longest valid form: delimiter ×4, protocol, 45-character IPv6 address, 5-digit port.
  if (s.length < 10 || s.length > 55) return undefined;
  const d = s.charCodeAt(0);
  if (d < 33 || d > 126) return undefined;
  const parts = s.split(s[0]);
  if (parts.length !== 5 || parts[0] !== '' || parts[4] !== '') return undefined;
  const port = parseDecimal(parts[3], 5);
  if (port < 0 || port > 65535) return undefined;
  if (parts[1] === '1') {
    const v4 = parseIPv4(parts[2]);
    return v4 ? { protocol: 1, address: v4.join('.'), port } : undefined;
  }
  if (parts[1] === '2') {
    const v6 = parseIPv6(parts[2]);
    return v6 ? { protocol: 2, address: formatIPv6(v6), port } : undefined;
  }
  return undefined;
}

/**
 * A 229 reply text: `(<d><d><d><port><d>)` with the protocol and address
 * fields left empty (RFC 2428 §3); the client reuses the control connection's address.
 */
export function decodeEpsv(replyText: string): { readonly port: number } | undefined {
  const n = replyText.length;
  for (let i = replyText.indexOf('('); i >= 0 && i + 6 < n; i = replyText.indexOf('(', i + 1)) {
    const d = replyText.charCodeAt(i + 1);
    if (d < 33 || d > 126 || isDigitCode(d)) continue;
    if (replyText.charCodeAt(i + 2) !== d || replyText.charCodeAt(i + 3) !== d) continue;
    let j = i + 4;
    let port = 0;
    while (j < n && j - (i + 4) < 6 && isDigitCode(replyText.charCodeAt(j))) {
      port = port * 10 + (replyText.charCodeAt(j) - CH_0);
      j++;
    }
    const digits = j - (i + 4);
    if (digits === 0 || digits > 5 || port > 65535) continue;
    if (replyText.charCodeAt(j) === d && replyText.charCodeAt(j + 1) === 41 /* ) */) return { port };
  }
  return undefined;
}

/** LPRT/LPSV layout: af, hal, h1..h(hal), pal, p1..p(pal) (RFC 1639, as laid out in RFC 1545 §2-3). */
function longHostPort(nums: readonly number[]): LongHostPort | undefined {
  if (nums.length < 5) return undefined;
  for (const v of nums) if (v > 255) return undefined;
  const [af, hal] = nums;
  if (!((af === 4 && hal === 4) || (af === 6 && hal === 16))) return undefined;
  const pal = nums[2 + hal];
  if (pal === undefined || pal < 1 || pal > 2 || nums.length !== 3 + hal + pal) return undefined;
  let port = 0;
  for (let k = 0; k < pal; k++) port = port * 256 + nums[3 + hal + k];
  const bytes = nums.slice(2, 2 + hal);
  if (af === 4) return { family: 4, address: bytes.join('.'), port };
  const groups: number[] = [];
  for (let k = 0; k < 16; k += 2) groups.push(bytes[k] * 256 + bytes[k + 1]);
  return { family: 6, address: formatIPv6(groups), port };
}

// An IPv6 LPRT payload is 3 + 16 + 2 = 21 numbers, the longest this decoder accepts.
const LONG_MAX_NUMBERS = 21;

/** LPRT argument (RFC 1639); address families 4 (IPv4) and 6 (IPv6) only. */
export function decodeLprt(arg: string): LongHostPort | undefined {
  const nums = parseOctetList(arg.trim(), LONG_MAX_NUMBERS);
  return nums ? longHostPort(nums) : undefined;
}

/** A 228 reply text: the first number run laid out like an LPRT argument (RFC 1639). */
export function decodeLpsv(replyText: string): LongHostPort | undefined {
  return firstNumberChain(replyText, LONG_MAX_NUMBERS, longHostPort);
}

// ---------------------------------------------------------------------------
// Address classification

export type AddressClass =
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'shared'
  | 'documentation'
  | 'unique-local'
  | 'unspecified'
  | 'public';

export interface AddressInfo {
  readonly class: AddressClass;
  readonly version: 4 | 6;
  /** The RFC that sets the range aside; absent for `public`. */
  readonly source?: string;
}

function classifyV4(o: readonly number[]): AddressInfo {
  const [a, b, c] = o;
  const info = (cls: AddressClass, source?: string): AddressInfo => ({ class: cls, version: 4, source });
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return info('private', 'RFC 1918 §3');
  if (a === 127) return info('loopback', 'RFC 1122 §3.2.1.3');
  if (a === 0) return info('unspecified', 'RFC 1122 §3.2.1.3');
  if (a === 169 && b === 254) return info('link-local', 'RFC 3927');
  if (a === 100 && b >= 64 && b <= 127) return info('shared', 'RFC 6598');
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) {
    return info('documentation', 'RFC 5737 §3');
  }
  return info('public');
}

function classifyV6(g: readonly number[]): AddressInfo {
  const info = (cls: AddressClass, source?: string): AddressInfo => ({ class: cls, version: 6, source });
  let leadingZeros = 0;
  while (leadingZeros < 8 && g[leadingZeros] === 0) leadingZeros++;
  if (leadingZeros === 8) return info('unspecified', 'RFC 4291 §2.5.2');
  if (leadingZeros === 7 && g[7] === 1) return info('loopback', 'RFC 4291 §2.5.3');
  if (leadingZeros === 5 && g[5] === 0xffff) {
    // IPv4-mapped (RFC 4291 §2.5.5.2): the embedded IPv4 address decides.
    return classifyV4([g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff]);
  }
  if ((g[0] & 0xffc0) === 0xfe80) return info('link-local', 'RFC 4291 §2.5.6');
  if ((g[0] & 0xfe00) === 0xfc00) return info('unique-local', 'RFC 4193');
  if (g[0] === 0x2001 && g[1] === 0x0db8) return info('documentation', 'RFC 3849');
  return info('public');
}

/** Class and source of an IPv4 or IPv6 address; `undefined` when `ip` is not one. */
export function explainAddress(ip: string): AddressInfo | undefined {
  const s = ip.trim();
  const v4 = parseIPv4(s);
  if (v4) return classifyV4(v4);
  const v6 = parseIPv6(s);
  return v6 ? classifyV6(v6) : undefined;
}

/**
 * private: RFC 1918; loopback; link-local; shared: RFC 6598 carrier-grade NAT
 * space; documentation: RFC 5737 / RFC 3849; unique-local: IPv6 fc00::/7;
 * unspecified: 0.0.0.0/8 and `::`; public: none of these.
 */
export function classifyAddress(ip: string): AddressClass | undefined {
  return explainAddress(ip)?.class;
}

// ---------------------------------------------------------------------------
// Explanation model

/**
 * What is being decoded: the command argument for PORT, EPRT and LPRT; the
 * reply text for PASV (227), EPSV (229) and LPSV (228).
 */
export type PayloadKind = 'PORT' | 'EPRT' | 'LPRT' | 'PASV' | 'EPSV' | 'LPSV';

export interface PayloadExplanation {
  readonly kind: PayloadKind;
  /** One line in the project's own words: who listens where. */
  readonly summary: string;
  /** Absent for EPSV, whose reply carries only a port. */
  readonly address?: string;
  readonly port: number;
  readonly addressClass?: AddressClass;
  /** Set when the advertised address cannot be reached from outside its own network. */
  readonly warning?: string;
  /** Citations for the summary, the address class and the warning. */
  readonly sources: readonly string[];
}

/** The payload kind whose reply carries the passive address, for a reply code. */
export function payloadKindForReply(code: number): PayloadKind | undefined {
  return code === 227 ? 'PASV' : code === 228 ? 'LPSV' : code === 229 ? 'EPSV' : undefined;
}

/** The payload kind whose argument carries the active address, for a command verb. */
export function payloadKindForCommand(verb: string): PayloadKind | undefined {
  const v = verb.toUpperCase();
  return v === 'PORT' || v === 'EPRT' || v === 'LPRT' ? v : undefined;
}

const CLASS_WORDS: Record<AddressClass, string> = {
  private: 'a private (RFC 1918) address',
  loopback: 'a loopback address',
  'link-local': 'a link-local address',
  shared: 'a carrier-grade NAT (RFC 6598 shared) address',
  documentation: 'a documentation example address',
  'unique-local': 'a unique local IPv6 address',
  unspecified: 'an unspecified (all-zero) address',
  public: 'not in any private or special-purpose range this extension knows',
};

/** Human wording for an address class, for use after "The address is …". */
export function describeAddressClass(cls: AddressClass): string {
  return CLASS_WORDS[cls];
}

// Classes whose addresses no machine outside the server's own network (or host) can reach.
const UNREACHABLE_FROM_OUTSIDE: ReadonlySet<AddressClass> = new Set<AddressClass>([
  'private',
  'loopback',
  'link-local',
  'shared',
  'unique-local',
]);

const NAT_SOURCES = [
  'basvodde/filezilla src/engine/ftpcontrolsocket.cpp',
  'dagwieers/vsftpd vsftpd.conf.5 (pasv_address)',
];

function passiveWarning(address: string, cls: AddressClass): string {
  const where = cls === 'loopback' ? 'from any other machine' : 'from outside its own network';
  return (
    `The server told the client to connect to ${address}, ${CLASS_WORDS[cls]} that cannot be reached ${where}. ` +
    'A server behind NAT that advertises its internal address produces this. ' +
    'By default FileZilla detects such a reply and connects to the address of the control connection instead. ' +
    'On the server side, vsftpd\'s pasv_address option sets the address it advertises.'
  );
}

function portFormula(p1: number, p2: number, port: number): string {
  return `port ${p1} × 256 + ${p2} = ${port}`;
}

function portParts(port: number): [number, number] {
  return [Math.floor(port / 256), port % 256];
}

/**
 * Decodes `text` (a command argument or a reply text, see {@link PayloadKind})
 * and explains it; `undefined` when the text holds no valid payload.
 */
export function explainPayload(kind: PayloadKind, text: string): PayloadExplanation | undefined {
  switch (kind) {
    case 'PORT':
    case 'PASV': {
      const hp = kind === 'PORT' ? decodePort(text) : decodePasv(text);
      if (!hp) return undefined;
      const [p1, p2] = portParts(hp.port);
      const summary =
        kind === 'PORT'
          ? `Active mode: the client asks the server to open the data connection to ${hp.address}, ${portFormula(p1, p2, hp.port)}.`
          : `Passive mode: the server waits for the data connection at ${hp.address}, ${portFormula(p1, p2, hp.port)}.`;
      return withAddress(kind, summary, hp.address, hp.port, kind === 'PORT' ? 'RFC 959 §4.1.2' : 'RFC 959 §4.1.2, §4.2.2 (227)');
    }
    case 'EPRT': {
      const e = decodeEprt(text);
      if (!e) return undefined;
      const ipv = e.protocol === 1 ? 'IPv4' : 'IPv6';
      const summary = `Active mode over ${ipv}: the client asks the server to open the data connection to ${e.address}, port ${e.port}.`;
      return withAddress(kind, summary, e.address, e.port, 'RFC 2428 §2');
    }
    case 'LPRT':
    case 'LPSV': {
      const l = kind === 'LPRT' ? decodeLprt(text) : decodeLpsv(text);
      if (!l) return undefined;
      const ipv = l.family === 4 ? 'IPv4' : 'IPv6';
      const summary =
        kind === 'LPRT'
          ? `Active mode (long address, ${ipv}): the client asks the server to open the data connection to ${l.address}, port ${l.port}.`
          : `Passive mode (long address, ${ipv}): the server waits for the data connection at ${l.address}, port ${l.port}.`;
      return withAddress(kind, summary, l.address, l.port, kind === 'LPRT' ? 'RFC 1639 (RFC 1545 §2)' : 'RFC 1639 (RFC 1545 §3, reply 228)');
    }
    case 'EPSV': {
      const e = decodeEpsv(text);
      if (!e) return undefined;
      return {
        kind,
        summary:
          `Extended passive mode: the server waits for the data connection on port ${e.port}, ` +
          'at the same address the client already uses for the control connection.',
        port: e.port,
        sources: ['RFC 2428 §3 (229)'],
      };
    }
  }
}

function withAddress(kind: PayloadKind, summary: string, address: string, port: number, source: string): PayloadExplanation {
  const info = explainAddress(address);
  const sources = [source];
  if (info?.source) sources.push(info.source);
  const passive = kind === 'PASV' || kind === 'LPSV';
  if (passive && info && UNREACHABLE_FROM_OUTSIDE.has(info.class)) {
    sources.push(...NAT_SOURCES);
    return { kind, summary, address, port, addressClass: info.class, warning: passiveWarning(address, info.class), sources };
  }
  return { kind, summary, address, port, addressClass: info?.class, sources };
}
