// Decides, from the evidence of a document's first lines, which prefix shapes
// carry its FTP conversation: a command prefix and a reply prefix that form a
// pair (or one prefix for both), proven by exchanges — a command under one
// followed by a reply under the other that RFC 959 allows for that command —
// with FTP-only commands among them and no other protocol's commands. A log
// that does not prove it that way gets no dialect: it is never guessed.

import { lookupCommand } from '../../catalogue/commands';
import { EvidenceTable, NO_EVIDENCE, Role, type Candidate } from './evidence';
import { compileShape, pairedShapes, type Shape } from './shape';

export type DialectRole = 'command' | 'reply' | 'both';

export interface DialectEntry {
  readonly shape: Shape;
  readonly role: DialectRole;
  /** Sticky: matches a line that starts with this prefix. */
  readonly pattern: RegExp;
}

/** A prefix some tool put in front of every line (a CI runner's clock, a task runner's logger, a quote). */
export interface Wrapper {
  readonly shape: Shape;
  /** Sticky: matches a line that starts with this prefix; the known family's line follows. */
  readonly pattern: RegExp;
}

export interface Dialect {
  /** Equal keys, equal dialects: a re-decided dialect with the same key needs no rescan. */
  readonly key: string;
  /** Most specific prefix first. */
  readonly entries: readonly DialectEntry[];
  /** Behind this prefix, lines are read as if it were not there. */
  readonly wrapper?: Wrapper;
  /** The client's name where its own prefix gives it (a logger or program name with "ftp" in it). */
  readonly client?: string;
}

/** Commands no other line-based protocol has: one of them is what makes a conversation FTP's (RFC 959 §4.1). */
const FTP_ONLY = new Set([
  'PASV', 'EPSV', 'LPSV', 'PORT', 'EPRT', 'LPRT', 'TYPE', 'STRU', 'SYST', 'FEAT', 'CWD', 'XCWD', 'CDUP', 'XCUP', 'PWD', 'XPWD',
  'MKD', 'XMKD', 'RMD', 'XRMD', 'MLSD', 'MLST', 'NLST', 'STOR', 'STOU', 'APPE', 'SIZE', 'MDTM', 'PBSZ', 'PROT', 'CCC',
  'RNFR', 'RNTO', 'REST', 'ALLO', 'ACCT', 'SMNT', 'REIN', 'SITE', 'OPTS', 'ABOR',
]);

/** Replies any command can draw (RFC 959 §5.4 lists them for nearly every command). */
const ANY_COMMAND = new Set([421, 500, 501, 502, 503, 504, 530]);

/** Command shapes waiting for their reply that a reply is matched against. */
const PENDING_SHAPES = 8;
/** Exchanges a pair needs before it is believed; one is enough when the server's greeting came first. */
const MIN_EXCHANGES = 2;
/** Lines of a known family behind one prefix before it is taken for a wrapper. */
const MIN_WRAPPED = 3;

function answers(verb: string, code: number): boolean {
  if (ANY_COMMAND.has(code)) return true;
  const info = lookupCommand(verb);
  if (!info) return false;
  return info.replies.includes(code) || (info.alsoSeen?.replies.includes(code) ?? false);
}

interface ShapeStats {
  readonly verbs: Set<string>;
  readonly codes: Set<number>;
  foreign: number;
}

function statsOf(all: Map<number, ShapeStats>, shape: number): ShapeStats {
  let s = all.get(shape);
  if (!s) all.set(shape, (s = { verbs: new Set(), codes: new Set(), foreign: 0 }));
  return s;
}

/**
 * Learns a dialect line by line: each line's candidates, in document order,
 * then `decide`. Fed while a document is first read, the learning costs no
 * pass of its own, and its code is warm when the decision comes.
 */
export class DialectLearner {
  private readonly stats = new Map<number, ShapeStats>();
  /** The last command seen under each command shape, not yet answered. */
  private readonly pending = new Map<number, string>();
  private readonly exchanges = new Map<string, number>();
  private readonly greeted = new Set<number>();
  private readonly paired = new Map<string, boolean>();
  private readonly wrapped = new Map<number, { lines: number; telling: number }>();

  constructor(private readonly table: EvidenceTable) {}

  private isPair(c: number, r: number): boolean {
    const key = `${c},${r}`;
    let p = this.paired.get(key);
    if (p === undefined) this.paired.set(key, (p = pairedShapes(this.table.shapes[c], this.table.shapes[r])));
    return p;
  }

  /** The next line's candidates. */
  add(candidates: readonly Candidate[]): void {
    const { stats, pending, exchanges, greeted, wrapped } = this;
    for (const cand of candidates) {
      if (cand.role === Role.Inner) {
        const w = wrapped.get(cand.shape) ?? { lines: 0, telling: 0 };
        w.lines++;
        w.telling += cand.code;
        wrapped.set(cand.shape, w);
        continue;
      }
      const s = statsOf(stats, cand.shape);
      if (cand.role === Role.Foreign) {
        s.foreign++;
      } else if (cand.role === Role.Command) {
        s.verbs.add(cand.verb);
        // The most recent command shapes only, latest last: a reply answers a command just sent, and
        // a head of many unanswered shapes (a mixed log) must not make every reply look through all.
        pending.delete(cand.shape);
        pending.set(cand.shape, cand.verb);
        if (pending.size > PENDING_SHAPES) pending.delete(pending.keys().next().value!);
      } else {
        s.codes.add(cand.code);
        if (cand.code === 220 && pending.size === 0) greeted.add(cand.shape);
        for (const [c, verb] of pending) {
          if (!this.isPair(c, cand.shape) || !answers(verb, cand.code)) continue;
          const key = `${c},${cand.shape}`;
          exchanges.set(key, (exchanges.get(key) ?? 0) + 1);
          // A 1yz reply is followed by the final one: the command stays open for it.
          if (cand.code >= 200) pending.delete(c);
        }
      }
    }
  }

  /** The dialect the lines added so far prove, or undefined when none is. */
  decide(): Dialect | undefined {
    return dialectOf(this.table, this.stats, this.exchanges, this.greeted, this.wrapped);
  }
}

/**
 * The dialect proven by `lines` (each line's candidates, in document order),
 * or undefined when none is.
 */
export function decideDialect(lines: Iterable<readonly Candidate[]>, table: EvidenceTable): Dialect | undefined {
  const learner = new DialectLearner(table);
  for (const candidates of lines) learner.add(candidates);
  return learner.decide();
}

function dialectOf(
  table: EvidenceTable,
  stats: ReadonlyMap<number, ShapeStats>,
  exchanges: ReadonlyMap<string, number>,
  greeted: ReadonlySet<number>,
  wrapped: ReadonlyMap<number, { lines: number; telling: number }>,
): Dialect | undefined {
  const asCommand = new Set<number>();
  const asReply = new Set<number>();
  for (const [key, count] of exchanges) {
    const [c, r] = key.split(',').map(Number);
    const cs = stats.get(c)!;
    const rs = stats.get(r)!;
    if (count < MIN_EXCHANGES && !(count >= 1 && greeted.has(r))) continue;
    const ftpOnly = [...cs.verbs].some((v) => FTP_ONLY.has(v)) || (cs.verbs.has('USER') && rs.codes.has(331));
    if (!ftpOnly) continue;
    // SMTP, NNTP, POP3 and HTTP lines under the same prefixes: another protocol's log.
    if ((cs.foreign + (c === r ? 0 : rs.foreign)) * 10 > count) continue;
    asCommand.add(c);
    asReply.add(r);
  }
  // Once a pair is proven, a variant prefix of one side that answers the other joins it (rclone logs
  // `FTP Tx: "USER x"` quoted but `FTP Tx: PASS *****` bare).
  if (asCommand.size > 0) {
    for (const [key, count] of exchanges) {
      const [c, r] = key.split(',').map(Number);
      if (count < 1 || (stats.get(c)!.foreign + stats.get(r)!.foreign) > 0) continue;
      if (asReply.has(r)) asCommand.add(c);
      else if (asCommand.has(c)) asReply.add(r);
    }
  }
  const roles = new Map<number, DialectRole>();
  for (const id of [...asCommand, ...asReply]) {
    // Column-0 replies are a raw transcript's: the raw rules read them, the dialect has no prefix for them.
    if (table.shapes[id].tokens.length === 0) continue;
    roles.set(id, asCommand.has(id) && asReply.has(id) ? 'both' : asCommand.has(id) ? 'command' : 'reply');
  }
  const wrapper = wrapperOf(wrapped, table);
  if (roles.size === 0 && !wrapper) return undefined;
  const entries = [...roles]
    .map(([id, role]) => ({ shape: table.shapes[id], role, pattern: compileShape(table.shapes[id]) }))
    .sort((a, b) => b.shape.tokens.length - a.shape.tokens.length || (a.shape.key < b.shape.key ? -1 : a.shape.key > b.shape.key ? 1 : 0));
  return {
    key: entries.map((e) => `${e.role}\u0004${e.shape.key}`).join('\u0005') + (wrapper ? `\u0006${wrapper.shape.key}` : ''),
    entries,
    wrapper,
    client: entries.length > 0 ? clientName(entries) : undefined,
  };
}

/**
 * The prefix behind which the most lines of known families stand, if enough
 * do and one of them tells its family by more than a `<`/`>` marker.
 */
function wrapperOf(wrapped: ReadonlyMap<number, { lines: number; telling: number }>, table: EvidenceTable): Wrapper | undefined {
  let best = -1;
  let bestCount = MIN_WRAPPED - 1;
  for (const [shape, { lines: count, telling }] of wrapped) {
    if (telling > 0 && count > bestCount) {
      best = shape;
      bestCount = count;
    }
  }
  return best < 0 ? undefined : { shape: table.shapes[best], pattern: compileShape(table.shapes[best]) };
}

/** A literal word every prefix of the dialect shares that names an FTP program (`FtpClient`, `ftp-upload`). */
function clientName(entries: readonly DialectEntry[]): string | undefined {
  let best: string | undefined;
  for (const word of entries[0].shape.words) {
    if (!/ftp/i.test(word) || word.length < 4) continue;
    if (!entries.every((e) => e.shape.words.includes(word))) continue;
    if (!best || word.length > best.length) best = word;
  }
  return best;
}

/** The dialect a head's lines (`texts`, in order) prove, learned in one pass. */
export function dialectOfTexts(texts: Iterable<string>): Dialect | undefined {
  const table = new EvidenceTable();
  function* candidates(): Generator<readonly Candidate[]> {
    for (const text of texts) {
      const id = table.of(text);
      if (id !== NO_EVIDENCE) yield table.candidates(id);
    }
  }
  return decideDialect(candidates(), table);
}
