// The sessions of a log and their exchanges, built from the line store like
// every other query: a session is what one client did over one control
// connection; an exchange is a command and the replies it drew (preliminary
// 1yz replies, then the final one), or a reply no command drew (a greeting,
// a 421 the server sent on its own).
//
// Sessions follow the log's own session field (a PID, a connection or session
// id) where it has one, and one session for a plain transcript; a greeting
// after commands opens a new session in either. vsftpd runs a session in two
// processes, and the one that logs in is not the one that connected
// (privilege separation): a new process whose first line carries the user and
// address of a session still logging in continues that session.
//
// The model reads each line once, in slices (`advance`), and after a change
// takes back only what it built from the changed lines on (`rewind`): a log
// that grows while open costs its new lines alone.

import { LineKind } from '../model';
import { familyInfo, type Family } from '../families';
import type { LineSource } from '../scan/lineSource';
import type { Detected } from '../scan/detect';
import { newRow } from '../scan/row';
import { isEcho } from './replies';
import { addressOn, userMarkOn } from './lineFacts';

/** What the model reads: a scanned log that tells what changed since a revision. */
export interface SessionSource extends LineSource {
  readonly family: Detected;
  readonly revision: number;
  changedSince(revision: number): number;
}

/** One exchange; lines are 0-based, -1 for "none". */
export interface Exchange {
  /** The command's line, or -1 for a reply no command drew. */
  readonly command: number;
  /** The first line of the first preliminary (1yz) reply, or -1. */
  readonly preliminary: number;
  /** The first line of the final reply, or -1 while none has come. */
  readonly reply: number;
  /** The final reply's code, or -1 while none has come. */
  readonly code: number;
}

const X_COMMAND = 0;
const X_PRELIMINARY = 1;
const X_REPLY = 2;
const X_CODE = 3;
const X_STRIDE = 4;

/** How far back a process continuing a session's login is looked for. */
const LOGIN_HANDOVER_LINES = 10_000;
/** Lines from a session's start looked through for its address. */
const ADDRESS_SPAN = 2000;
/** Exchanges looked back on for the USER command a 230 accepted. */
const USER_LOOKBACK = 8;

/** One session while it is built. */
export class Session {
  /** Lines of the session's first and last line. */
  start: number;
  end: number;
  /** The last line that is a reply, command or continuation of the session. */
  lastFtp = -1;
  /** The first line of its greeting, the USER command a 230 accepted (or the event that names the user), the 230. */
  greeting = -1;
  userLine = -1;
  loginLine = -1;
  failures = 0;
  /** Exchanges that have a client command. */
  commands = 0;
  /** Exchanges, X_STRIDE numbers each. */
  readonly exchanges: number[] = [];
  /** The session it was split from by a greeting (lines before its start went to it), or -1. */
  splitFrom = -1;
  /** The address the log names for the other end, once looked up (null: none). */
  address: string | null | undefined;

  constructor(
    readonly index: number,
    /** The session field's interned value (0: the log has none). */
    readonly key: number,
    /** The line the session was opened on: sessions are opened in line order. */
    readonly opened: number,
    start: number,
  ) {
    this.start = start;
    this.end = start;
  }

  get exchangeCount(): number {
    return this.exchanges.length / X_STRIDE;
  }

  exchange(i: number): Exchange {
    const x = this.exchanges;
    const o = i * X_STRIDE;
    return { command: x[o + X_COMMAND], preliminary: x[o + X_PRELIMINARY], reply: x[o + X_REPLY], code: x[o + X_CODE] };
  }

  /** The line an exchange starts on. */
  exchangeStart(i: number): number {
    const x = this.exchanges;
    const o = i * X_STRIDE;
    return x[o + X_COMMAND] >= 0 ? x[o + X_COMMAND] : x[o + X_PRELIMINARY] >= 0 ? x[o + X_PRELIMINARY] : x[o + X_REPLY];
  }

  /** True when a command of the session is still waiting for its final reply (its last exchange). */
  get awaiting(): boolean {
    const n = this.exchanges.length;
    return n > 0 && this.exchanges[n - X_STRIDE + X_REPLY] < 0;
  }

}

/** Sessions of one document, kept up to date with it. */
export class SessionModel {
  readonly sessions: Session[] = [];
  /** The session each line belongs to (-1: none), for the lines read so far. */
  private lineSession = new Int32Array(0);
  /** The open session of each session key (by interned key), and keys that continue another key's session. */
  private current: number[] = [];
  private handovers: { key: number; session: number; line: number }[] = [];
  /** Lines read so far, and the document revision they were read at. */
  private read = 0;
  private revision = -1;
  private family: Detected = 'none';
  private familyInfo: Family | undefined;
  private readonly row = newRow();
  /** Sessions opened under a session field (key ≠ 0). */
  private keyed = 0;

  constructor(private readonly src: SessionSource) {}

  /** True when every line of the document as it is now has been read. */
  get complete(): boolean {
    return this.revision === this.src.revision && this.read >= this.src.lineCount;
  }

  /** Reads on for up to `budget` lines, first taking back what changed lines built; true once complete. */
  advance(budget: number): boolean {
    const src = this.src;
    if (this.revision !== src.revision) {
      const family = src.family;
      const from = family !== this.family ? 0 : src.changedSince(this.revision);
      this.family = family;
      this.familyInfo = family === 'none' ? undefined : familyInfo(family);
      this.rewind(Math.min(from, this.read));
      this.revision = src.revision;
    }
    if (this.family === 'none') {
      this.read = src.lineCount;
      return true;
    }
    const to = Math.min(src.lineCount, this.read + budget);
    if (this.lineSession.length < src.lineCount) this.grow(src.lineCount);
    // `read` moves line by line: what a line looks back on (a session's address) sees the lines before it.
    for (let i = this.read; i < to; i++) {
      this.readLine(i);
      this.read = i + 1;
    }
    return this.read >= src.lineCount;
  }

  /** Reads every line at once (tests, the command line; an editor reads in slices). */
  build(): this {
    while (!this.advance(Number.MAX_SAFE_INTEGER));
    return this;
  }

  /**
   * Whether a session is one to show: in a log whose lines carry a session
   * field, the lines without one (an IIS header, a server's own notices) that
   * drew no exchange are not a session of their own.
   */
  listed(s: Session): boolean {
    return s.key !== 0 || s.exchangeCount > 0 || this.keyed === 0;
  }

  /** The session `line` belongs to, if any (lines read so far). */
  sessionAt(line: number): Session | undefined {
    if (line < 0 || line >= this.read) return undefined;
    const s = this.lineSession[line];
    return s >= 0 ? this.sessions[s] : undefined;
  }

  /** The address the log names for the other end of `s` (the client in a server log, the server in a client log). */
  addressOf(s: Session): string | undefined {
    if (s.address !== undefined) return s.address ?? undefined;
    const found = this.findAddress(s);
    // A session still being read may yet get a line that names one: "none" is kept once all is read.
    if (found !== undefined || this.complete) s.address = found ?? null;
    return found;
  }

  private findAddress(s: Session): string | undefined {
    // Its first lines name it, if any do: a session whose lines are spread over a long log is not walked through.
    const looked = Math.min(this.read, s.end + 1, s.start + ADDRESS_SPAN);
    for (let i = s.start, seen = 0; i < looked && seen < 64; i++) {
      if (this.lineSession[i] !== s.index) continue;
      seen++;
      const a = addressOn(this.src, i, this.row);
      if (a) return a;
    }
    return undefined;
  }

  private grow(lines: number): void {
    const next = new Int32Array(Math.max(lines, this.lineSession.length * 2));
    next.set(this.lineSession.subarray(0, Math.min(this.read, this.lineSession.length)));
    this.lineSession = next;
  }

  private open(key: number, line: number, start = line): Session {
    const s = new Session(this.sessions.length, key, line, start);
    this.sessions.push(s);
    if (key !== 0) this.keyed++;
    this.current[key] = s.index;
    return s;
  }

  /** The session a line of `key` belongs to, opening one on an FTP line or a line of the family's own. */
  private sessionFor(key: number, line: number, opens: boolean): Session | undefined {
    const at = this.current[key];
    if (at !== undefined) return this.sessions[at];
    if (!opens) return undefined;
    const handedTo = this.familyInfo?.loginInNewProcess && key !== 0 ? this.loginHandover(line) : undefined;
    if (handedTo) {
      this.current[key] = handedTo.index;
      this.handovers.push({ key, session: handedTo.index, line });
      return handedTo;
    }
    return this.open(key, line);
  }

  /**
   * The session still logging in that a new process's first line continues:
   * the line names a user (so USER was given) and the same address as that
   * session, which has no login yet. The latest such session wins.
   */
  private loginHandover(line: number): Session | undefined {
    const user = userMarkOn(this.src, line, this.row);
    if (!user) return undefined;
    const address = addressOn(this.src, line, this.row);
    if (!address) return undefined;
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const s = this.sessions[i];
      // Sessions are opened in line order, and a login follows its connection closely.
      if (line - s.opened > LOGIN_HANDOVER_LINES) break;
      if (s.loginLine >= 0 || this.current[s.key] !== s.index) continue;
      if (this.addressOf(s) === address) return s;
    }
    return undefined;
  }

  private readLine(i: number): void {
    const src = this.src;
    const kind = src.kindOf(i);
    this.lineSession[i] = -1;
    if (kind === LineKind.Foreign) return;
    const key = src.sessionOf(i);
    if (kind === LineKind.Other) {
      // A line of the family's own (an event: CONNECT, OK LOGIN, a transfer) opens a session; any other joins one.
      const own = src.rowOf(i, this.row).family !== undefined;
      const s = this.sessionFor(key, i, own);
      if (!s) return;
      this.lineSession[i] = s.index;
      s.end = i;
      if (own && s.loginLine < 0 && this.familyInfo?.loginInNewProcess && isLoginEvent(src.lineText(i))) {
        s.loginLine = i;
        s.userLine = i;
      }
      return;
    }
    let s = this.sessionFor(key, i, true)!;
    if (kind === LineKind.Continuation) {
      this.lineSession[i] = s.index;
      s.end = s.lastFtp = i;
      return;
    }
    if (kind === LineKind.Command) {
      this.place(s, i);
      s.exchanges.push(i, -1, -1, -1);
      s.commands++;
      return;
    }
    const code = src.codeOf(i);
    if (kind === LineKind.Exchange) {
      this.place(s, i);
      s.exchanges.push(i, -1, i, code);
      s.commands++;
      this.completed(s, code, i);
      return;
    }
    // A reply's first line.
    if (isEcho(src, i, this.row)) {
      this.place(s, i);
      return;
    }
    if ((code === 220 || code === 120) && !s.awaiting && s.commands > 0) s = this.split(s, key, i);
    this.place(s, i);
    const x = s.exchanges;
    const n = x.length;
    const open = s.awaiting;
    if (code < 200) {
      if (open && x[n - X_STRIDE + X_PRELIMINARY] < 0) x[n - X_STRIDE + X_PRELIMINARY] = i;
      else if (!open) x.push(-1, i, -1, -1);
      if (!open && (code === 120 || code === 220) && s.greeting < 0) s.greeting = i;
      return;
    }
    if (open) {
      x[n - X_STRIDE + X_REPLY] = i;
      x[n - X_STRIDE + X_CODE] = code;
    } else {
      x.push(-1, -1, i, code);
    }
    if (code === 220 && s.greeting < 0 && x[x.length - X_STRIDE + X_COMMAND] < 0) s.greeting = i;
    this.completed(s, code, i);
  }

  private place(s: Session, i: number): void {
    this.lineSession[i] = s.index;
    s.end = s.lastFtp = i;
  }

  /** What a final reply tells of its session: a failure, or the login (a 230 accepts the USER before it). */
  private completed(s: Session, code: number, line: number): void {
    if (code >= 400 && code < 600) s.failures++;
    if (code !== 230 || s.loginLine >= 0) return;
    s.loginLine = line;
    const x = s.exchanges;
    for (let o = x.length - X_STRIDE, k = 0; o >= 0 && k < USER_LOOKBACK; o -= X_STRIDE, k++) {
      const cmd = x[o + X_COMMAND];
      if (cmd >= 0 && this.src.rowOf(cmd, this.row).verb === 'USER') {
        s.userLine = cmd;
        return;
      }
    }
  }

  /**
   * A greeting after commands: a new connection under the same session field.
   * The lines since the old session's last reply or command (`Connecting to …`,
   * `Trying …`) are the new connection's.
   */
  private split(old: Session, key: number, line: number): Session {
    let start = line;
    for (let j = Math.max(old.lastFtp + 1, old.start); j < line && start === line; j++) if (this.lineSession[j] === old.index) start = j;
    const s = this.open(key, line, start);
    s.splitFrom = old.index;
    for (let j = start; j < line; j++) if (this.lineSession[j] === old.index) this.lineSession[j] = s.index;
    if (start < line) {
      old.end = old.lastFtp;
      // Its address may have come from the lines it gave away.
      old.address = undefined;
    }
    return s;
  }

  /** Takes back everything read from line `from` on. */
  private rewind(from: number): void {
    if (from >= this.read) return;
    const sessions = this.sessions;
    // Sessions opened on the lines taken back go; lines a split gave them go back to where they came from.
    while (sessions.length > 0 && sessions[sessions.length - 1].opened >= from) {
      const s = sessions.pop()!;
      if (s.key !== 0) this.keyed--;
      if (s.splitFrom >= 0) {
        const old = sessions[s.splitFrom];
        for (let j = s.start; j < Math.min(from, s.opened); j++) {
          if (this.lineSession[j] === s.index) {
            this.lineSession[j] = old.index;
            old.end = Math.max(old.end, j);
          }
        }
      }
    }
    this.handovers = this.handovers.filter((h) => h.line < from && h.session < sessions.length);
    for (const s of sessions) {
      if (s.end >= from || s.lastFtp >= from) this.trim(s, from);
      // Lines read again may join a session that named no address so far.
      if (s.address === null) s.address = undefined;
    }
    // Each key's open session is the last one opened or handed to it: replay both in line order.
    this.current = [];
    let h = 0;
    for (const s of sessions) {
      for (; h < this.handovers.length && this.handovers[h].line < s.opened; h++) this.current[this.handovers[h].key] = this.handovers[h].session;
      this.current[s.key] = s.index;
    }
    for (; h < this.handovers.length; h++) this.current[this.handovers[h].key] = this.handovers[h].session;
    this.read = from;
  }

  /** Takes back a session's exchanges and marks from line `from` on. */
  private trim(s: Session, from: number): void {
    const x = s.exchanges;
    while (x.length > 0 && s.exchangeStart(s.exchangeCount - 1) >= from) {
      const code = x[x.length - X_STRIDE + X_CODE];
      if (code >= 400 && code < 600) s.failures--;
      if (x[x.length - X_STRIDE + X_COMMAND] >= 0) s.commands--;
      x.length -= X_STRIDE;
    }
    const n = x.length;
    if (n > 0) {
      if (x[n - X_STRIDE + X_REPLY] >= from) {
        const code = x[n - X_STRIDE + X_CODE];
        if (code >= 400 && code < 600) s.failures--;
        x[n - X_STRIDE + X_REPLY] = -1;
        x[n - X_STRIDE + X_CODE] = -1;
      }
      if (x[n - X_STRIDE + X_PRELIMINARY] >= from) x[n - X_STRIDE + X_PRELIMINARY] = -1;
    }
    if (s.greeting >= from) s.greeting = -1;
    if (s.loginLine >= from) s.loginLine = s.userLine = -1;
    if (s.userLine >= from) s.userLine = -1;
    s.address = undefined;
    let end = Math.min(s.end, from - 1);
    while (end > s.start && this.lineSession[end] !== s.index) end--;
    s.end = end;
    let last = Math.min(s.lastFtp, from - 1);
    while (last >= s.start && (this.lineSession[last] !== s.index || !isFtpKind(this.src.kindOf(last)))) last--;
    s.lastFtp = last;
  }
}

function isFtpKind(kind: LineKind): boolean {
  return kind === LineKind.Reply || kind === LineKind.Continuation || kind === LineKind.Command || kind === LineKind.Exchange;
}

/** vsftpd's event for a login it accepted (logging.c): `OK LOGIN: Client "…"`. */
function isLoginEvent(text: string): boolean {
  const at = text.indexOf('OK LOGIN: ');
  return at >= 0 && at < 256;
}

/** The session model of a document, kept with it (built on first use, caught up on each). */
const models = new WeakMap<SessionSource, SessionModel>();

export function sessionModelOf(src: SessionSource): SessionModel {
  let m = models.get(src);
  if (!m) models.set(src, (m = new SessionModel(src)));
  return m;
}
