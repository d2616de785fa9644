// The one rule for showing text taken from a document, on every surface (the
// hover, the Problems panel's messages and related information, the command
// line's text and JSON, summaries): secrets masked, bounded in lines and
// characters with an ellipsis, every invisible or reordering character made
// visible, and — where the surface is Markdown — every character that could
// format, link or embed escaped. Logs come from strangers: a file name with a
// right-to-left override (`invoice\u202Efdp.exe`) must show what it is.

import { maskCutUrl, maskSecrets } from '../secrets';

/** How much of a document text a surface shows. */
export interface Bounds {
  readonly lines: number;
  readonly chars: number;
}

/** A reply's text in a hover: enough for a multi-line greeting or FEAT list. */
export const REPLY_TEXT: Bounds = { lines: 12, chars: 1200 };
/** A command argument, a path, a user or server name: one line. */
export const ONE_LINE: Bounds = { lines: 1, chars: 200 };

export const ELLIPSIS = '…';

// Bidi controls (reorder what follows), default-ignorable code points (zero
// width, soft hyphen, BOM, variation selectors, tags) and C0/C1 controls
// (NUL, ESC, DEL …): shown as their code point so nothing is hidden or reordered.
const HIDDEN = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Cc}\u2028\u2029]/gu;

/** Cuts `text` to `bounds` before any other work, so a 10 MB line costs no more than a short one. */
export function clip(text: string, bounds: Bounds): string {
  let cut = false;
  let end = Math.min(text.length, bounds.chars);
  if (end < text.length) cut = true;
  // Never split a surrogate pair.
  if (end > 0 && end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  let out = text.slice(0, end);
  let lines = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (++lines >= bounds.lines) {
      out = out.slice(0, i);
      cut = true;
      break;
    }
    if (c === 13 && out.charCodeAt(i + 1) === 10) i++;
  }
  return cut ? out.trimEnd() + ELLIPSIS : out;
}

/** `text` with every hidden or control character written as its code point (`[U+202E]`); a tab is a space. */
export function reveal(text: string): string {
  return text.replace(HIDDEN, (ch) => {
    if (ch === '\t') return ' ';
    if (ch === '\n' || ch === '\r') return ch;
    return `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
  });
}

/** Masked before it is clipped, over a little more than is shown: a clip must not cut a secret out of its mask's reach. */
const MASK_SLACK = 256;

/** Document text as plain text: secrets masked, clipped, revealed; a one-line surface joins lines with a space. */
export function shownText(text: string, bounds: Bounds): string {
  const head = text.length > bounds.chars + MASK_SLACK ? text.slice(0, bounds.chars + MASK_SLACK) : text;
  let clipped = clip(maskSecrets(head), bounds);
  if (clipped.endsWith(ELLIPSIS)) clipped = maskCutUrl(clipped.slice(0, -ELLIPSIS.length)) + ELLIPSIS;
  const shown = reveal(clipped);
  const lines = shown.split(/\r\n|\r|\n/).map((l) => l.trim());
  return bounds.lines <= 1 ? lines.filter((l) => l.length > 0).join(' ') : lines.join('\n').trim();
}

// Every ASCII punctuation character: those that open or close a CommonMark or
// GFM construct (emphasis, code, links, images, autolinks, HTML, entities,
// headings, lists, tables, strikethrough) are among them, and CommonMark allows
// a backslash before any ASCII punctuation (spec §2.4), so escaping all is safe.
const MARKDOWN_SPECIAL = /[!-/:-@[-`{-~]/g;

/** Escapes `text` (already shown text) so Markdown renders its characters literally. Lines become hard breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.replace(MARKDOWN_SPECIAL, '\\$&'))
    .join('\\\n');
}

/** Document text for a Markdown surface: `shownText`, then escaped. */
export function markdownText(text: string, bounds: Bounds): string {
  return escapeMarkdown(shownText(text, bounds));
}
