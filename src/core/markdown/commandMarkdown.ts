// A command explanation as CommonMark, for the hover and `ftp-log explain`.

import { CommandInfo, lookupCommand, maskArgument } from '../catalogue/commands';

/**
 * Makes text taken from a document inert in CommonMark: every ASCII
 * punctuation character is backslash-escaped, `<`, `>` and `&` become
 * entities (so no HTML or autolink can form), and line breaks collapse to a
 * space so the text cannot start a new block.
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  let lastWasBreak = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (!lastWasBreak) out += ' ';
      lastWasBreak = true;
      continue;
    }
    lastWasBreak = false;
    if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += '&amp;';
    else if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

function codeList(codes: readonly number[]): string {
  return codes.map((c) => `\`${c}\``).join(', ');
}

/** Markdown for a catalogued command; `undefined` when `verb` is not an FTP command. */
export function commandMarkdown(verb: string, argument?: string): string | undefined {
  const info = lookupCommand(verb);
  return info ? renderCommand(info, argument) : undefined;
}

export function renderCommand(info: CommandInfo, argument?: string): string {
  const lines: string[] = [];
  // Catalogue strings are the project's own and hold no markup; only document text is escaped.
  lines.push(`**${info.verb}** — ${info.summary}`);
  lines.push('');
  lines.push(`Syntax: \`${info.syntax}\``);
  if (argument !== undefined && argument.length > 0) {
    lines.push('');
    lines.push(`Argument: ${escapeMarkdown(maskArgument(info.verb, argument))}`);
  }
  if (info.aliasOf) {
    lines.push('');
    lines.push(`Same command as **${info.aliasOf}** under its older experimental name.`);
  }
  lines.push('');
  lines.push(`Possible replies: ${codeList(info.replies)} (${info.repliesSource})`);
  if (info.alsoSeen) {
    lines.push('');
    lines.push(`Also accepted by Zeek's FTP analyser: ${codeList(info.alsoSeen.replies)} (${info.alsoSeen.source})`);
  }
  lines.push('');
  lines.push(`Source: ${info.source}`);
  return lines.join('\n');
}
