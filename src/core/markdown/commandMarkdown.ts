// A command explanation as CommonMark, for the hover and `ftp-log explain`.

import { CommandInfo, lookupCommand } from '../catalogue/commands';
import { maskArgument } from '../secrets';
import { markdownText, ONE_LINE } from './shownText';

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
    lines.push(`Argument: ${markdownText(maskArgument(info.verb, argument), ONE_LINE)}`);
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
