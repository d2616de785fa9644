// A large log checked in pieces (segments) read side by side, with the
// problems a reading of the whole log finds, byte for byte.
//
// Scanning a line depends only on the line and the state the line before left
// (scan/state.ts: an open multi-line reply, the IIS layout in force), and a
// problem looks back fewer than WINDOW_LINES lines. So a segment is read from
// WARM_LINES lines before its first line, starting in a guessed state (no open
// reply, the layout of the nearest `#Fields:` header before); the state such a
// reading reaches CHECK_LINES lines before the segment is compared with the
// state the reading of the segment before found on that same line. Equal, the
// rows from there on are the whole log's rows, and so are the segment's
// problems; different (a reply open across the guess, a header too far back),
// the segment is read again from the state the segment before found.
//
// One thing a problem needs can lie further back than any warm-up: the server
// its session named in its greeting, remembered for SERVER_MEMORY lines. A
// problem whose session named none in the reading's trusted lines is kept as
// pending, and its message is built once the segments before have said which
// servers their sessions named (SegmentJoin).

import type { Finding } from '../model';
import type { Detected } from '../scan/detect';
import type { Dialect } from '../scan/generic/dialect';
import { Scanner } from '../scan/scanner';
import { sameState, type ScanState } from '../scan/state';
import { SERVER_MEMORY } from '../query/sessionServer';
import { serverOfFamily } from '../families';
import { FindingBuilder } from '../features/findings';
import { FindingReader, WINDOW_LINES, type Named, type PendingMessage } from './findingReader';

/** Lines a segment is read from before its first line. */
export const WARM_LINES = 2 * (WINDOW_LINES + 104);
/** Lines before a segment where its reading is compared with the segment before's: more than a problem looks back. */
export const CHECK_LINES = WINDOW_LINES + 104;

/** How a segment is read. */
export interface SegmentPlan {
  /** True for the segment that starts on the log's first line (it has no lines before it). */
  readonly first: boolean;
  /** Lines read before the segment's first line (0 for the first). */
  readonly warm: number;
  /** The state the first line read is read in. */
  readonly state: ScanState;
  /** True when `state` is known to be the whole log's there (a second reading), not a guess. */
  readonly exact: boolean;
}

/** A problem of the segment; lines count from the segment's first line. */
export interface SegmentProblem {
  readonly finding: Finding;
  readonly pending: PendingMessage | undefined;
}

/** What the reading of a segment tells the segments after it, and the joining of the problems. */
export interface SegmentReport {
  /** Lines of the segment itself. */
  readonly lines: number;
  /** The state before the check line, as this reading found it (see `checkLine`). */
  readonly checkState: ScanState;
  /** States before each of the segment's last lines (at most WARM_LINES of them). */
  readonly tail: readonly ScanState[];
  /** The servers sessions named on the segment's lines (segment lines), in the order they last named them. */
  readonly named: ReadonlyArray<readonly [string | undefined, Named]>;
  /** The session and segment line of each pending problem, in line order. */
  readonly pending: ReadonlyArray<readonly [string | undefined, number]>;
}

/** The reader line, counted from the first line read, whose state is compared. */
function checkLine(warm: number): number {
  return warm - Math.min(CHECK_LINES, warm);
}

/** Reads one segment: every line from `plan.warm` lines before its first, in order. */
export class SegmentReader {
  private readonly scanner: Scanner;
  private readonly reader: FindingReader;
  private readonly ring: ScanState[] = new Array(WARM_LINES);
  private checkState: ScanState;
  private readonly pending: Array<[string | undefined, number]> = [];

  constructor(dialect: Dialect | undefined, family: Detected, private readonly plan: SegmentPlan, problem: (p: SegmentProblem) => void) {
    this.scanner = new Scanner(plan.state, dialect);
    this.checkState = plan.state;
    const warm = plan.warm;
    this.reader = new FindingReader(this.scanner, family, (finding, pending) => {
      const f = atSegmentLine(finding, warm);
      if (pending) this.pending.push([pending.session, f.line]);
      problem({ finding: f, pending });
    }, { fromFirstLine: plan.first, trustedFrom: plan.exact ? 0 : checkLine(warm), findFrom: warm });
  }

  push(text: string): void {
    const i = this.reader.lineCount;
    const state = this.scanner.state;
    if (i === checkLine(this.plan.warm)) this.checkState = state;
    this.ring[i % WARM_LINES] = state;
    this.reader.read(text);
  }

  end(): SegmentReport {
    const read = this.reader.lineCount;
    const lines = Math.max(0, read - this.plan.warm);
    const kept = Math.min(lines, WARM_LINES);
    const tail: ScanState[] = [];
    for (let i = read - kept; i < read; i++) tail.push(this.ring[i % WARM_LINES]);
    const named = this.reader.namedSince(this.plan.warm).map(([s, n]) => [s, { line: n.line - this.plan.warm, server: n.server }] as const);
    return { lines, checkState: this.checkState, tail, named, pending: this.pending };
  }
}

function atSegmentLine(f: Finding, warm: number): Finding {
  if (warm === 0) return f;
  return { ...f, line: f.line - warm, related: f.related && { ...f.related, line: f.related.line - warm } };
}

/** Messages rebuilt for the server a pending problem's session named. */
const rebuilt = new FindingBuilder();

/** `p`'s finding with its message for `server` (the server its session named before the segment, if any). */
export function settled(p: SegmentProblem, server: string | undefined): Finding {
  const pending = p.pending;
  if (!pending || server === pending.assumed) return p.finding;
  return { ...p.finding, message: rebuilt.message(p.finding.code, pending.text, pending.verb, server) };
}

/**
 * Joins the segments' readings in log order: checks each guess, gives each
 * segment its first line's number in the log and the servers its pending
 * problems' sessions named before it.
 */
export class SegmentJoin {
  /** The server each session last named, by log line: what a whole reading's map holds past the joined segments. */
  private readonly servers = new Map<string | undefined, Named>();
  private previous: SegmentReport | undefined;
  /** The log line of the next segment's first line. */
  private base = 0;

  constructor(private readonly family: Detected) {}

  /** True when a reading planned with `plan` found what the whole log has: the first segment, a second reading, a guess the segment before confirms. */
  holds(plan: SegmentPlan, report: SegmentReport): boolean {
    if (plan.first || plan.exact) return true;
    const before = this.previous;
    if (!before || plan.warm > before.tail.length) return false;
    const x = Math.min(CHECK_LINES, plan.warm);
    return sameState(report.checkState, before.tail[before.tail.length - x]);
  }

  /** The plan of a second reading of the next segment from `warm` lines before it, in the state the segment before found there. */
  replan(warm: number): SegmentPlan {
    const before = this.previous!;
    const w = Math.min(warm, before.tail.length);
    return { first: false, warm: w, state: before.tail[before.tail.length - w], exact: true };
  }

  /** Takes the next segment (whose reading `holds`): its first line's log line, and the server for each of its pending problems. */
  join(report: SegmentReport): { base: number; servers: Array<string | undefined> } {
    const base = this.base;
    const fallback = serverOfFamily(this.family);
    const servers = report.pending.map(([session, line]) => {
      const named = this.servers.get(session);
      return named && base + line - named.line <= SERVER_MEMORY ? named.server : fallback;
    });
    for (const [session, named] of report.named) {
      this.servers.delete(session);
      this.servers.set(session, { line: base + named.line, server: named.server });
    }
    this.base = base + report.lines;
    for (const [session, named] of this.servers) {
      if (this.base - named.line <= SERVER_MEMORY) break;
      this.servers.delete(session);
    }
    this.previous = report;
    return { base, servers };
  }
}
