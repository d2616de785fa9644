// What a scanned document says, as one string: every line's result, the
// family and the findings. Two documents that compare equal here read alike;
// the incremental and fuzz tests compare an edited document with a fresh one.

import type { LogDocument } from '../../src/core/scan/document';
import { findingsOf } from '../../src/core/features/findings';

export function snapshot(doc: LogDocument): string {
  const out: string[] = [];
  for (let i = 0; i < doc.lineCount; i++) out.push(JSON.stringify(doc.lineResult(i)));
  out.push(doc.family);
  out.push(JSON.stringify(findingsOf(doc)));
  return out.join('\n');
}
