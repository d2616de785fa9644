// A reply's explanation as CommonMark, in two lengths: the hover's first
// screen (what happened and what to try, read in one look) and the whole
// explanation (what "More…" and `ftp-log explain` show). Text from the
// document goes through shownText; catalogue text is escaped where it could
// format by accident; citations are short and each written once (sources.ts).

import type { RankedCause, ReplyExplanation, WhyItem } from '../features/explain';
import { markdownText, ONE_LINE, REPLY_TEXT } from './shownText';
import { Citations } from './sources';
import { shownLines, HOVER_LINES } from './hoverSize';

// Catalogue text is our own prose without Markdown; only the characters that could
// accidentally format it (identifiers with underscores, <placeholders>) are escaped.
function plain(s: string): string {
  return s.replace(/[\\`*_[\]<>&|~]/g, '\\$&');
}

function codeText(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 999 ? String(code).padStart(3, '0') : String(code);
}

function headline(expl: ReplyExplanation, cite: Citations): string {
  return `**${codeText(expl.code)}** ${plain(expl.short)} — *${plain(expl.classLabel)}*${cite.cite(expl.meaningSources, 1)}`;
}

function commandText(expl: ReplyExplanation): string | undefined {
  const cmd = expl.why.find((w): w is Extract<WhyItem, { kind: 'command' }> => w.kind === 'command');
  if (!cmd) return undefined;
  const arg = cmd.argument === undefined || cmd.argument.length === 0 ? '' : ' ' + markdownText(cmd.argument, ONE_LINE);
  return `${markdownText(cmd.verb, ONE_LINE)}${arg}`;
}

function serverHint(expl: ReplyExplanation): string | undefined {
  const hint = expl.why.find((w): w is Extract<WhyItem, { kind: 'server-hint' }> => w.kind === 'server-hint');
  return hint ? markdownText(hint.server, ONE_LINE) : undefined;
}

/** `cause **Try:** what (sources)`; the tag names whose cause it is. */
function causeText(c: RankedCause, cite: Citations, limit?: number): string {
  const tag = c.meaning ? `(${plain(c.meaning)}) ` : '';
  const tryIt = c.try ? ` **Try:** ${plain(c.try)}` : '';
  return `${tag}${plain(c.cause)}${tryIt}${cite.cite(c.sources, limit)}`;
}

function evidenceLine(expl: ReplyExplanation, cite: Citations, limit?: number): string | undefined {
  if (!expl.evidence || expl.causes.length === 0) return undefined;
  return `**Cause** (${plain(expl.evidence.basis)}): ${causeText(expl.causes[0], cite, limit)}`;
}

function possibleCauses(expl: ReplyExplanation): readonly RankedCause[] {
  return expl.evidence ? expl.causes.slice(1) : expl.causes;
}

function possibleHeading(expl: ReplyExplanation): string {
  return expl.evidence ? '**Other possible causes**' : '**Possible causes**, most likely first';
}

// ---------------------------------------------------------------- the hover

/** Short citations per statement in the hover: the rest are in the whole explanation. */
const HOVER_CITATIONS = 2;
/** At most this many ranked causes in the hover. */
const HOVER_CAUSES = 3;

/**
 * The hover's first screen: the headline, the command it answers (and the
 * session's server when its texts did not match), the cause the line shows,
 * then up to three ranked possibilities with what to try — as many as fit in
 * HOVER_LINES less `reserved` lines (room for the "More…" link the adapter
 * puts at the end of the headline, withMoreLink).
 */
export function replyToHoverMarkdown(expl: ReplyExplanation, reserved = 1): string {
  const cite = new Citations();
  const blocks: string[] = [];
  const context: string[] = [];
  const cmd = commandText(expl);
  if (cmd) context.push(`In reply to ${cmd}`);
  const hint = serverHint(expl);
  if (hint) context.push(`Server: ${hint}`);
  blocks.push(context.length > 0 ? `${headline(expl, cite)}  \n${context.join(' · ')}` : headline(expl, cite));
  const lead = evidenceLine(expl, cite, HOVER_CITATIONS);
  if (lead) blocks.push(lead);
  const budget = HOVER_LINES - reserved;
  const items: string[] = [];
  for (const c of possibleCauses(expl).slice(0, HOVER_CAUSES)) {
    // What the item costs, cited as it would be after the blocks above.
    const item = `${items.length + 1}. ${causeText(c, cite.copy(), HOVER_CITATIONS)}`;
    const candidate = [...blocks, [possibleHeading(expl), ...items, item].join('\n')].join('\n\n');
    if (shownLines(candidate) > budget && (items.length > 0 || lead)) break;
    items.push(`${items.length + 1}. ${causeText(c, cite, HOVER_CITATIONS)}`);
  }
  if (items.length > 0) blocks.push([possibleHeading(expl), ...items].join('\n'));
  if (!lead && items.length === 0) blocks.push(plain(expl.digits.classText));
  return blocks.join('\n\n') + '\n';
}

/**
 * `markdown` (a hover's first screen) with `link` (a Markdown link to the
 * whole explanation) at the end of its headline: the first thing read, and
 * visible whatever else the hover widget shows above it (a problem's hover).
 */
export function withMoreLink(markdown: string, link: string): string {
  const end = markdown.indexOf('\n');
  const head = end < 0 ? markdown : markdown.slice(0, end);
  const rest = end < 0 ? '' : markdown.slice(end);
  const hardBreak = head.endsWith('  ') ? '  ' : '';
  return `${head.slice(0, head.length - hardBreak.length)} · ${link}${hardBreak}${rest}`;
}

// ---------------------------------------------------------------- the whole explanation

function renderWhy(item: WhyItem): string | undefined {
  switch (item.kind) {
    case 'command':
      return undefined;
    case 'meaning':
      return `**Meaning used:** ${markdownText(item.text, ONE_LINE)}`;
    case 'server': {
      // Whose text it is leads the cause itself; here only who else sends it.
      const m = item.match;
      const client = m.origin === 'client' ? `**Not from the server:** ${plain(m.server)} prints this line itself.` : '';
      const also = m.alsoSentBy.length === 0 ? '' : `**Also sent by:** ${m.alsoSentBy.map((s) => plain(s.server)).join(', ')}.`;
      return [client, also].filter((l) => l.length > 0).join(' ') || undefined;
    }
    case 'server-hint':
      return `**Server:** ${markdownText(item.server, ONE_LINE)} (named by the log itself); none of its known reply texts matched, so the general causes below apply.`;
  }
}

/** The whole explanation, for "More…" and `ftp-log explain`. Text from the document is always escaped. */
export function replyToMarkdown(expl: ReplyExplanation): string {
  const cite = new Citations();
  const parts: string[] = [];
  parts.push(`**${codeText(expl.code)}** ${plain(expl.short)} — *${plain(expl.classLabel)}*`);
  parts.push(`${plain(expl.meaning)}${cite.cite(expl.meaningSources)}`);

  const context: string[] = [];
  const cmd = commandText(expl);
  if (cmd) context.push(`**In reply to:** ${cmd}`);
  if (expl.text !== undefined && expl.text.trim().length > 0) {
    context.push(`**Reply text:** ${markdownText(expl.text, REPLY_TEXT)}`);
  }
  for (const item of expl.why) {
    const line = renderWhy(item);
    if (line) context.push(line);
  }
  if (context.length > 0) parts.push(context.join('\n\n'));

  const lead = evidenceLine(expl, cite);
  if (lead) parts.push(lead);
  const possible = possibleCauses(expl);
  if (possible.length > 0) {
    parts.push([possibleHeading(expl), '', ...possible.map((c, i) => `${i + 1}. ${causeText(c, cite)}`)].join('\n'));
  }

  if (expl.alternatives && expl.alternatives.length > 0) {
    const heading = expl.ambiguous ? '**Meanings**' : '**Other meaning of this code**';
    const items = expl.alternatives.map(
      (m) => `- ${plain(m.short)} (when it answers ${m.commands.map(plain).join(', ')}): ${plain(m.meaning)}${cite.cite(m.sources)}`,
    );
    parts.push([heading, '', ...items].join('\n'));
  }

  if (expl.notes.length > 0) {
    parts.push(['**Notes**', '', ...expl.notes.map((n) => `- ${plain(n.text)}${cite.cite(n.sources)}`)].join('\n'));
  }

  const digitLines = [
    expl.standard ? '' : '**Not defined by any RFC.** What its digits say:',
    `- First digit: ${plain(expl.digits.classText)}`,
    `- Second digit: ${plain(expl.digits.groupText)}`,
  ].filter((l) => l.length > 0);
  parts.push((expl.standard ? ['**Digits**', '', ...digitLines] : digitLines).join('\n'));

  if (expl.drawnBy.length > 0) {
    parts.push(`**Commands that can get this reply:** ${expl.drawnBy.map(plain).join(', ')}`);
  }
  for (const s of expl.sources) cite.cite([s]);
  if (cite.all.length > 0) {
    parts.push(`**Sources:** ${cite.all.map(plain).join('; ')}`);
  }
  return parts.join('\n\n') + '\n';
}
