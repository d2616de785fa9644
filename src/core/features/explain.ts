// Turns one reply (code, its text, the command that drew it) into an explanation:
// a structured model the hover, the Problems panel and the CLI all render from.
// Text that came from the log document is kept apart from catalogue text in the
// model, so the Markdown renderer can escape it without exception.

import { lookupCode, type Cause, type CauseSigns, type CodeInfo, type CodeMeaning, type DigitText, type ReplyClass, type SourcedNote } from '../catalogue/codes';
import { isServer, matchServerMessage, serverOfSource, type ServerMatch } from '../catalogue/servers';
import { explainSubStatus, explainWin32Status } from '../catalogue/iisColumns';
import { maskArgument } from '../secrets';

export { replyToMarkdown, replyToHoverMarkdown, withMoreLink } from '../markdown/replyMarkdown';

export interface ExplainContext {
  readonly code: number;
  /** Reply text after the code and separator; later lines of a multi-line reply joined with `\n`. */
  readonly text?: string;
  /** The command that drew the reply. */
  readonly verb?: string;
  readonly argument?: string;
  /** Server name known from elsewhere (e.g. the greeting); used when several servers send the same text. */
  readonly server?: string;
  /** An IIS row's sc-win32-status and sc-substatus values. */
  readonly iis?: IisStatus;
}

export interface IisStatus {
  readonly win32?: number;
  readonly substatus?: number;
}

/**
 * What on the reply's own line makes `causes[0]` THE cause: the text is one a
 * server sends in exactly that case, IIS logged the Windows error or the
 * sub-status behind it, or the reply's words name it. Without evidence every
 * cause is a ranked possibility.
 */
export interface Evidence {
  readonly kind: 'server-text' | 'client-text' | 'iis-status' | 'reply-words';
  /** Catalogue words: why this line shows that cause (`vsftpd's own text`, `logged by IIS`). */
  readonly basis: string;
}

/** A ranked cause; `server` is set when it comes from a matched server text rather than the code catalogue. */
export interface RankedCause extends Cause {
  readonly server?: string;
}

/** Why this reply, read in context. Fields marked "document" hold text from the log and must be escaped when shown. */
export type WhyItem =
  | { readonly kind: 'command'; /** document */ readonly verb: string; /** document; a PASS argument is already masked */ readonly argument?: string }
  | { readonly kind: 'meaning'; /** mentions the document's verb */ readonly text: string }
  | { readonly kind: 'server'; readonly match: ServerMatch }
  | { readonly kind: 'server-hint'; /** document */ readonly server: string };

export interface ReplyExplanation {
  readonly code: number;
  /** Code, class and short meaning on one line, e.g. `550 File unavailable — permanent negative completion`. */
  readonly headline: string;
  readonly replyClass: ReplyClass;
  readonly classLabel: string;
  readonly short: string;
  readonly meaning: string;
  /** Where the meaning comes from. */
  readonly meaningSources: readonly string[];
  /** True when an RFC defines the code. */
  readonly standard: boolean;
  readonly catalogued: boolean;
  readonly digits: DigitText;
  /** document: the reply text as given. */
  readonly text?: string;
  readonly why: readonly WhyItem[];
  readonly server?: ServerMatch;
  /** Most likely first: a matched server's specific cause leads, then the catalogue's causes. */
  readonly causes: readonly RankedCause[];
  /** Set when the line itself shows that `causes[0]` is the cause; otherwise every cause is a possibility. */
  readonly evidence?: Evidence;
  readonly notes: readonly SourcedNote[];
  readonly drawnBy: readonly string[];
  readonly resolvedBy?: string;
  readonly alternatives?: readonly CodeMeaning[];
  readonly ambiguous?: boolean;
  /** Every source behind the explanation, without repeats, in the order first used. */
  readonly sources: readonly string[];
}

const CLASS_LABEL: Readonly<Record<ReplyClass, string>> = {
  preliminary: 'positive preliminary',
  completion: 'positive completion',
  intermediate: 'positive intermediate',
  'transient-negative': 'transient negative completion',
  'permanent-negative': 'permanent negative completion',
  protected: 'protected reply',
  invalid: 'not a valid reply code',
};

function codeText(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 999 ? String(code).padStart(3, '0') : String(code);
}

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim().length > 0 ? s : undefined;
}

export function explainReply(ctx: ExplainContext): ReplyExplanation {
  const verb = nonEmpty(ctx.verb)?.trim().toUpperCase();
  const info: CodeInfo = lookupCode(ctx.code, verb);
  const text = ctx.text;
  const server = nonEmpty(ctx.server)?.trim();
  const match = nonEmpty(text) ? sessionMatch(ctx.code, text as string, server, verb) : undefined;

  const why: WhyItem[] = [];
  if (verb) {
    const arg = nonEmpty(ctx.argument) ?? (verb === 'PASS' ? '' : undefined);
    const shown = arg === undefined ? undefined : maskArgument(verb, arg);
    why.push(shown === undefined ? { kind: 'command', verb } : { kind: 'command', verb, argument: shown });
  }
  if (info.resolvedBy) why.push({ kind: 'meaning', text: info.resolvedBy });
  if (match) why.push({ kind: 'server', match });
  else if (server) why.push({ kind: 'server-hint', server });

  const { causes, evidence } = rankCauses(forServer(info.causes, server), match, ctx.iis, text);

  const sources = uniq([
    ...info.sources,
    ...causes.flatMap((c) => c.sources),
    ...info.causes.flatMap((c) => c.sources),
    ...info.notes.flatMap((n) => n.sources),
  ]);

  const classLabel = CLASS_LABEL[info.replyClass];
  return {
    code: ctx.code,
    headline: `${codeText(ctx.code)} ${info.short} — ${classLabel}`,
    replyClass: info.replyClass,
    classLabel,
    short: info.short,
    meaning: info.meaning,
    meaningSources: info.sources,
    standard: info.standard,
    catalogued: info.catalogued,
    digits: info.digits,
    text,
    why,
    server: match,
    causes,
    ...(evidence ? { evidence } : {}),
    notes: info.notes,
    drawnBy: info.drawnBy,
    resolvedBy: info.resolvedBy,
    alternatives: info.alternatives,
    ambiguous: info.ambiguous,
    sources,
  };
}

/**
 * The server text a reply's text is, when it can be that server's: a session
 * known to talk to another server (its greeting, its SYST reply, the log's
 * format) did not get it from one of the servers that send it, so the text
 * is no evidence of their cause. A line a client prints itself stays one.
 */
function sessionMatch(code: number, text: string, server: string | undefined, verb: string | undefined): ServerMatch | undefined {
  const match = matchServerMessage(code, text, server, verb);
  if (!match || !server || match.origin === 'client' || isServer(server, match.server)) return match;
  return undefined;
}

/**
 * The causes in the order the line supports them. A matched server text leads
 * as the cause; on an IIS row, what IIS logged (sub-status, Windows error)
 * leads, with the catalogue cause those values name; else a catalogue cause
 * whose sign is on the line (the reply's own words) leads. Causes with a sign
 * on the line come before the rest.
 */
function rankCauses(
  general: readonly Cause[],
  match: ServerMatch | undefined,
  iis: IisStatus | undefined,
  text: string | undefined,
): { causes: RankedCause[]; evidence?: Evidence } {
  const signed = general.filter((c) => hasSign(c.signs, iis, text));
  const rest = general.filter((c) => !signed.includes(c));
  if (match) {
    const lead: RankedCause = { cause: match.cause, ...(match.try === undefined ? {} : { try: match.try }), sources: [match.source], server: match.server };
    const basis = match.origin === 'client' ? `printed by ${match.server} itself, not by the server` : `${match.server}'s own text`;
    return { causes: [lead, ...signed, ...rest], evidence: { kind: match.origin === 'client' ? 'client-text' : 'server-text', basis } };
  }
  const logged = iisCause(iis, signed[0]);
  if (logged) return { causes: [logged, ...signed.slice(1), ...rest], evidence: { kind: 'iis-status', basis: 'logged by IIS' } };
  if (signed.length > 0) return { causes: [...signed, ...rest], evidence: { kind: 'reply-words', basis: 'the reply says so' } };
  return { causes: [...general] };
}

const WORD_CACHE = new Map<string, RegExp>();

function wordPattern(word: string): RegExp {
  let re = WORD_CACHE.get(word);
  if (!re) WORD_CACHE.set(word, (re = new RegExp(`(?:^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu')));
  return re;
}

// Reply texts are bounded before they get here; this bound keeps a long one cheap.
const SIGN_TEXT_CHARS = 1000;

function hasSign(signs: CauseSigns | undefined, iis: IisStatus | undefined, text: string | undefined): boolean {
  if (!signs) return false;
  if (iis?.win32 !== undefined && iis.win32 !== 0 && signs.win32?.includes(iis.win32)) return true;
  if (iis?.substatus !== undefined && iis.substatus !== 0 && signs.substatus?.includes(iis.substatus)) return true;
  if (text && signs.words) {
    const head = text.slice(0, SIGN_TEXT_CHARS);
    return signs.words.some((w) => wordPattern(w).test(head));
  }
  return false;
}

/**
 * The cause IIS logged, in its own terms: the sub-status KB 969061 names and
 * the Windows error Microsoft's error-code pages name, with what to try from
 * the catalogue cause those values point to. Undefined when neither value is a
 * non-zero one those pages explain.
 */
function iisCause(iis: IisStatus | undefined, named: Cause | undefined): RankedCause | undefined {
  if (!iis) return undefined;
  const parts: string[] = [];
  const sources: string[] = [];
  const sub = iis.substatus ? explainSubStatus(iis.substatus) : undefined;
  if (sub) {
    parts.push(`sc-substatus ${sub.sub}: ${sub.meaning}`);
    sources.push(sub.source);
  }
  const win = iis.win32 ? explainWin32Status(iis.win32) : undefined;
  if (win?.name && win.source) {
    parts.push(`sc-win32-status ${win.code} ${win.name}: ${win.meaning}`);
    sources.push(win.source);
  }
  if (parts.length === 0) return undefined;
  const cause = parts.join(' ');
  return named?.try ? { cause, try: named.try, sources, server: 'IIS FTP' } : { cause, sources, server: 'IIS FTP' };
}

/**
 * The catalogue's causes for a reply from `server`: the server's own first,
 * then the general ones; causes only other servers show are left out. Without
 * a known server every cause stays, in catalogue order.
 */
export function forServer<C extends { readonly sources: readonly string[] }>(causes: readonly C[], server: string | undefined): C[] {
  if (!server) return [...causes];
  const own: C[] = [];
  const general: C[] = [];
  for (const c of causes) {
    const servers = c.sources.map(serverOfSource);
    if (servers.some((s) => s !== undefined && isServer(server, s))) own.push(c);
    else if (servers.some((s) => s === undefined)) general.push(c);
  }
  return [...own, ...general];
}

function uniq(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/**
 * The one-line problem message: `<code> <short meaning>: <most likely cause>`. The
 * cause is the matched server text's own cause when there is one, else the
 * catalogued cause the reply's words name, else the first catalogued cause,
 * else what the digits say.
 */
export function findingMessage(code: number, text?: string, verb?: string, server?: string): string {
  const info = lookupCode(code, nonEmpty(verb)?.trim().toUpperCase());
  const match = nonEmpty(text) ? sessionMatch(code, text as string, server, nonEmpty(verb)?.trim().toUpperCase()) : undefined;
  // The same ranking as the hover's: what the line shows leads.
  const cause = rankCauses(forServer(info.causes, server), match, undefined, text).causes[0]?.cause ?? info.digits.classText;
  return oneLine(`${codeText(code)} ${info.short}: ${cause}`);
}

/** Each run of white space that holds a line break becomes one space (one pass: `\s*[\r\n]+\s*` re-scanned a run of spaces from each of its columns). */
function oneLine(s: string): string {
  return s.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run)).trim();
}

