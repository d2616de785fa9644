// The state one line hands to the next. Scanning a line depends only on the
// line and this state, so an edit re-scans from the first changed line until
// the state it produces equals the state that was there before.

import type { FamilyId } from '../model';

/** An open multi-line reply: `NNN-` seen, closing `NNN ` not yet. */
export interface OpenBlock {
  readonly code: number;
  /** Which kind of line carries the block's continuation lines (a prefix family, or raw). */
  readonly channel: string;
  readonly session: string | undefined;
  readonly family: FamilyId | undefined;
  /**
   * The reply line just read held only its code: the next line of the channel
   * is its text, and with `last` that text ends the reply (see Hit.textNext).
   */
  readonly textNext?: 'more' | 'last';
}

/** Where the IIS W3C columns sit, from the most recent `#Fields:` header (-1: no such column). */
export interface IisLayout {
  readonly header: string;
  readonly method: number;
  readonly uriStem: number;
  readonly status: number;
  /** sc-win32-status and sc-substatus: numbers beside the reply code that are not reply codes. */
  readonly win32: number;
  readonly substatus: number;
  readonly session: number;
  /** The columns that tell another IIS service's rows apart (s-sitename, cs-version, cs-username). */
  readonly site: number;
  readonly version: number;
  readonly username: number;
  readonly fieldCount: number;
  /** A default layout inferred from a row's shape (no header): only FTP's own commands and events are its rows. */
  readonly inferred: boolean;
}

export interface ScanState {
  readonly block: OpenBlock | undefined;
  readonly iis: IisLayout | undefined;
}

export const INITIAL_STATE: ScanState = { block: undefined, iis: undefined };

function sameBlock(a: OpenBlock | undefined, b: OpenBlock | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.code === b.code && a.channel === b.channel && a.session === b.session && a.family === b.family && a.textNext === b.textNext;
}

/** Structural equality: what the incremental update uses to know the re-scan has converged. */
export function sameState(a: ScanState, b: ScanState): boolean {
  if (a === b) return true;
  return sameBlock(a.block, b.block) && (a.iis === b.iis || (!!a.iis && !!b.iis && a.iis.header === b.iis.header));
}

export function withBlock(state: ScanState, block: OpenBlock | undefined): ScanState {
  if (state.block === block) return state;
  if (!block && !state.iis) return INITIAL_STATE;
  return { block, iis: state.iis };
}

export function withIis(state: ScanState, iis: IisLayout | undefined): ScanState {
  if (state.iis === iis) return state;
  return { block: undefined, iis };
}
