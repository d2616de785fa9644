// The line rules of the grammar, tried behind their first character.
//
// vscode-textmate hands a line to every rule of the list it is in, and
// vscode-oniguruma searches every one of them, at the line's start and again
// at its end, even after one has matched: with some ninety line rules that
// was a third of the time a line took. Every line rule is anchored at the
// line's start (`\G`), so the character a line starts with rules out most of
// them. `dispatch` puts the line rules behind a few rules that only look at
// that character, `\G(?=[0-9])` and the like, each holding, in their order,
// the line rules that can start with one of its characters; a line whose
// first character no such rule takes is offered every line rule, as before.
// Which rule wins a line is unchanged: the rules a line can match are the
// same and in the same order (the first characters worked out here are a
// superset of what each rule matches). A dispatch rule scopes nothing and
// ends where its line ends (`$`), so the tokens are the same too.

/** Everything: a rule whose first character could not be worked out is offered every line. */
const ANY = null;

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

function union(a, b) {
  if (a === ANY || b === ANY) return ANY;
  return new Set([...a, ...b]);
}

function intersect(a, b) {
  if (a === ANY) return b;
  if (b === ANY) return a;
  return new Set([...a].filter((c) => b.has(c)));
}

function caseFolded(set) {
  if (set === ANY) return ANY;
  const out = new Set(set);
  for (const c of set) {
    out.add(c.toLowerCase());
    out.add(c.toUpperCase());
  }
  return out;
}

/**
 * A reader of the start of an Oniguruma expression: what character a match
 * can start with. Anything it does not know is ANY, which only costs speed.
 */
class FirstCharacters {
  constructor(source) {
    this.s = source;
    this.i = 0;
  }

  /** `a|b|…` up to `)` or the end: the union of the alternatives. */
  alternation(fold) {
    let set = new Set();
    let nullable = false;
    for (;;) {
      const seq = this.sequence(fold);
      set = union(set, seq.set);
      nullable ||= seq.nullable;
      if (this.s[this.i] !== '|') break;
      this.i++;
    }
    return { set, nullable };
  }

  /**
   * Elements one after another: the first that cannot be empty ends the set.
   * A lookahead before anything that consumes says what the line must start
   * with there; one after it looks at a later character and is passed over.
   */
  sequence(fold) {
    let set = new Set();
    let constraint = ANY;
    let atStart = true;
    let open = true;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const el = this.element(fold);
      if (!open) continue;
      if (el.lookahead) {
        if (atStart && !el.lookahead.nullable) constraint = intersect(constraint, el.lookahead.set);
        continue;
      }
      if (el.zeroWidth) continue;
      atStart = false;
      set = union(set, el.set);
      if (!el.nullable) open = false;
    }
    // Open: every element may be empty, so what follows the sequence may start the line, unless a lookahead said.
    if (open) return constraint === ANY ? { set, nullable: true } : { set: constraint, nullable: false };
    return { set: intersect(set, constraint), nullable: false };
  }

  /** One element and its quantifier. */
  element(fold) {
    const el = this.atom(fold);
    const q = this.s.slice(this.i);
    let m;
    if ((m = /^(?:[?*]|\{0(?:,\d*)?\})[?+]?/.exec(q))) {
      this.i += m[0].length;
      return { ...el, nullable: true };
    }
    if ((m = /^(?:\+|\{\d+(?:,\d*)?\})[?+]?/.exec(q))) this.i += m[0].length;
    return el;
  }

  atom(fold) {
    const s = this.s;
    const c = s[this.i];
    if (c === '(') return this.group(fold);
    if (c === '[') return { set: this.characterClass(fold), nullable: false };
    if (c === '\\') return this.escape(fold);
    this.i++;
    if (c === '^' || c === '$') return { set: new Set(), nullable: true, zeroWidth: true };
    if (c === '.') return { set: ANY, nullable: false };
    return { set: fold ? caseFolded(new Set([c])) : new Set([c]), nullable: false };
  }

  group(fold) {
    const s = this.s;
    this.i++;
    let kind = 'group';
    let inner = fold;
    const m = /^\?(?:(=)|(!)|(<=)|(<!)|(:)|([imx-]+):|<[A-Za-z]\w*>|(>))?/.exec(s.slice(this.i));
    if (m && m[0].length > 0) {
      this.i += m[0].length;
      if (m[1]) kind = 'lookahead';
      else if (m[2] || m[3] || m[4]) kind = 'assertion';
      else if (m[6]) {
        // `(?on-off:`: case folding as the flags after `-` turn it off or those before it on.
        const [on, off = ''] = m[6].split('-');
        inner = off.includes('i') ? false : on.includes('i') ? true : fold;
      }
    }
    const alt = this.alternation(inner);
    if (s[this.i] !== ')') throw new Error(`unbalanced group at ${this.i}`);
    this.i++;
    if (kind === 'lookahead') return { set: new Set(), nullable: true, lookahead: alt };
    if (kind === 'assertion') return { set: new Set(), nullable: true, zeroWidth: true };
    return alt;
  }

  escape(fold) {
    const s = this.s;
    const c = s[this.i + 1];
    this.i += 2;
    if (c === 'G' || c === 'b' || c === 'B' || c === 'A' || c === 'z' || c === 'Z') return { set: new Set(), nullable: true, zeroWidth: true };
    if (c === 'd') return { set: new Set(DIGITS), nullable: false };
    if (c === 'u' || c === 'x') {
      const hex = /^(?:[0-9A-Fa-f]{4}|\{[0-9A-Fa-f]+\})/.exec(s.slice(this.i));
      const digits = c === 'u' ? hex?.[0] : /^[0-9A-Fa-f]{2}/.exec(s.slice(this.i))?.[0];
      if (!digits) return { set: ANY, nullable: false };
      this.i += digits.length;
      return { set: new Set([String.fromCodePoint(parseInt(digits.replace(/[{}]/g, ''), 16))]), nullable: false };
    }
    if (c === 't') return { set: new Set(['\t']), nullable: false };
    // Classes of many characters (\w \s \D …), back-references, properties: anything.
    if (/[A-Za-z0-9]/.test(c)) return { set: ANY, nullable: false };
    return { set: fold ? caseFolded(new Set([c])) : new Set([c]), nullable: false };
  }

  /** `[…]`: its characters; a negated class, or one holding a class of many characters, is anything. */
  characterClass(fold) {
    const s = this.s;
    this.i++;
    if (s[this.i] === '^') {
      this.skipClass();
      return ANY;
    }
    const set = new Set();
    let any = false;
    let first = true;
    while (this.i < s.length && (s[this.i] !== ']' || first)) {
      first = false;
      let ch = s[this.i];
      if (ch === '[') {
        // A nested class or a POSIX bracket: give up on this one.
        this.skipClass();
        return ANY;
      }
      if (ch === '\\') {
        const e = s[this.i + 1];
        if (e === 'd') {
          for (const d of DIGITS) set.add(d);
          this.i += 2;
          continue;
        }
        if (e === 't') ch = '\t';
        else if (e === 'u') {
          ch = String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
          this.i += 4;
        } else if (/[A-Za-z0-9]/.test(e)) any = true;
        else ch = e;
        this.i += 2;
      } else {
        this.i += 1;
      }
      if (s[this.i] === '-' && s[this.i + 1] !== ']') {
        let to = s[this.i + 1];
        this.i += 2;
        if (to === '\\') {
          to = s[this.i];
          this.i++;
        }
        for (let k = ch.codePointAt(0); k <= to.codePointAt(0); k++) set.add(String.fromCodePoint(k));
        continue;
      }
      set.add(ch);
    }
    this.i++;
    if (any) return ANY;
    return fold ? caseFolded(set) : set;
  }

  /** Moves past the end of a class whose first `[` has been read. */
  skipClass() {
    let depth = 1;
    while (this.i < this.s.length && depth > 0) {
      const ch = this.s[this.i];
      if (ch === '\\') this.i += 2;
      else {
        if (ch === '[') depth++;
        if (ch === ']') depth--;
        this.i++;
      }
    }
  }
}

/** The characters a match of `source` can start with, or ANY (also when it can match nothing at all). */
export function firstCharacters(source) {
  try {
    const reader = new FirstCharacters(source);
    const result = reader.alternation(false);
    if (reader.i !== source.length) return ANY;
    return result.nullable ? ANY : result.set;
  } catch {
    return ANY;
  }
}

/** The rules a list of patterns holds, includes of pattern lists read through: [repository key or undefined, rule]. */
function leaves(patterns, repository, via) {
  const out = [];
  for (const p of patterns) {
    if (p.include && p.include.startsWith('#')) {
      const key = p.include.slice(1);
      const rule = repository[key];
      if (!rule) throw new Error(`dispatch: no rule ${key}`);
      if (!rule.match && !rule.begin) {
        if (rule.name || rule.contentName) throw new Error(`dispatch: ${key} lists patterns under a scope`);
        out.push(...leaves(rule.patterns ?? [], repository, key));
      } else {
        out.push([key, rule]);
      }
    } else if (p.include) {
      throw new Error(`dispatch: cannot read through ${p.include}`);
    } else {
      out.push([undefined, p, via]);
    }
  }
  return out;
}

/** True for a rule that ends on the line it starts on: a `match`, or a `begin` whose `end` is the line's end. */
function endsOnItsLine(rule) {
  return rule.match !== undefined || (rule.begin !== undefined && rule.while === undefined && rule.end === '$');
}

/**
 * Rewrites `repository[key]`'s patterns into dispatch rules by first
 * character (`groups`: strings of characters, one rule each, in order).
 * Rules that run past their line (a multi-line block) must come first and
 * stay where they are: a dispatch rule ends with its line.
 */
export function dispatch(grammar, key, groups) {
  const repository = grammar.repository;
  const list = leaves(repository[key].patterns, repository, key);
  const kept = [];
  let i = 0;
  for (; i < list.length && !endsOnItsLine(list[i][1]); i++) kept.push(list[i]);
  const rest = list.slice(i);
  const across = rest.find(([, rule]) => !endsOnItsLine(rule));
  if (across) throw new Error(`dispatch: a rule of ${key} that runs past its line (${across[0] ?? across[2]}) must come before the others`);
  const includes = rest.map(([name, rule], n) => {
    if (name) return { include: `#${name}` };
    const generated = `${key}-rule-${n}`;
    repository[generated] = rule;
    return { include: `#${generated}` };
  });
  const firsts = rest.map(([, rule]) => firstCharacters(rule.match ?? rule.begin));
  const taken = new Set();
  const rules = kept.map(([name, rule]) => (name ? { include: `#${name}` } : rule));
  for (const group of groups) {
    const chars = new Set(group);
    for (const c of chars) {
      if (taken.has(c)) throw new Error(`dispatch: ${JSON.stringify(c)} is in two groups`);
      taken.add(c);
    }
    const members = includes.filter((_, n) => firsts[n] === ANY || [...chars].some((c) => firsts[n].has(c)));
    rules.push({ begin: `\\G(?=[${classOf(chars)}])`, end: '$', patterns: members });
  }
  // A line starting with any other character is offered every rule, as before. Not the `\n`
  // vscode-textmate puts after a line: where a rule's begin took the whole line, `\G` holds there.
  rules.push({ begin: `\\G(?=[^${classOf(taken)}\\n])`, end: '$', patterns: includes });
  repository[key] = { patterns: rules };
}

function classOf(chars) {
  return [...chars].map((c) => (/[\\\]\[^-]/.test(c) ? `\\${c}` : c === '\t' ? '\\t' : c)).join('');
}

export const CHARACTERS = { DIGITS, UPPER, LOWER };
