// How tall a hover's Markdown renders, in lines, at VS Code's default hover
// size: the hover's content is at most 500 px wide (the `--vscode-hover-maxWidth`
// default), about 70 characters of the hover font. A hover that needs more
// than HOVER_LINES lines makes the reader scroll: it is cut to its first
// screen and the rest sits behind "More…".

/** Lines a hover may take, its "More…" link included. */
export const HOVER_LINES = 15;
/** Characters of proportional text in one line of a default-width hover. */
export const HOVER_LINE_CHARS = 70;

/**
 * The text a reader sees of one Markdown line: escapes, emphasis marks, code
 * ticks and link targets removed. A link's text holds no bracket and its
 * target no bracket or parenthesis (our links are command URIs), so each `[`
 * is tried once and a run of brackets stays linear.
 */
function visible(line: string): string {
  return line
    .replace(/\[([^[\]]*)\]\([^()[\]]*\)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/\*\*|[*`]/g, '')
    .trimEnd();
}

/**
 * Rendered lines of `markdown`: each line wraps every HOVER_LINE_CHARS
 * characters, and the gap between two paragraphs counts as half a line.
 */
export function shownLines(markdown: string): number {
  let lines = 0;
  let gap = false;
  for (const raw of markdown.split('\n')) {
    const text = visible(raw);
    if (text.trim().length === 0) {
      gap = true;
      continue;
    }
    if (gap && lines > 0) lines += 0.5;
    gap = false;
    lines += Math.max(1, Math.ceil(text.length / HOVER_LINE_CHARS));
  }
  return lines;
}
