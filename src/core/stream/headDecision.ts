// What a log is, decided from its head (see scan/head.ts): the client
// prefixes it writes (its dialect) and its family, with the head's lines
// scanned under that dialect. Every reader of a log makes the same decision
// from the same head, so pieces of one log read apart read it alike.

import { FamilyTally } from '../scan/tally';
import { detectFromTally, type Detected } from '../scan/detect';
import { Scanner } from '../scan/scanner';
import { INITIAL_STATE } from '../scan/state';
import { familyIndex } from '../scan/lineStore';
import { dialectOfTexts, type Dialect } from '../scan/generic/dialect';
import type { Row } from '../scan/row';
import { inHead } from '../scan/head';

/** A log's head, gathered as its lines come. */
export class HeadLines {
  readonly lines: string[] = [];
  private chars = 0;

  /** Takes `line` while the head has room for it; false (the line not taken) once the head is full. */
  take(line: string): boolean {
    if (!inHead(this.lines.length, this.chars)) return false;
    this.lines.push(line);
    this.chars += line.length;
    return true;
  }
}

export interface HeadDecision {
  readonly dialect: Dialect | undefined;
  readonly family: Detected;
  /** A scanner past the head's lines, and the rows it gave them. */
  readonly scanner: Scanner;
  readonly rows: readonly Row[];
}

export function decideHead(head: readonly string[]): HeadDecision {
  const dialect = dialectOfTexts(head);
  const scanner = new Scanner(INITIAL_STATE, dialect);
  const tally = new FamilyTally();
  const rows = head.map((text) => {
    tally.countText(text);
    const row = scanner.next(text);
    tally.add(row.kind, familyIndex(row.family));
    return { ...row };
  });
  return { dialect, family: detectFromTally(tally), scanner, rows };
}
