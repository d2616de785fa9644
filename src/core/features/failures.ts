// Next and previous failure: from a position, the nearest 4xx/5xx reply the
// Problems panel lists (the same findings, filtered by the same settings),
// wrapping past either end of the log.

import type { Finding } from '../model';
import { findingsOf, type DetectedSource } from './findings';

export type Direction = 'next' | 'previous';

/** Where a jump lands, and whether it went past the end (or the start) of the log to get there. */
export interface FailureStop {
  readonly finding: Finding;
  readonly wrapped: boolean;
}

/**
 * The failure after (`direction` next) or before (previous) the position
 * `line`:`character`, among the findings whose code `shown` accepts (the
 * settings decide by code alone, so it is asked before a finding is built).
 * A failure that starts exactly at the position is not "after" it: the
 * cursor sits on it, so the jump moves on. Undefined when the log shows none.
 */
export function failureFrom(src: DetectedSource, line: number, character: number, direction: Direction, shown: (code: number) => boolean): FailureStop | undefined {
  if (src.family === 'none' || src.lineCount === 0) return undefined;
  const last = src.lineCount - 1;
  // A position past the last line stands after everything on it.
  const at = Math.max(0, Math.min(line, last));
  if (line > last) character = Number.MAX_SAFE_INTEGER;
  const failureOn = (i: number): Finding | undefined => {
    const code = src.codeOf(i);
    if (code < 400 || code >= 600 || !shown(code)) return undefined;
    return findingsOf(src, i, i + 1)[0];
  };
  // At most one finding per line: the position's own line is looked at twice, on each side of the cursor.
  if (direction === 'next') {
    for (let i = at; i <= last; i++) {
      const f = failureOn(i);
      if (f && (i > at || f.span.start > character)) return { finding: f, wrapped: false };
    }
    for (let i = 0; i <= at; i++) {
      const f = failureOn(i);
      if (f) return { finding: f, wrapped: true };
    }
  } else {
    for (let i = at; i >= 0; i--) {
      const f = failureOn(i);
      if (f && (i < at || f.span.start < character)) return { finding: f, wrapped: false };
    }
    for (let i = last; i >= at; i--) {
      const f = failureOn(i);
      if (f) return { finding: f, wrapped: true };
    }
  }
  return undefined;
}
