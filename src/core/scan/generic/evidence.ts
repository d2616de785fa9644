// What one line tells about the prefix in front of a log's FTP conversation:
// the places where, after some prefix, an FTP command or a reply starts (or
// another protocol's command does). A line gives at most a few such places;
// which of them is the log's real prefix is decided over many lines (see
// dialect.ts), so a PID or a counter that happens to read like a reply code
// loses to the prefix the whole log shares.

import { isCommandVerb } from '../../catalogue/commands';
import { CLOSERS, payloadEnd, replyCodeAt, verbAt, verbLengthAt } from '../formats/syntax';
import { foreignPayloadAt, foreignReplyAt } from '../formats/foreign';
import { MAX_PREFIX, shapeOf, type Shape } from './shape';
import { claimedByFamily, familyLineOf } from '../formats/recognise';
import { Channel, newHit } from '../formats/hit';
import { hasSharedLayout } from '../../families';

export const enum Role {
  Command = 0,
  Reply = 1,
  /** Another protocol's command or reply: the prefix is not an FTP log's. */
  Foreign = 2,
  /**
   * After the prefix stands a whole line of a known family (`verb` names it):
   * the prefix is a wrapper some tool put in front of every line (a CI
   * runner's clock, a task runner's logger, a script's syslog tag, a quote).
   */
  Inner = 3,
}

export interface Candidate {
  /** Index of the prefix's shape in the evidence table. */
  readonly shape: number;
  readonly role: Role;
  /** The verb (Command), the family of the inner line (Inner), else ''. */
  readonly verb: string;
  /** The reply code (Reply); for Inner, 1 when the inner line tells its family (not a bare marker). */
  readonly code: number;
}

/** A candidate before its shape is interned. */
interface RawCandidate {
  readonly shape: Shape;
  readonly role: Role;
  readonly verb: string;
  readonly code: number;
}

/** Places per line worth keeping: the real prefix is nearly always among the first few. */
const MAX_CANDIDATES = 3;
/** Field boundaries tried for a wrapper: wrappers are a few fields long. */
const MAX_WRAPPER_FIELDS = 6;

/** Evidence id of a line that holds no candidate. */
export const NO_EVIDENCE = 1;

/** Characters after which a payload may start. */
function isBoundary(c: number): boolean {
  switch (c) {
    case 32: case 9: // space, tab
    case 62: // >
    case 93: // ]
    case 41: // )
    case 58: // :
    case 34: case 39: // " '
    case 124: // |
    case 125: // }
      return true;
    default:
      return false;
  }
}

/** Interns shapes and per-line evidence, so that a line's evidence is one small integer in the line store. */
export class EvidenceTable {
  readonly shapes: Shape[] = [];
  private readonly shapeIds = new Map<string, number>();
  private readonly lists: (readonly Candidate[])[] = [[], []];
  private readonly listIds = new Map<string, number>();

  get size(): number {
    return this.lists.length;
  }

  candidates(id: number): readonly Candidate[] {
    return this.lists[id] ?? [];
  }

  private readonly hit = newHit();

  /**
   * The evidence id of `line`: NO_EVIDENCE, or an id whose candidates
   * `candidates` returns. A line a family's own layout claims gives none.
   */
  of(line: string): number {
    if (claimedByFamily(line, this.hit)) {
      if (familyLineOf(line, this.hit) !== undefined) return NO_EVIDENCE;
      const inner = this.wrapperOf(line);
      return inner ? this.intern(inner.key, [inner]) : NO_EVIDENCE;
    }
    let key = '';
    let found: RawCandidate[] | undefined;
    const limit = Math.min(line.length, MAX_PREFIX + 1);
    // A reply at column 0 has the empty prefix: it pairs with commands that only a marker precedes.
    const bare = candidateAt(line, 0);
    if (bare && bare.role === Role.Reply) {
      found = [{ shape: shapeOf(line, 0)!, ...bare }];
      key = `\u0002${bare.role}${bare.code}\u0003`;
    }
    for (let p = 1; p < limit; p++) {
      const prev = line.charCodeAt(p - 1);
      if (!isBoundary(prev) && CLOSERS[prev] === undefined) continue;
      const hit = candidateAt(line, p);
      if (!hit) continue;
      const shape = shapeOf(line, p);
      if (!shape) break;
      if (!shape.fixed) continue;
      (found ??= []).push({ shape, ...hit });
      key += `${shape.key}\u0002${hit.role}${hit.verb}${hit.code}\u0003`;
      if (found.length >= MAX_CANDIDATES) break;
    }
    const inner = this.wrapperOf(line);
    if (inner) {
      (found ??= []).push(inner);
      key += inner.key;
    }
    return found ? this.intern(key, found) : NO_EVIDENCE;
  }

  /** Evidence of a wrapper: the first field boundary after which a known family's line stands. */
  private wrapperOf(line: string): (RawCandidate & { key: string }) | undefined {
    let fields = 0;
    for (let p = 1; p < Math.min(line.length, MAX_PREFIX + 1) && fields < MAX_WRAPPER_FIELDS; p++) {
      const prev = line.charCodeAt(p - 1);
      if ((prev !== 32 && prev !== 9) || line.charCodeAt(p) === 32 || line.charCodeAt(p) === 9) continue;
      fields++;
      const family = familyLineOf(line.slice(p), this.hit);
      if (family === undefined) continue;
      const shape = shapeOf(line, p);
      if (!shape || !shape.fixed) return undefined;
      // A family's own line tells; so does a reply or command in a layout no one else writes. Behind a
      // prefix, `< USER`, `--> USER` or `Response: 220` could be anyone's: they alone prove no wrapper.
      const telling = this.hit.channel === Channel.Known || !hasSharedLayout(family) ? 1 : 0;
      return { shape, role: Role.Inner, verb: family, code: telling, key: `${shape.key}\u0002${Role.Inner}${family}${telling}\u0003` };
    }
    return undefined;
  }

  private intern(key: string, found: readonly RawCandidate[]): number {
    let id = this.listIds.get(key);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(found.map((f) => ({ shape: this.shapeId(f.shape), role: f.role, verb: f.verb, code: f.code })));
      this.listIds.set(key, id);
    }
    return id;
  }

  private shapeId(shape: Shape): number {
    let id = this.shapeIds.get(shape.key);
    if (id === undefined) {
      id = this.shapes.length;
      this.shapes.push(shape);
      this.shapeIds.set(shape.key, id);
    }
    return id;
  }
}

/** An FTP command, an FTP reply or another protocol's line starting at `p`, or undefined. */
function candidateAt(line: string, p: number): { role: Role; verb: string; code: number } | undefined {
  const c = line.charCodeAt(p);
  const end = payloadEnd(line, p);
  if (c >= 49 && c <= 53 /* 1-5 */) {
    const code = replyCodeAt(line, p, end);
    // A bare number is too weak: a reply here has its separator and some text.
    if (code < 100 || p + 4 >= end) return undefined;
    if (foreignReplyAt(line, p, code)) return { role: Role.Foreign, verb: '', code };
    return { role: Role.Reply, verb: '', code };
  }
  if (c < 65 || c > 90) {
    if (c === 43 /* + */ || c === 45 /* - */) return foreignPayloadAt(line, p) ? { role: Role.Foreign, verb: '', code: -1 } : undefined;
    return undefined;
  }
  if (foreignPayloadAt(line, p)) return { role: Role.Foreign, verb: '', code: -1 };
  const length = verbLengthAt(line, p, end, false);
  if (length === 0) return undefined;
  const verb = verbAt(line, p, length);
  return isCommandVerb(verb) ? { role: Role.Command, verb, code: -1 } : undefined;
}
