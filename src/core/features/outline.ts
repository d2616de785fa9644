// The outline of a log: its sessions, each named by user, address and time
// span, holding its exchanges (`RETR report.pdf → 550`), failed ones marked.
// Plain data: the editor turns it into document symbols (outline, breadcrumbs,
// Go to Symbol).

import { LineKind, type Span } from '../model';
import type { LineSource } from '../scan/lineSource';
import { newRow, type Row } from '../scan/row';
import { MASK, maskArgument } from '../secrets';
import { shownText, type Bounds } from '../markdown/shownText';
import { replyEndLine } from '../query/replies';
import { timeOn, userMarkOn } from '../query/lineFacts';
import type { Session, SessionModel } from '../query/sessions';

export type OutlineKind = 'session' | 'exchange' | 'failed' | 'note';

export interface OutlineItem {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** The lines the item covers (inclusive) and the span that names it on its first line. */
  readonly line: number;
  readonly endLine: number;
  readonly selection: Span;
  readonly children: readonly OutlineItem[];
}

/** Exchanges an outline lists at most: past that, the outline says how many it left out. */
export const OUTLINE_EXCHANGES = 10_000;

const ARGUMENT: Bounds = { lines: 1, chars: 48 };
const DETAIL: Bounds = { lines: 1, chars: 80 };
const NAME_PART: Bounds = { lines: 1, chars: 64 };
/** Lines of a session looked at for its first and last time stamp, and lines passed over at most to find them. */
const TIME_LOOK = 16;
const TIME_SPAN = 2000;

/**
 * Draws the outline of `src` from its complete session model a little at a
 * time, so an editor can spread a long log's outline over several tasks.
 */
export class OutlineBuilder {
  readonly items: OutlineItem[] = [];
  private next = 0;
  /** The exchanges drawn so far of the session `next`, while it is drawn over several steps. */
  private children: OutlineItem[] = [];
  private budget: number;
  private left = 0;
  private readonly row = newRow();

  constructor(
    private readonly src: LineSource,
    private readonly model: SessionModel,
    private readonly cap = OUTLINE_EXCHANGES,
  ) {
    this.budget = cap;
  }

  /** Draws about `work` more items (sessions and exchanges); true once the outline is whole. */
  step(work: number): boolean {
    const { src, model, row } = this;
    const all = model.sessions;
    for (; this.next < all.length && work > 0; work--) {
      const s = all[this.next];
      if (!model.listed(s)) {
        this.next++;
        continue;
      }
      const shown = this.children.length;
      if (shown < s.exchangeCount && this.budget > 0) {
        this.children.push(exchangeItem(src, s, shown, row));
        this.budget--;
        continue;
      }
      this.left += s.exchangeCount - shown;
      this.items.push(sessionItem(src, model, s, this.children, row));
      this.children = [];
      this.next++;
    }
    if (this.next < all.length) return false;
    if (this.left > 0) {
      const last = src.lineCount - 1;
      const cap = this.cap.toLocaleString('en-US');
      this.items.push({ name: `${this.left.toLocaleString('en-US')} more exchanges not listed`, detail: `the outline lists the first ${cap}`, kind: 'note', line: last, endLine: last, selection: { start: 0, end: 0 }, children: [] });
      this.left = 0;
    }
    return true;
  }
}

/** The outline of `src` from its session model (complete: see SessionModel.advance), at once. */
export function outlineOf(src: LineSource, model: SessionModel, cap = OUTLINE_EXCHANGES): OutlineItem[] {
  const builder = new OutlineBuilder(src, model, cap);
  builder.step(Number.MAX_SAFE_INTEGER);
  return builder.items;
}

function sessionItem(src: LineSource, model: SessionModel, s: Session, children: OutlineItem[], row: Row): OutlineItem {
  const user = userOf(src, s, row);
  const address = model.addressOf(s);
  const who = user && address ? `${user}@${address}` : user ?? address ?? `session ${s.index + 1}`;
  const from = firstTime(src, model, s, row);
  const to = lastTime(src, model, s, row);
  const span = from && to && from !== to ? `${from}–${to}` : from ?? to;
  const server = src.serverFor(s.end);
  const failed = s.failures > 0 ? `✗ ${s.failures} failed` : '';
  const detail = [server, `${s.exchangeCount} ${s.exchangeCount === 1 ? 'exchange' : 'exchanges'}`, failed].filter(Boolean).join(' · ');
  let end = s.end;
  for (const c of children) end = Math.max(end, c.endLine);
  return { name: span ? `${who} · ${span}` : who, detail, kind: 'session', line: s.start, endLine: end, selection: { start: 0, end: 0 }, children };
}

/** The user a session logged in as: the USER a 230 accepted, or the name the server marks the login with. */
function userOf(src: LineSource, s: Session, row: Row): string | undefined {
  if (s.userLine < 0) return undefined;
  const r = src.rowOf(s.userLine, row);
  if (r.verb === 'USER' && r.argStart >= 0) {
    // A proxy login `USER name@host:secret` shows as `name@host`: the secret is masked away, and so is its colon.
    const arg = maskArgument('USER', src.lineText(s.userLine).slice(r.argStart, Math.min(r.argEnd, r.argStart + 256)));
    const shown = arg.endsWith(`:${MASK}`) ? arg.slice(0, -MASK.length - 1) : arg;
    return shownText(shown, NAME_PART) || undefined;
  }
  const mark = userMarkOn(src, s.userLine, row);
  return mark ? shownText(mark, NAME_PART) : undefined;
}

function firstTime(src: LineSource, model: SessionModel, s: Session, row: Row): string | undefined {
  for (let i = s.start, seen = 0; i <= s.end && seen < TIME_LOOK && i - s.start < TIME_SPAN; i++) {
    if (model.sessionAt(i) !== s) continue;
    seen++;
    const t = timeOn(src, i, row);
    if (t) return t;
  }
  return undefined;
}

function lastTime(src: LineSource, model: SessionModel, s: Session, row: Row): string | undefined {
  for (let i = s.end, seen = 0; i >= s.start && seen < TIME_LOOK && s.end - i < TIME_SPAN; i--) {
    if (model.sessionAt(i) !== s) continue;
    seen++;
    const t = timeOn(src, i, row);
    if (t) return t;
  }
  return undefined;
}

function exchangeItem(src: LineSource, s: Session, i: number, row: Row): OutlineItem {
  const x = s.exchange(i);
  const start = s.exchangeStart(i);
  const code = x.code >= 0 ? x.code : x.preliminary >= 0 ? src.codeOf(x.preliminary) : -1;
  const failed = x.code >= 400 && x.code < 600;
  let name: string;
  let selection: Span;
  if (x.command >= 0) {
    const r = src.rowOf(x.command, row);
    const verb = r.verb ?? '?';
    const raw = r.argStart >= 0 ? src.lineText(x.command).slice(r.argStart, Math.min(r.argEnd, r.argStart + 256)) : '';
    const arg = raw ? shownText(maskArgument(verb, raw), ARGUMENT) : '';
    name = `${arg ? `${verb} ${arg}` : verb} → ${code >= 0 ? code : 'no reply'}`;
    selection = { start: r.verbStart, end: r.verbEnd };
  } else {
    const r = src.rowOf(start, row);
    name = `${x.command < 0 && (code === 220 || code === 120) && i === 0 ? 'greeting' : 'server'} → ${code}`;
    selection = { start: Math.max(0, r.codeStart), end: Math.max(0, r.codeStart + 3) };
  }
  const replyLine = x.reply >= 0 ? x.reply : x.preliminary;
  const text = replyLine >= 0 ? replyText(src, replyLine, row) : '';
  const detail = failed ? (text ? `✗ ${text}` : '✗') : text;
  const end = x.reply >= 0 ? replyEndLine(src, x.reply) : replyLine >= 0 ? replyLine : start;
  return { name, detail, kind: failed ? 'failed' : 'exchange', line: start, endLine: Math.max(start, end), selection, children: [] };
}

/** The first line of a reply's text as shown, masked and bounded. */
function replyText(src: LineSource, line: number, row: Row): string {
  const r = src.rowOf(line, row);
  if (r.textStart < 0 || (src.kindOf(line) !== LineKind.Reply && src.kindOf(line) !== LineKind.Exchange)) return '';
  return shownText(src.lineText(line).slice(r.textStart, Math.min(r.textEnd, r.textStart + 512)), DETAIL);
}
