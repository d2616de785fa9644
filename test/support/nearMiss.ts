// Near-miss inputs built from a regular expression's own tokens: its literal
// words, its digits, its separators and its brackets, repeated to a given
// length. Such a line looks like the start of a match at almost every column
// and then fails, which is what makes a backtracking or re-scanning pattern
// quadratic (or worse) where it is linear on ordinary text. Reads JavaScript
// and Oniguruma (TextMate) syntax alike, as far as tokens are concerned.

export interface RegexTokens {
  /** Runs of literal characters with at least one letter (`Status`, `FTP response`, `#Fields`). */
  readonly words: readonly string[];
  /** Single literal characters that are not letters or digits, and class representatives (` `, `-`, `:`, `[`). */
  readonly separators: readonly string[];
  /** Digit runs the pattern asks for (`\d{4}` gives `0000`, a literal `21` gives `21`). */
  readonly digits: readonly string[];
  /** The pattern's literal pieces in order: a rough sample of what it matches. */
  readonly sample: string;
}

const OPENERS = ['(', '[', '{', '<', '"', "'", '|'];

/** A character that stands for a class `[...]` (the first literal it allows), or undefined for a negated class. */
function classRepresentative(body: string): string | undefined {
  if (body.startsWith('^')) return undefined;
  if (body.startsWith('\\')) return escapeRepresentative(body[1]) ?? body[1];
  return body[0];
}

/** What an escape `\x` stands for in a sample, or undefined for an assertion (`\b`, `\G`, `\A`…). */
function escapeRepresentative(c: string): string | undefined {
  switch (c) {
    case 'd':
      return '0';
    case 'w':
      return 'a';
    case 's':
    case 'h':
      return ' ';
    case 't':
      return '\t';
    case 'n':
    case 'r':
    case 'b':
    case 'B':
    case 'G':
    case 'A':
    case 'z':
    case 'Z':
    case 'k':
      return undefined;
    case 'D':
    case 'W':
    case 'S':
    case 'H':
      return 'x';
    default:
      return /[1-9]/.test(c) ? undefined : c;
  }
}

/** The tokens of a regular expression's source. */
export function regexTokens(source: string): RegexTokens {
  const words = new Set<string>();
  const separators = new Set<string>();
  const digits = new Set<string>();
  let sample = '';
  let run = '';
  const flush = (): void => {
    if (/[A-Za-z\u00C0-\uFFFF]/.test(run)) words.add(run);
    const digitRuns = run.match(/\d+/g);
    if (digitRuns) for (const d of digitRuns) digits.add(d);
    run = '';
  };
  const literal = (c: string): void => {
    run += c;
    sample += c;
    if (!/[\p{L}\p{N}]/u.test(c)) separators.add(c);
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(source.slice(i + 1, i + 5))) {
        literal(String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16)));
        i += 4;
        continue;
      }
      if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
        literal(String.fromCharCode(parseInt(source.slice(i + 1, i + 3), 16)));
        i += 2;
        continue;
      }
      if (next === 'p' || next === 'P') {
        // \p{L}, \p{Alpha}: a letter stands for it.
        const close = source.indexOf('}', i);
        if (close > 0) i = close;
        literal('a');
        continue;
      }
      const rep = escapeRepresentative(next);
      if (rep === undefined) {
        flush();
      } else if (next === 'd') {
        // A digit run keeps growing over `\d\d`, `\d{4}`, `\d+`.
        run += '0';
        sample += '0';
      } else {
        literal(rep);
      }
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      const body = source.slice(i + 1, j);
      i = j;
      const rep = classRepresentative(body);
      // Every literal punctuation a class allows is a separator a line can repeat.
      for (const ch of body.replace(/\\./g, (e) => escapeRepresentative(e[1]) ?? '')) if (!/[\p{L}\p{N}^\]-]/u.test(ch)) separators.add(ch);
      if (rep === undefined) flush();
      else if (rep === '0' || /\d/.test(rep)) {
        run += rep;
        sample += rep;
      } else literal(rep);
      continue;
    }
    if (c === '{' && /^\{\d*,?\d*\}/.test(source.slice(i))) {
      // A counted repeat: `\d{4}` becomes four digits in the sample; other atoms stay single.
      const m = /^\{(\d*),?(\d*)\}/.exec(source.slice(i))!;
      const count = Math.min(Number(m[1] || m[2] || 1), 8);
      if (run.endsWith('0')) for (let k = 1; k < count; k++) {
        run += '0';
        sample += '0';
      }
      i += m[0].length - 1;
      continue;
    }
    if (c === '(') {
      flush();
      // Skip the group's syntax: (?:  (?=  (?!  (?<=  (?<!  (?i:  (?<name>  (?>
      const m = /^\(\?(?:<?[=!]|[imsx-]*:|<[A-Za-z]\w*>|>|[imsx-]+\))?/.exec(source.slice(i));
      if (m && m[0].length > 1) i += m[0].length - 1;
      continue;
    }
    if ('|)*+?^$.'.includes(c)) {
      flush();
      if (c === '.') sample += 'x';
      continue;
    }
    literal(c);
  }
  flush();
  return { words: [...words], separators: [...separators], digits: [...digits], sample };
}

/** `unit` repeated to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
  if (!unit) return '';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * Near-miss lines of `length` characters from a pattern's tokens: each word
 * repeated with each separator, each digit run with each separator, the
 * separators alone, each opening bracket before a word that never closes,
 * and the pattern's sample repeated whole and without its last character.
 * At most `limit` lines, distinct.
 */
export function nearMissLines(tokens: RegexTokens, length: number, limit = 24): string[] {
  const out = new Set<string>();
  const add = (unit: string): void => {
    if (out.size < limit && unit) out.add(repeatTo(unit, length));
  };
  const seps = tokens.separators.length ? tokens.separators : [' '];
  const words = tokens.words.slice(0, 6);
  const digits = tokens.digits.length ? tokens.digits.slice(0, 3) : [];
  if (tokens.sample) {
    add(tokens.sample);
    add(tokens.sample.slice(0, -1));
  }
  for (const w of words) add(w + seps[0]);
  for (const d of digits) add(d + seps[0]);
  add(seps.join(''));
  for (const s of seps.slice(1)) {
    for (const w of words.slice(0, 2)) add(w + s);
    for (const d of digits.slice(0, 1)) add(d + s);
    add(s);
  }
  for (const open of seps.filter((s) => OPENERS.includes(s))) {
    add(open + (words[0] ?? digits[0] ?? 'x') + seps[0]);
  }
  if (words.length > 1) add(words.join(seps[0]) + seps[0]);
  return [...out];
}
