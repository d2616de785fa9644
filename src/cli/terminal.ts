// Text for a terminal: colour only where it is wanted (a TTY, no NO_COLOR, no
// --no-color), and the Markdown the hover shows turned into plain text.

export type Style = 'bold' | 'dim' | 'italic' | 'red' | 'yellow' | 'blue';

const SGR: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
};

export function paint(text: string, style: Style, color: boolean): string {
  if (!color || text.length === 0) return text;
  const [on, off] = SGR[style];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}

/** Colour on when asked for, or on a terminal unless NO_COLOR (https://no-color.org) or --no-color says no. */
export function useColor(flag: boolean | undefined, isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== '') return true;
  return isTTY === true && env.TERM !== 'dumb';
}

/**
 * The CommonMark our renderers write (bold, italic, code spans, backslash
 * escapes, backslash hard breaks, lists) as terminal text: escapes undone,
 * emphasis as bold/italic on a colour terminal and plain otherwise. Every
 * character taken from a log was escaped by the renderer and revealed by
 * shownText before that (no control character survives), so undoing the
 * escapes shows the log's characters and cannot reach the terminal's controls.
 */
export function markdownToTerminal(markdown: string, color: boolean): string {
  let out = '';
  let run = '';
  const styles: Style[] = [];
  const close = () => {
    if (run.length === 0) return;
    let t = run;
    for (const s of styles) t = paint(t, s, color);
    out += t;
    run = '';
  };
  const toggle = (s: Style) => {
    close();
    const at = styles.lastIndexOf(s);
    if (at >= 0) styles.splice(at, 1);
    else styles.push(s);
  };
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i];
    if (c === '\\' && i + 1 < markdown.length) {
      const next = markdown[i + 1];
      if (next === '\n') {
        run += '\n';
        i++;
        continue;
      }
      if (/[!-/:-@[-`{-~]/.test(next)) {
        run += next;
        i++;
        continue;
      }
    }
    if (c === '`') {
      const end = markdown.indexOf('`', i + 1);
      if (end > i) {
        close();
        out += paint(markdown.slice(i + 1, end), 'bold', color);
        i = end;
        continue;
      }
    }
    if (c === '*' && markdown[i + 1] === '*') {
      toggle('bold');
      i++;
      continue;
    }
    if (c === '*') {
      toggle('italic');
      continue;
    }
    run += c;
  }
  close();
  return out;
}
