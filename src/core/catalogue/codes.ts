// The reply-code catalogue: what a three-digit FTP reply means, which commands
// draw it and why it happens. Data lives in catalogue/reply-codes.json; this file
// only resolves it. Any number gets an answer: codes the catalogue lacks are
// explained from their digits (RFC 959 §4.2), so callers never handle "unknown".

import replyData from './reply-codes.json';

export type ReplyClass =
  | 'preliminary'
  | 'completion'
  | 'intermediate'
  | 'transient-negative'
  | 'permanent-negative'
  | 'protected'
  | 'invalid';

/** A statement with the places it comes from (RFC + section, or repository + file). */
export interface SourcedNote {
  readonly text: string;
  readonly sources: readonly string[];
}

/** One reason a reply is sent, and what to do about it. */
export interface Cause {
  readonly cause: string;
  readonly try?: string;
  readonly sources: readonly string[];
  /**
   * Set only when a two-meaning code could not be resolved: the short name of
   * the meaning this cause belongs to, so a reader can tell the lists apart.
   */
  readonly meaning?: string;
  /** What on a reply's own line points to this cause (see reply-codes.json). */
  readonly signs?: CauseSigns;
}

/** Evidence a line can carry for a cause: IIS's two status columns, or words of the reply text. */
export interface CauseSigns {
  readonly win32?: readonly number[];
  readonly substatus?: readonly number[];
  /** Matched case-insensitively as whole words. */
  readonly words?: readonly string[];
}

/** One of the RFC meanings of a code that two RFCs define differently (521, 522). */
export interface CodeMeaning {
  /** Upper-case verbs whose replies take this meaning. */
  readonly commands: readonly string[];
  readonly short: string;
  readonly meaning: string;
  readonly sources: readonly string[];
  readonly causes: readonly Cause[];
}

export interface DigitText {
  /** What the first digit says about the outcome. */
  readonly classText: string;
  /** What the second digit says about the area the reply concerns. */
  readonly groupText: string;
}

export interface CodeInfo {
  readonly code: number;
  /** True when an RFC defines the code. */
  readonly standard: boolean;
  /** True when the catalogue has an entry; false when the text was built from the digits. */
  readonly catalogued: boolean;
  readonly replyClass: ReplyClass;
  readonly digits: DigitText;
  readonly short: string;
  readonly meaning: string;
  readonly sources: readonly string[];
  /** Upper-case verbs that may draw the code; `(connect)` stands for the greeting. */
  readonly drawnBy: readonly string[];
  /** Most likely first. */
  readonly causes: readonly Cause[];
  readonly notes: readonly SourcedNote[];
  /** For a two-meaning code: which meaning was taken and why (or why none could be). */
  readonly resolvedBy?: string;
  /**
   * For a two-meaning code: the meanings not taken. When the command is unknown
   * no meaning is taken and this holds all of them.
   */
  readonly alternatives?: readonly CodeMeaning[];
  /** True when a two-meaning code could not be resolved and both meanings are shown. */
  readonly ambiguous?: boolean;
}

interface CatalogueEntry {
  readonly code: number;
  readonly standard: boolean;
  readonly short: string;
  readonly meaning: string;
  readonly sources: readonly string[];
  readonly drawnBy: readonly string[];
  readonly causes: readonly Cause[];
  readonly notes?: readonly SourcedNote[];
  readonly meanings?: readonly CodeMeaning[];
}

const ENTRIES: readonly CatalogueEntry[] = (replyData as { codes: readonly CatalogueEntry[] }).codes;
const BY_CODE: ReadonlyMap<number, CatalogueEntry> = new Map(ENTRIES.map((e) => [e.code, e]));

const DIGIT_SOURCE = 'RFC 959 §4.2';
const PROTECTED_SOURCE = 'RFC 2228 §5.2';

/** Every catalogued code, ascending. */
export function cataloguedCodes(): readonly number[] {
  return ENTRIES.map((e) => e.code).sort((a, b) => a - b);
}

function isThreeDigit(code: number): boolean {
  return Number.isInteger(code) && code >= 0 && code <= 999;
}

export function replyClass(code: number): ReplyClass {
  if (!Number.isInteger(code) || code < 100 || code > 699) return 'invalid';
  switch (Math.floor(code / 100)) {
    case 1:
      return 'preliminary';
    case 2:
      return 'completion';
    case 3:
      return 'intermediate';
    case 4:
      return 'transient-negative';
    case 5:
      return 'permanent-negative';
    default:
      return 'protected';
  }
}

const CLASS_TEXT: Readonly<Record<number, string>> = {
  1: 'Positive preliminary: the action has started, and another reply will follow before the client should send its next command.',
  2: 'Positive completion: the action succeeded and the client may send a new command.',
  3: 'Positive intermediate: the command was accepted, but the server needs another command (such as PASS after USER) to finish.',
  4: 'Transient negative: the action did not happen, but the problem is expected to pass; the same command may succeed if repeated later.',
  5: 'Permanent negative: the action did not happen, and repeating the same command will fail until something changes.',
  6: 'Protected reply: the real reply is encoded in the text, wrapped by the security mechanism agreed earlier (RFC 2228).',
};

const CLASS_SHORT: Readonly<Record<number, string>> = {
  1: 'positive preliminary',
  2: 'positive completion',
  3: 'positive intermediate',
  4: 'transient negative',
  5: 'permanent negative',
  6: 'protected',
};

const GROUP_TEXT: Readonly<Record<number, string>> = {
  0: 'Syntax: the command\'s form, or a command that fits no other group (unknown, unimplemented or superfluous commands).',
  1: 'Information: answers to requests for status or help.',
  2: 'Connections: the control or the data connection.',
  3: 'Authentication and accounting: the login and account procedures.',
  4: 'Unassigned group: RFC 959 gives the second digit 4 no meaning.',
  5: 'File system: the state of the server\'s file system for the requested transfer or file action.',
};

const GROUP_SHORT: Readonly<Record<number, string>> = {
  0: 'syntax',
  1: 'information',
  2: 'connections',
  3: 'authentication and accounting',
  4: 'unassigned group',
  5: 'file system',
};

/** The RFC 959 §4.2 reading of the first and second digits, in the project's words. */
export function describeDigits(code: number): DigitText {
  if (!isThreeDigit(code)) {
    return {
      classText: `${code} is not a three-digit number, so it cannot be an FTP reply code.`,
      groupText: 'FTP reply codes are exactly three digits.',
    };
  }
  const first = Math.floor(code / 100);
  const second = Math.floor(code / 10) % 10;
  const classText =
    CLASS_TEXT[first] ??
    `A first digit of ${first} is not used by FTP: RFC 959 defines 1 to 5 and RFC 2228 adds 6.`;
  const groupText = GROUP_TEXT[second] ?? `A second digit of ${second} belongs to no group RFC 959 defines.`;
  return { classText, groupText };
}

function digitSources(code: number): string[] {
  return replyClass(code) === 'protected' ? [DIGIT_SOURCE, PROTECTED_SOURCE] : [DIGIT_SOURCE];
}

/** A catalogue-shaped answer built from the digits alone, for codes no entry covers. */
function fromDigits(code: number): CodeInfo {
  const cls = replyClass(code);
  const digits = describeDigits(code);
  let short: string;
  let meaning: string;
  if (cls === 'invalid') {
    short = 'Not an FTP reply code';
    meaning = isThreeDigit(code)
      ? `No FTP reply starts with the digit ${Math.floor(code / 100)}, so ${pad(code)} is not a reply code in any RFC.`
      : `FTP reply codes have exactly three digits, so ${code} cannot be one.`;
  } else {
    const first = Math.floor(code / 100);
    const second = Math.floor(code / 10) % 10;
    const group = GROUP_SHORT[second] ?? 'no defined group';
    short = `Not defined by any RFC (${CLASS_SHORT[first]}, ${group})`;
    meaning = `No FTP RFC defines ${code}, so only its digits carry meaning. ${digits.classText} ${digits.groupText}`;
  }
  return {
    code,
    standard: false,
    catalogued: false,
    replyClass: cls,
    digits,
    short,
    meaning,
    sources: digitSources(code),
    drawnBy: [],
    causes: [],
    notes: [],
  };
}

function pad(code: number): string {
  return String(code).padStart(3, '0');
}

/**
 * Everything known about a reply code. `verb` is the command that drew the reply;
 * it decides which meaning applies to the codes two RFCs define differently.
 */
export function lookupCode(code: number, verb?: string): CodeInfo {
  const entry = BY_CODE.get(code);
  if (!entry) return fromDigits(code);
  const base = {
    code,
    standard: entry.standard,
    catalogued: true,
    replyClass: replyClass(code),
    digits: describeDigits(code),
    drawnBy: entry.drawnBy,
    notes: entry.notes ?? [],
  };
  if (!entry.meanings || entry.meanings.length === 0) {
    return { ...base, short: entry.short, meaning: entry.meaning, sources: entry.sources, causes: entry.causes };
  }
  return resolveMeaning(entry, entry.meanings, base, verb);
}

function resolveMeaning(
  entry: CatalogueEntry,
  meanings: readonly CodeMeaning[],
  base: Omit<CodeInfo, 'short' | 'meaning' | 'sources' | 'causes'>,
  verb: string | undefined,
): CodeInfo {
  const upper = verb?.trim().toUpperCase();
  const chosen = upper ? meanings.find((m) => m.commands.includes(upper)) : undefined;
  if (chosen) {
    return {
      ...base,
      short: chosen.short,
      meaning: chosen.meaning,
      sources: chosen.sources,
      causes: chosen.causes,
      resolvedBy: `It answers ${upper}, and ${chosen.sources[0]} is the definition that applies to ${chosen.commands.join('/')}.`,
      alternatives: meanings.filter((m) => m !== chosen),
    };
  }
  const resolvedBy = upper
    ? `It answers ${upper}, which neither definition covers, so both meanings are shown.`
    : 'The command that drew it is not known, so both meanings are shown.';
  return {
    ...base,
    short: entry.short,
    meaning: entry.meaning,
    sources: entry.sources,
    causes: meanings.flatMap((m) => m.causes.map((c) => ({ ...c, meaning: m.short }))),
    resolvedBy,
    alternatives: meanings,
    ambiguous: true,
  };
}
