// Recognises the reply texts particular servers send, so an explanation can name
// the server and its specific cause. Patterns live in catalogue/server-messages.json
// (syntax described there); they are compiled once, on first use, into anchored
// regular expressions built so that no input can make them backtrack badly.

import messageData from './server-messages.json';

export interface ServerMessage {
  /** Display name, e.g. `vsftpd`, `FileZilla Server 1.x`. */
  readonly server: string;
  readonly code: number | readonly number[];
  /** The first line of the reply text in the pattern syntax of server-messages.json. */
  readonly pattern: string;
  readonly cause: string;
  readonly try?: string;
  /** Repository and file the text was read from. */
  readonly source: string;
  /** Pattern one of the later reply lines must match too. */
  readonly followedBy?: string;
  /** `client` when a client program prints the line itself. */
  readonly origin?: 'server' | 'client';
  /** The only commands the server answers with this text; a reply to another command is not this message. */
  readonly commands?: readonly string[];
  /** A text the pattern must match; tests check every entry against its own. */
  readonly example: string;
}

export interface ServerMatch {
  readonly server: string;
  readonly code: number;
  readonly cause: string;
  readonly try?: string;
  readonly source: string;
  readonly origin: 'server' | 'client';
  /** The catalogue entry that matched. */
  readonly message: ServerMessage;
  /** Other servers known to send the very same text with this code. */
  readonly alsoSentBy: readonly ServerMessage[];
}

export interface GreetingMatch {
  readonly server: string;
  readonly version?: string;
  readonly source: string;
}

const MESSAGES: readonly ServerMessage[] = (messageData as { messages: readonly ServerMessage[] }).messages;

/** Every catalogued server text, in catalogue order. */
export function allServerMessages(): readonly ServerMessage[] {
  return MESSAGES;
}

// ---------------------------------------------------------------- pattern compiler

type Token =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'int' }
  | { readonly kind: 'decimal' };

// %% first so it is never read as the start of another placeholder.
const PLACEHOLDER = /%%|%(?:lld|llu|lu|d|u|m)|%(?:\d*\.\d+)?f|%s|<[A-Za-z][A-Za-z0-9 _-]*>|…/g;

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let literal = '';
  let last = 0;
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    literal += pattern.slice(last, at);
    last = at + m[0].length;
    const p = m[0];
    if (p === '%%') {
      literal += '%';
      continue;
    }
    if (literal) tokens.push({ kind: 'text', value: literal });
    literal = '';
    if (p === '%s' || p === '…' || p.startsWith('<')) tokens.push({ kind: 'any' });
    else if (p.endsWith('f')) tokens.push({ kind: 'decimal' });
    else tokens.push({ kind: 'int' });
  }
  literal += pattern.slice(last);
  if (literal) tokens.push({ kind: 'text', value: literal });
  return tokens;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Compiles a pattern into an anchored regex whose running time is linear in the
 * input. A text wildcard followed by more literal text may not run past the first
 * place that literal occurs (a tempered token: each character is either not the
 * literal's first character, or is one not followed by the rest of it), so the
 * engine never has two ways to split the input. Only the last wildcard before the
 * end of the line is greedy, and nothing after it can fail and force a retry of
 * earlier choices beyond one linear scan.
 */
export function compilePattern(pattern: string): RegExp {
  const tokens = tokenize(pattern);
  let src = '^';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.kind === 'text') {
      src += escapeRegex(t.value);
      continue;
    }
    if (next && next.kind !== 'text') {
      throw new Error(`Pattern has two placeholders side by side: ${pattern}`);
    }
    if (t.kind === 'int' || t.kind === 'decimal') {
      if (next && /^\d/.test(next.value)) throw new Error(`Number placeholder followed by a digit: ${pattern}`);
      src += t.kind === 'int' ? '-?\\d+' : '\\d+(?:\\.\\d+)?';
      continue;
    }
    if (!next) {
      src += '.*';
    } else if (i + 1 === tokens.length - 1) {
      // Final literal: greedy scan, then the literal must end the line.
      src += '.*';
    } else {
      const lit = next.value;
      const first = escapeRegex(lit[0]);
      src += lit.length === 1 ? `[^${first}]*` : `(?:[^${first}]|${first}(?!${escapeRegex(lit.slice(1))}))*`;
    }
  }
  return new RegExp(src + '$');
}

// ---------------------------------------------------------------- matcher

interface Compiled {
  readonly message: ServerMessage;
  readonly first: RegExp;
  readonly followedBy?: RegExp;
}

let byCode: Map<number, Compiled[]> | undefined;

function index(): Map<number, Compiled[]> {
  if (byCode) return byCode;
  const map = new Map<number, Compiled[]>();
  for (const message of MESSAGES) {
    const compiled: Compiled = {
      message,
      first: compilePattern(message.pattern),
      followedBy: message.followedBy === undefined ? undefined : compilePattern(message.followedBy),
    };
    for (const code of codesOf(message)) {
      let list = map.get(code);
      if (!list) map.set(code, (list = []));
      list.push(compiled);
    }
  }
  byCode = map;
  return map;
}

export function codesOf(message: ServerMessage): readonly number[] {
  return typeof message.code === 'number' ? [message.code] : message.code;
}

// Replies are short; a line this long is not a server message and is not worth scanning.
const MAX_LINE = 4096;

function splitText(text: string): { first: string; rest: string[] } {
  const lines = text.split(/\r\n|\r|\n/);
  // trimEnd, not a `[ \t]+$` pattern: that one retries at every blank of a long run (quadratic).
  const first = lines[0].trimEnd();
  const rest = lines.slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
  return { first, rest };
}

function matches(c: Compiled, first: string, rest: readonly string[]): boolean {
  if (!c.first.test(first)) return false;
  if (!c.followedBy) return true;
  const re = c.followedBy;
  return rest.some((line) => line.length <= MAX_LINE && re.test(line));
}

/**
 * The server message a reply's text comes from. `text` is the reply text after the
 * code and its separator; its first line is matched, and any later lines only serve
 * entries that require them. When several servers send the same text, `preferServer`
 * (for example from the greeting) picks which one leads. `verb`, the command
 * that drew the reply, rules out texts the server sends only to other commands.
 */
export function matchServerMessage(code: number, text: string, preferServer?: string, verb?: string): ServerMatch | undefined {
  const candidates = index().get(code);
  if (!candidates) return undefined;
  const { first, rest } = splitText(text);
  if (first.length > MAX_LINE) return undefined;
  const hits: ServerMessage[] = [];
  for (const c of candidates) {
    // Entries for one server are ordered specific-first; only the first hit per server counts.
    if (hits.some((h) => h.server === c.message.server)) continue;
    if (verb && c.message.commands && !c.message.commands.includes(verb)) continue;
    if (matches(c, first, rest)) hits.push(c.message);
  }
  if (hits.length === 0) return undefined;
  const wanted = preferServer?.toLowerCase();
  const lead = (wanted && hits.find((h) => sameServer(h.server, wanted))) || hits[0];
  return {
    server: lead.server,
    code,
    cause: lead.cause,
    try: lead.try,
    source: lead.source,
    origin: lead.origin ?? 'server',
    message: lead,
    alsoSentBy: hits.filter((h) => h !== lead),
  };
}

// A greeting-derived name such as "FileZilla Server" should prefer either FileZilla Server entry.
function sameServer(entryName: string, wantedLower: string): boolean {
  const name = entryName.toLowerCase();
  return name === wantedLower || name.startsWith(wantedLower + ' ') || wantedLower.startsWith(name + ' ');
}

// ---------------------------------------------------------------- greetings

interface GreetingRule {
  readonly test: RegExp;
  readonly server: (m: RegExpExecArray) => string;
  readonly version?: (m: RegExpExecArray) => string | undefined;
  readonly source: string;
}

// Only banners the sources show; a configured custom banner hides the server and yields nothing.
const GREETINGS: readonly GreetingRule[] = [
  {
    test: /^\(vsFTPd (\d+(?:\.\d+){1,3})\)$/,
    server: () => 'vsftpd',
    version: (m) => m[1],
    source: 'dagwieers/vsftpd prelogin.c',
  },
  {
    test: /^ProFTPD(?: (\d+\.\d+\.\d+[A-Za-z0-9.]*))? Server\b/,
    server: () => 'ProFTPD',
    version: (m) => m[1],
    source: 'proftpd/proftpd src/session.c',
  },
  {
    test: /(?:^|[ -])Pure-FTPd(?=$|[ .[])/,
    server: () => 'Pure-FTPd',
    source: 'jedisct1/pure-ftpd src/ftpd.c',
  },
  {
    test: /^FileZilla Server(?: version)?(?: (\d+)\.(\d+)(?:\.\d+)?(?:[ -][A-Za-z0-9]+)?)?(?=$| )/,
    server: (m) => (m[1] === undefined ? 'FileZilla Server' : m[1] === '0' ? 'FileZilla Server 0.9' : 'FileZilla Server 1.x'),
    version: (m) => (m[1] === undefined ? undefined : m[0].replace(/^FileZilla Server(?: version)? /, '')),
    source:
      'VigourJiang/FileZilla_Server_v0.9.54_beta source/ServerThread.cpp, source/version.cpp; sig-rodv/filezilla-server src/filezilla/ftp/commander.cpp',
  },
  {
    test: /(?:^|\s)Microsoft FTP Service(?: \(Version (\d+(?:\.\d+)*)\))?/,
    server: () => 'IIS FTP',
    version: (m) => m[1],
    source:
      'MicrosoftDocs/SupportArticles-docs support/developer/webapps/iis/ftp-authentication-authorization/how-to-use-ftp-utility.md (KB 240727)',
  },
];

/**
 * The server named by a 220 greeting's text (after the code and separator), when the
 * greeting is one a server sends by default. Multi-line greetings are checked line by line.
 */
export function recogniseServerFromGreeting(text: string): GreetingMatch | undefined {
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line.length === 0 || line.length > 512) continue;
    for (const rule of GREETINGS) {
      const m = rule.test.exec(line);
      if (!m) continue;
      const version = rule.version?.(m);
      return version ? { server: rule.server(m), version, source: rule.source } : { server: rule.server(m), source: rule.source };
    }
  }
  return undefined;
}

// The SYST reply (RFC 959 §4.1.3) names a system type; only servers whose own
// source shows a text that names them are listed.
const SYST_REPLIES: readonly GreetingRule[] = [
  { test: /^UNIX emulated by FileZilla$/, server: () => 'FileZilla Server 0.9', source: 'larygwil/FileZilla-proj FileZilla Server/trunk/source/ControlSocket.cpp' },
  { test: /^UNIX emulated by FileZilla\.$/, server: () => 'FileZilla Server 1.x', source: 'sig-rodv/filezilla-server src/filezilla/ftp/commander.cpp' },
];

/** The server named by a 215 reply's text, when its text is one a server's own source shows. */
export function recogniseServerFromSyst(text: string): GreetingMatch | undefined {
  const line = text.trim();
  for (const rule of SYST_REPLIES) {
    const m = rule.test.exec(line);
    if (m) return { server: rule.server(m), source: rule.source };
  }
  return undefined;
}

// Where each server's own facts come from in the catalogue's sources: a cause
// whose sources are all another server's is that server's behaviour, not this one's.
const SERVER_SOURCES: readonly { readonly server: string; readonly sources: readonly string[] }[] = [
  { server: 'vsftpd', sources: ['dagwieers/vsftpd'] },
  { server: 'ProFTPD', sources: ['proftpd/proftpd'] },
  { server: 'Pure-FTPd', sources: ['jedisct1/pure-ftpd'] },
  { server: 'FileZilla Server 0.9', sources: ['VigourJiang/FileZilla_Server', 'larygwil/FileZilla-proj'] },
  { server: 'FileZilla Server 1.x', sources: ['sig-rodv/filezilla-server'] },
  { server: 'IIS FTP', sources: ['MicrosoftDocs/', 'KB 969061'] },
  { server: 'pyftpdlib', sources: ['giampaolo/pyftpdlib'] },
];

/** The server a catalogue source is about, if it is one server's own code or documentation. */
export function serverOfSource(source: string): string | undefined {
  for (const entry of SERVER_SOURCES) if (entry.sources.some((s) => source.includes(s))) return entry.server;
  return undefined;
}

/** True when `named` (a server as a log names it, e.g. `FileZilla Server`) is `server` or a version of it. */
export function isServer(named: string, server: string): boolean {
  return sameServer(server, named.toLowerCase());
}
