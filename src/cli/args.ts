// Command-line arguments: `--flag`, `--option VALUE`, `--option=VALUE`, `-`
// (standard input) and `--` (every later argument is an operand).

export class UsageError extends Error {}

export interface Parsed {
  readonly options: Map<string, string[]>;
  readonly flags: Set<string>;
  readonly operands: string[];
}

/** Reads `args` knowing which options take a value and which are flags; anything else is a usage error. */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[]): Parsed {
  const options = new Map<string, string[]>();
  const seen = new Set<string>();
  const operands: string[] = [];
  let onlyOperands = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (onlyOperands || a === '-' || !a.startsWith('-')) {
      operands.push(a);
      continue;
    }
    if (a === '--') {
      onlyOperands = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (valued.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else if (flags.includes(name) && eq < 0) {
      seen.add(name);
    } else {
      throw new UsageError(`unknown option '${a}'`);
    }
  }
  return { options, flags: seen, operands };
}

/** The last value given for `name`. */
export function last(p: Parsed, name: string): string | undefined {
  const v = p.options.get(name);
  return v ? v[v.length - 1] : undefined;
}

/** A whole number ≥ 0 (`--max-problems 50`). */
export function count(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} needs a whole number, not '${value}'`);
  return Number(value);
}

/** A size in bytes with an optional K, M or G (powers of 1024): `--max-bytes 2G`. */
export function size(value: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMG]i?B?|B)?$/i.exec(value);
  if (!m) throw new UsageError(`${name} needs a size such as 500M or 2G, not '${value}'`);
  const unit = (m[2] ?? 'B')[0].toUpperCase();
  const scale = unit === 'K' ? 1024 : unit === 'M' ? 1024 ** 2 : unit === 'G' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * scale);
}

/** Seconds, possibly fractional: `--max-seconds 30`. */
export function seconds(value: string, name: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value)) throw new UsageError(`${name} needs a number of seconds, not '${value}'`);
  return Number(value);
}
