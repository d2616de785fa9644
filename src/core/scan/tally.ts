// Counts of the evidence format detection weighs, over the lines of a log's
// head (see head.ts): what its family is decided from.

import { LineKind } from '../model';
import { FAMILIES, type FamilyId } from '../families';

export class FamilyTally {
  /** Lines with an FTP event (reply, command, exchange), by family index (see FAMILIES). */
  readonly events = new Int32Array(FAMILIES.length);
  /** Lines recognised as a family's own layout but without an FTP event, by family index. */
  readonly known = new Int32Array(FAMILIES.length);
  /** Unprefixed reply and command lines (raw transcripts and bare client output). */
  rawReplies = 0;
  rawCommands = 0;
  /** Lines of other protocols in FTP's shapes (SMTP, NNTP, POP3, HTTP, SIP). */
  foreign = 0;
  /** Lines that are not empty: what a family's share of the document is measured against. */
  nonEmpty = 0;

  knownOf(family: FamilyId): number {
    return this.known[FAMILIES.indexOf(family)];
  }

  /** Counts a line's text among the document's non-empty lines. */
  countText(text: string): void {
    if (text.length > 0) this.nonEmpty++;
  }

  /** Counts a line of `kind` in the family with index `family` (-1: none). */
  add(kind: LineKind, family: number, sign: 1 | -1 = 1): void {
    if (kind === LineKind.Continuation) return;
    if (kind === LineKind.Foreign) {
      this.foreign += sign;
      return;
    }
    if (kind === LineKind.Other) {
      if (family >= 0) this.known[family] += sign;
      return;
    }
    if (family >= 0) {
      this.events[family] += sign;
    } else if (kind === LineKind.Reply) {
      this.rawReplies += sign;
    } else {
      this.rawCommands += sign;
    }
  }
}
