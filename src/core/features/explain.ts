// Turns one reply (code, its text, the command that drew it) into an explanation:
// a structured model the hover, the Problems panel and the CLI all render from.
// Text that came from the log document is kept apart from catalogue text in the
// model, so the Markdown renderer can escape it without exception.

import { lookupCode, type Cause, type CodeInfo, type CodeMeaning, type DigitText, type ReplyClass, type SourcedNote } from '../catalogue/codes';
import { isServer, matchServerMessage, serverOfSource, type ServerMatch } from '../catalogue/servers';
import { maskArgument } from '../secrets';
import { markdownText, ONE_LINE, REPLY_TEXT } from '../markdown/shownText';

export interface ExplainContext {
  readonly code: number;
  /** Reply text after the code and separator; later lines of a multi-line reply joined with `\n`. */
  readonly text?: string;
  /** The command that drew the reply. */
  readonly verb?: string;
  readonly argument?: string;
  /** Server name known from elsewhere (e.g. the greeting); used when several servers send the same text. */
  readonly server?: string;
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
  const match = nonEmpty(text) ? matchServerMessage(ctx.code, text as string, server) : undefined;

  const why: WhyItem[] = [];
  if (verb) {
    const arg = nonEmpty(ctx.argument) ?? (verb === 'PASS' ? '' : undefined);
    const shown = arg === undefined ? undefined : maskArgument(verb, arg);
    why.push(shown === undefined ? { kind: 'command', verb } : { kind: 'command', verb, argument: shown });
  }
  if (info.resolvedBy) why.push({ kind: 'meaning', text: info.resolvedBy });
  if (match) why.push({ kind: 'server', match });
  else if (server) why.push({ kind: 'server-hint', server });

  const causes: RankedCause[] = [];
  if (match) {
    causes.push(
      match.try === undefined
        ? { cause: match.cause, sources: [match.source], server: match.server }
        : { cause: match.cause, try: match.try, sources: [match.source], server: match.server },
    );
  }
  causes.push(...forServer(info.causes, server));

  const sources = uniq([
    ...info.sources,
    ...(match ? [match.source] : []),
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
    notes: info.notes,
    drawnBy: info.drawnBy,
    resolvedBy: info.resolvedBy,
    alternatives: info.alternatives,
    ambiguous: info.ambiguous,
    sources,
  };
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
 * cause is the matched server text's own cause when there is one, else the first
 * catalogued cause, else what the digits say.
 */
export function findingMessage(code: number, text?: string, verb?: string, server?: string): string {
  const info = lookupCode(code, nonEmpty(verb)?.trim().toUpperCase());
  const match = nonEmpty(text) ? matchServerMessage(code, text as string, server) : undefined;
  const cause = match?.cause ?? forServer(info.causes, server)[0]?.cause ?? info.digits.classText;
  return oneLine(`${codeText(code)} ${info.short}: ${cause}`);
}

/** Each run of white space that holds a line break becomes one space (one pass: `\s*[\r\n]+\s*` re-scanned a run of spaces from each of its columns). */
function oneLine(s: string): string {
  return s.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run)).trim();
}

// ---------------------------------------------------------------- Markdown

// Catalogue text is our own prose without Markdown; only the characters that could
// accidentally format it (identifiers with underscores, <placeholders>) are escaped.
function plain(s: string): string {
  return s.replace(/[\\`*_[\]<>&|~]/g, '\\$&');
}

function sourcesLine(sources: readonly string[]): string {
  return sources.length === 0 ? '' : ` *(${sources.map(plain).join('; ')})*`;
}

function renderWhy(item: WhyItem): string {
  switch (item.kind) {
    case 'command': {
      const arg = item.argument === undefined || item.argument.length === 0 ? '' : ' ' + markdownText(item.argument, ONE_LINE);
      return `**Drawn by:** ${markdownText(item.verb, ONE_LINE)}${arg}`;
    }
    case 'meaning':
      return `**Meaning used:** ${markdownText(item.text, ONE_LINE)}`;
    case 'server': {
      const m = item.match;
      // The matched cause itself leads the cause list; this line only says whose text it is.
      const lead =
        m.origin === 'client'
          ? `**Not from the server:** ${plain(m.server)} prints this line itself.`
          : `**Server:** this exact text is sent by ${plain(m.server)}.`;
      const also =
        m.alsoSentBy.length === 0
          ? ''
          : ` The same text is also sent by ${m.alsoSentBy.map((s) => plain(s.server)).join(', ')}.`;
      return `${lead}${sourcesLine([m.source])}${also}`;
    }
    case 'server-hint':
      return `**Server:** ${markdownText(item.server, ONE_LINE)} (named by the log itself); none of its known reply texts matched, so the general causes below apply.`;
  }
}

function renderCause(c: RankedCause, i: number): string {
  const tag = c.server ? `${plain(c.server)}: ` : c.meaning ? `(${plain(c.meaning)}) ` : '';
  const tryIt = c.try ? ` **Try:** ${plain(c.try)}` : '';
  return `${i + 1}. ${tag}${plain(c.cause)}${tryIt}${sourcesLine(c.sources)}`;
}

/** CommonMark for hovers and `ftp-log explain`. Text from the document is always escaped. */
export function replyToMarkdown(expl: ReplyExplanation): string {
  const parts: string[] = [];
  const classText = plain(expl.classLabel);
  parts.push(`**${codeText(expl.code)}** ${plain(expl.short)} — *${classText}*`);
  parts.push(`${plain(expl.meaning)}${sourcesLine(expl.meaningSources)}`);

  const context: string[] = [];
  if (expl.text !== undefined && expl.text.trim().length > 0) {
    context.push(`**Reply text:** ${markdownText(expl.text, REPLY_TEXT)}`);
  }
  for (const item of expl.why) context.push(renderWhy(item));
  if (context.length > 0) parts.push(context.join('\n\n'));

  if (expl.causes.length > 0) {
    parts.push(['**Likely causes**', '', ...expl.causes.map(renderCause)].join('\n'));
  }

  if (expl.alternatives && expl.alternatives.length > 0) {
    const heading = expl.ambiguous ? '**Meanings**' : '**Other meaning of this code**';
    const items = expl.alternatives.map(
      (m) => `- ${plain(m.short)} (when it answers ${m.commands.map(plain).join(', ')}): ${plain(m.meaning)}${sourcesLine(m.sources)}`,
    );
    parts.push([heading, '', ...items].join('\n'));
  }

  if (expl.notes.length > 0) {
    parts.push(['**Notes**', '', ...expl.notes.map((n) => `- ${plain(n.text)}${sourcesLine(n.sources)}`)].join('\n'));
  }

  const digitLines = [
    expl.standard ? '' : '**Not defined by any RFC.** What its digits say:',
    `- First digit: ${plain(expl.digits.classText)}`,
    `- Second digit: ${plain(expl.digits.groupText)}`,
  ].filter((l) => l.length > 0);
  parts.push((expl.standard ? ['**Digits**', '', ...digitLines] : digitLines).join('\n'));

  if (expl.drawnBy.length > 0) {
    parts.push(`**Commands that can draw it:** ${expl.drawnBy.map(plain).join(', ')}`);
  }
  if (expl.sources.length > 0) {
    parts.push(`**Sources:** ${expl.sources.map(plain).join('; ')}`);
  }
  return parts.join('\n\n') + '\n';
}
