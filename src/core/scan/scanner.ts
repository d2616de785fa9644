// Turns one line plus the previous line's end state into a LineResult and the
// next state. The family recognisers strip prefixes; the rules here are the
// ones RFC 959 §4.2 gives every transcript: reply lines, multi-line blocks
// closed only by the same code and a space, and commands.

import { LineKind, type FamilyId } from '../model';
import { INITIAL_STATE, withBlock, withIis, type IisLayout, type OpenBlock, type ScanState } from './state';
import { Channel, newHit, type Hit } from './formats/hit';
import { recognise } from './formats/recognise';
import { isFieldsHeader, parseIisFields } from './formats/iis';
import { opensBlock, replyCodeAt, stickyEnd, verbAt, verbLengthAt } from './formats/syntax';
import { foreignPayloadAt, foreignReplyAt, listingLineAt, positiveStatusAt } from './formats/foreign';
import { isCommandVerb } from '../catalogue/commands';
import { clearRow, newRow, type Row } from './row';
import type { Dialect } from './generic/dialect';

/**
 * Blocks whose later lines may come without any prefix: raw transcripts, `< `
 * transcripts (Commons Net prints the `< ` marker once per reply, not per
 * line) and generic client logs (many log a whole reply as one entry).
 */
function takesBareLines(block: OpenBlock | undefined): block is OpenBlock {
  return !!block && (block.channel === 'raw' || block.channel === '<' || block.channel === 'generic');
}

/**
 * The code of the block a POP3 `+OK` opens: its `msg octets` / `msg uid` lines
 * up to the lone `.` are a listing, not replies (see `listingLineAt`). No
 * reply has this code, so no FTP rule takes the block for a reply's.
 */
const LISTING = 0;

/** True when the reply line at `start` is its code alone (`NNN`, `NNN `, `NNN- `): no text after it. */
function textIsEmpty(line: string, start: number, end: number): boolean {
  let i = start + 3;
  if (line.charCodeAt(i) === 45) i++;
  while (i < end && line.charCodeAt(i) === 32) i++;
  return i >= end;
}

function sameChannel(block: OpenBlock | undefined, hit: Hit): block is OpenBlock {
  if (!block || block.session !== hit.session) return false;
  // A bare line continues a block whose later lines may come bare (its closing `NNN ` line too).
  return block.channel === hit.key || (hit.key === 'raw' && takesBareLines(block));
}

/** `r` with every column moved right by `by` (a row read from a wrapped line's inner text). */
function shifted(r: Row, by: number): Row {
  if (r.codeStart >= 0) r.codeStart += by;
  if (r.textStart >= 0) r.textStart += by;
  if (r.textEnd >= 0) r.textEnd += by;
  if (r.verbStart >= 0) r.verbStart += by;
  if (r.verbEnd >= 0) r.verbEnd += by;
  if (r.argStart >= 0) r.argStart += by;
  if (r.argEnd >= 0) r.argEnd += by;
  return r;
}

export class Scanner {
  state: ScanState;
  /** The document's learned client prefixes, if it has any (see scan/generic). */
  readonly dialect: Dialect | undefined;
  /** The result of the last line; overwritten by the next call. */
  private readonly row = newRow();
  private readonly hit = newHit(this.row);

  constructor(state: ScanState = INITIAL_STATE, dialect?: Dialect) {
    this.state = state;
    this.dialect = dialect;
  }

  private other(family: FamilyId | undefined, session?: string): Row {
    return clearRow(this.row, LineKind.Other, family, session);
  }

  /** Where the text behind the document's tool prefix starts on `line` (0: no prefix, or nothing behind it). */
  private innerStart(line: string): number {
    const wrapper = this.dialect?.wrapper;
    if (!wrapper) return 0;
    const p = stickyEnd(wrapper.pattern, line, 0);
    return p > 0 && p < line.length ? p : 0;
  }

  /** Scans `line` in the current state and moves the state past it. */
  next(line: string): Row {
    const p = this.innerStart(line);
    // Behind a tool's prefix, the line is read as if the prefix were not there.
    if (p > 0) return shifted(this.read(line.slice(p), false), p);
    return this.read(line, true);
  }

  /**
   * The IIS layout `line` puts in force when it is a `#Fields:` header, as
   * `next` reads it (behind the document's tool prefix too): `undefined` for
   * a header without the columns FTP needs, `null` when it is no header.
   */
  layoutSetBy(line: string): IisLayout | undefined | null {
    const text = line.slice(this.innerStart(line));
    return isFieldsHeader(text) ? parseIisFields(text) : null;
  }

  /** Reads `line`; a wrapped line's inner text is read by the families alone. */
  private read(line: string, learned: boolean): Row {
    const state = this.state;
    const hit = this.hit;
    if (isFieldsHeader(line)) {
      const layout = parseIisFields(line);
      this.state = withIis(state, layout);
      return this.other(layout ? 'iis' : undefined);
    }
    const recognised = recognise(line, state, hit, learned ? this.dialect : undefined);
    if (state.block && state.block.code === LISTING) {
      const listing = this.listing(line, recognised, state.block);
      if (listing) return listing;
    }
    // The listing, if one was open, has just ended.
    const block = this.state.block;
    if (!recognised) {
      // Text with no FTP shape belongs to a raw reply the server left open.
      if (takesBareLines(block) && line.length > 0) {
        return this.continuation(block, 0, line.length, -1, false);
      }
      // Another protocol's line no family claims (`+OK`, `-ERR`, `:server 433 …`).
      if (foreignPayloadAt(line, 0)) return this.foreignLine(line, 0, 'raw', undefined, undefined);
      return this.other(undefined);
    }
    switch (hit.channel) {
      case Channel.Done:
        return this.row;
      case Channel.Known:
        // A client's own line (prompt, status, note) means the server stopped talking.
        if (block && block.channel === 'raw') this.state = withBlock(this.state, undefined);
        // IMAP's untagged `* OK`, `* 12 EXISTS` look like curl's `* ` commentary.
        if (line.charCodeAt(0) === 42 /* * */ && foreignPayloadAt(line, 0)) return this.foreign(hit.family, -1, -1);
        // A family's own event (`[pid 550] CONNECT: …`) keeps its session: the session model opens on it.
        return this.other(hit.family, hit.session);
      case Channel.Text:
        if (takesBareLines(block)) return this.continuation(block, 0, line.length, -1, false);
        return this.other(undefined);
      case Channel.Command:
        return this.command(line, hit, true);
      default:
        return this.replyOrCommand(line, hit);
    }
  }

  private continuation(block: OpenBlock, start: number, end: number, codeAt: number, closes: boolean): Row {
    if (closes) this.state = withBlock(this.state, undefined);
    const r = clearRow(this.row, LineKind.Continuation, block.family, block.session);
    r.blockCode = block.code;
    r.closes = closes;
    if (codeAt >= 0) {
      r.code = block.code;
      r.codeStart = codeAt;
    }
    r.textStart = codeAt >= 0 ? Math.min(codeAt + 4, end) : start;
    r.textEnd = end;
    return r;
  }

  /**
   * A line while a POP3 listing is open: a listing line of the channel that
   * opened it is foreign (its code, if it starts like one, kept for the
   * colours); the lone `.` or any other line ends the listing, which then
   * reads as usual (undefined).
   */
  private listing(line: string, recognised: boolean, block: OpenBlock): Row | undefined {
    const start = recognised ? this.hit.start : 0;
    const end = recognised ? this.hit.end : line.length;
    const key = recognised ? this.hit.key : 'raw';
    const listed = key === block.channel && listingLineAt(line, start, end);
    if (!listed || end - start === 1) this.state = withBlock(this.state, undefined);
    if (!listed) return undefined;
    return this.foreign(block.family, replyCodeAt(line, start, end), start);
  }

  /** Another protocol's line at `start`; a POP3 `+OK` opens a listing on its channel. */
  private foreignLine(line: string, start: number, channel: string, session: string | undefined, family: FamilyId | undefined): Row {
    if (positiveStatusAt(line, start)) this.state = withBlock(this.state, { code: LISTING, channel, session, family });
    return this.foreign(family, -1, -1);
  }

  /** The line after a code line whose text it holds (Hit.textNext): with `last`, it ends the reply. */
  private textOfCodeLine(block: OpenBlock, start: number, end: number): Row {
    const last = block.textNext === 'last';
    this.state = withBlock(this.state, last ? undefined : { code: block.code, channel: block.channel, session: block.session, family: block.family });
    return this.continuation(block, start, end, -1, last);
  }

  private foreign(family: FamilyId | undefined, code: number, codeStart: number): Row {
    const r = clearRow(this.row, LineKind.Foreign, family, undefined);
    if (code >= 0) {
      r.code = code;
      r.codeStart = codeStart;
    }
    return r;
  }

  /** A raw-channel payload that is a command: a catalogued verb (in upper case unless the family logs any case). */
  private isRawCommand(line: string, hit: Hit): boolean {
    const verbLen = verbLengthAt(line, hit.start, hit.end, hit.anyCase);
    return verbLen > 0 && isCommandVerb(verbAt(line, hit.start, verbLen));
  }

  private replyOrCommand(line: string, hit: Hit): Row {
    const { start, end } = hit;
    const block = this.state.block;
    const code = replyCodeAt(line, start, end);
    if (sameChannel(block, hit)) {
      if (block.textNext) return this.textOfCodeLine(block, start, end);
      // RFC 959 §4.2: only the block's own code and a space closes it; a line with another code,
      // or the bare code alone, is text of the block. Its own code with `-` repeats the code.
      if (code === block.code && start + 3 < end) {
        const closes = line.charCodeAt(start + 3) === 32;
        if (hit.textNext && textIsEmpty(line, start, end)) {
          // The closing code line's text is the next line: that line ends the reply.
          this.state = withBlock(this.state, { ...block, textNext: closes ? 'last' : 'more' });
          return this.continuation(block, start, end, start, false);
        }
        return this.continuation(block, start, end, start, closes);
      }
      if (hit.channel === Channel.Raw && code < 0 && this.isRawCommand(line, hit)) return this.command(line, hit, false);
      return this.continuation(block, start, end, -1, false);
    }
    if (code >= 0) {
      const multi = !hit.single && opensBlock(line, start, end);
      const textNext = hit.textNext && textIsEmpty(line, start, end) ? (multi ? 'more' : 'last') : undefined;
      // Another protocol's multi-line reply has FTP's syntax too (RFC 5321 §4.2.1): its later lines are its text.
      if (multi || textNext) this.state = withBlock(this.state, { code, channel: hit.key, session: hit.session, family: hit.family, textNext });
      if (foreignReplyAt(line, start, code)) return this.foreign(hit.family, code, start);
      const r = clearRow(this.row, LineKind.Reply, hit.family, hit.session);
      r.code = code;
      r.codeStart = start;
      // A code line whose text follows (`<--- 230- `) holds no text of its own.
      r.textStart = textNext ? end : Math.min(start + 4, end);
      r.textEnd = end;
      return r;
    }
    if (foreignPayloadAt(line, start)) return this.foreignLine(line, start, hit.key, hit.session, hit.family);
    if (hit.channel === Channel.Raw && this.isRawCommand(line, hit)) return this.command(line, hit, false);
    return this.other(hit.family);
  }

  private command(line: string, hit: Hit, trusted: boolean): Row {
    const { start, end } = hit;
    const block = this.state.block;
    // The client speaking ends whatever reply its session had open.
    if (block && block.session === hit.session && (block.channel === hit.key || block.channel === 'raw')) {
      this.state = withBlock(this.state, undefined);
    }
    if (trusted && foreignPayloadAt(line, start)) return this.foreign(hit.family, -1, -1);
    const verbLen = verbLengthAt(line, start, end, trusted || hit.anyCase);
    if (verbLen === 0) return this.other(hit.family);
    const verbEnd = start + verbLen;
    const r = clearRow(this.row, LineKind.Command, hit.family, hit.session);
    r.verb = verbAt(line, start, verbLen);
    r.verbStart = start;
    r.verbEnd = verbEnd;
    if (hit.argStart >= 0) {
      r.argStart = hit.argStart;
      r.argEnd = hit.argEnd;
    } else if (verbEnd + 1 < end) {
      r.argStart = verbEnd + 1;
      r.argEnd = end;
    }
    return r;
  }
}
