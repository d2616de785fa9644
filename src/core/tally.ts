// Counts of the evidence format detection weighs, kept up to date as lines are
// scanned and re-scanned, so detection never needs another pass over the text.

import { LineKind, type FamilyId } from './model';

export class FamilyTally {
  /** Lines with an FTP event (reply, command, exchange) per family. */
  readonly events = new Map<FamilyId, number>();
  /** Lines recognised as a family's own layout but without an FTP event. */
  readonly known = new Map<FamilyId, number>();
  /** Unprefixed reply and command lines (raw transcripts and bare client output). */
  rawReplies = 0;
  rawCommands = 0;

  add(kind: LineKind, family: FamilyId | undefined, sign: 1 | -1): void {
    if (kind === LineKind.Continuation) return;
    if (kind === LineKind.Other) {
      if (family) this.known.set(family, (this.known.get(family) ?? 0) + sign);
      return;
    }
    if (family) {
      this.events.set(family, (this.events.get(family) ?? 0) + sign);
    } else if (kind === LineKind.Reply) {
      this.rawReplies += sign;
    } else {
      this.rawCommands += sign;
    }
  }
}
