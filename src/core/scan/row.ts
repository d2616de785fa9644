// What the scanner writes for one line: a single mutable record reused for
// every line, so a scan allocates no per-line result object. The line store
// copies it into its columns.

import { LineKind, type FamilyId } from '../model';

export interface Row {
  kind: LineKind;
  family: FamilyId | undefined;
  session: string | undefined;
  /** The reply code, or -1; its three digits start at `codeStart`. */
  code: number;
  codeStart: number;
  textStart: number;
  textEnd: number;
  blockCode: number;
  closes: boolean;
  verb: string | undefined;
  verbStart: number;
  verbEnd: number;
  argStart: number;
  argEnd: number;
}

export function newRow(): Row {
  return clearRow(
    { kind: LineKind.Other, family: undefined, session: undefined, code: -1, codeStart: -1, textStart: -1, textEnd: -1, blockCode: -1, closes: false, verb: undefined, verbStart: -1, verbEnd: -1, argStart: -1, argEnd: -1 },
    LineKind.Other,
    undefined,
    undefined,
  );
}

export function clearRow(r: Row, kind: LineKind, family: FamilyId | undefined, session: string | undefined): Row {
  r.kind = kind;
  r.family = family;
  r.session = session;
  r.code = r.codeStart = r.textStart = r.textEnd = r.blockCode = -1;
  r.closes = false;
  r.verb = undefined;
  r.verbStart = r.verbEnd = r.argStart = r.argEnd = -1;
  return r;
}
