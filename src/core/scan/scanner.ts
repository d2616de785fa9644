// Turns one line plus the previous line's end state into a LineResult and the
// next state. The family recognisers strip prefixes; the rules here are the
// ones RFC 959 §4.2 gives every transcript: reply lines, multi-line blocks
// closed by the same code, and commands.

import { LineKind, type FamilyId } from '../model';
import { INITIAL_STATE, withBlock, withIis, type OpenBlock, type ScanState } from './state';
import { Channel, newHit, type Hit } from './formats/hit';
import { recognise } from './formats/recognise';
import { parseIisFields } from './formats/iis';
import { opensBlock, replyCodeAt, verbAt, verbLengthAt } from './formats/syntax';
import { isCommandVerb } from '../catalogue/commands';
import { clearRow, newRow, type Row } from './row';

/**
 * Blocks whose later lines may come without any prefix: raw transcripts, and
 * `< ` transcripts (Commons Net prints the `< ` marker once per reply, not per line).
 */
function takesBareLines(block: OpenBlock | undefined): block is OpenBlock {
  return !!block && (block.channel === 'raw' || block.channel === '<');
}

function sameChannel(block: OpenBlock | undefined, hit: Hit): block is OpenBlock {
  if (!block || block.session !== hit.session) return false;
  return block.channel === hit.key || (hit.key === 'raw' && block.channel === '<');
}

export class Scanner {
  state: ScanState;
  /** The result of the last line; overwritten by the next call. */
  private readonly row = newRow();
  private readonly hit = newHit(this.row);

  constructor(state: ScanState = INITIAL_STATE) {
    this.state = state;
  }

  private other(family: FamilyId | undefined): Row {
    return clearRow(this.row, LineKind.Other, family, undefined);
  }

  /** Scans `line` in the current state and moves the state past it. */
  next(line: string): Row {
    const state = this.state;
    const hit = this.hit;
    if (line.charCodeAt(0) === 35 /* # */ && line.startsWith('#Fields:')) {
      const layout = parseIisFields(line);
      this.state = withIis(state, layout);
      return this.other(layout ? 'iis' : undefined);
    }
    if (!recognise(line, state, hit)) {
      // Text with no FTP shape belongs to a raw reply the server left open.
      if (takesBareLines(state.block) && line.length > 0) {
        return this.continuation(state.block, 0, line.length, -1, false);
      }
      return this.other(undefined);
    }
    switch (hit.channel) {
      case Channel.Done:
        return this.row;
      case Channel.Known:
        // A client's own line (prompt, status, note) means the server stopped talking.
        if (state.block && state.block.channel === 'raw') this.state = withBlock(state, undefined);
        return this.other(hit.family);
      case Channel.Text:
        if (takesBareLines(state.block)) return this.continuation(state.block, 0, line.length, -1, false);
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

  private replyOrCommand(line: string, hit: Hit): Row {
    const { start, end } = hit;
    const block = this.state.block;
    const code = replyCodeAt(line, start, end);
    if (code >= 0) {
      const multi = !hit.single && opensBlock(line, start, end);
      if (sameChannel(block, hit) && block.code === code) {
        return this.continuation(block, start, end, start, !multi);
      }
      let next: OpenBlock | undefined = sameChannel(block, hit) ? undefined : block;
      if (multi) next = { code, channel: hit.key, session: hit.session, family: hit.family };
      this.state = withBlock(this.state, next);
      const r = clearRow(this.row, LineKind.Reply, hit.family, hit.session);
      r.code = code;
      r.codeStart = start;
      r.textStart = Math.min(start + 4, end);
      r.textEnd = end;
      return r;
    }
    if (hit.channel === Channel.Raw) {
      const verbLen = verbLengthAt(line, start, end, hit.anyCase);
      if (verbLen > 0 && isCommandVerb(verbAt(line, start, verbLen))) return this.command(line, hit, false);
    }
    if (sameChannel(block, hit)) return this.continuation(block, start, end, -1, false);
    return this.other(hit.family);
  }

  private command(line: string, hit: Hit, trusted: boolean): Row {
    const { start, end } = hit;
    const verbLen = verbLengthAt(line, start, end, trusted || hit.anyCase);
    const block = this.state.block;
    // The client speaking ends whatever reply its session had open.
    if (block && block.session === hit.session && (block.channel === hit.key || block.channel === 'raw')) {
      this.state = withBlock(this.state, undefined);
    }
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
