// What the thread checking a large log (main) and the threads reading its
// segments (workers) say to each other. Everything here crosses threads by
// structured clone: plain data only.

import type { Severity } from '../../core/model';
import type { PolicyOptions } from '../../core/features/severityPolicy';
import type { Detected } from '../../core/scan/detect';
import type { SegmentPlan, SegmentReport } from '../../core/stream/segment';
import type { ItemFormat } from '../output';

/** What every worker of one file is started with. */
export interface WorkerSetup {
  readonly role: 'ftp-log segment reader';
  /** The path to open, and the name problems are reported under. */
  readonly file: string;
  readonly name: string;
  readonly size: number;
  readonly format: ItemFormat;
  readonly color: boolean;
  readonly policy: PolicyOptions;
}

/** A segment of the file: its bytes `[from, to)`, both line starts; warm-up lines come from `[floor, from)`. */
export interface Segment {
  readonly index: number;
  readonly from: number;
  readonly to: number;
  readonly floor: number;
  /** True for the file's last segment (its last line need not end in a line end). */
  readonly last: boolean;
}

export type ToWorker =
  /** Read a segment (as planned, for a second reading), keeping its problems until told to write or drop them. */
  | { readonly kind: 'read'; readonly segment: Segment; readonly plan?: SegmentPlan }
  /** Write the kept problems of a segment whose first line is log line `base`: the first `limit` of them, pending ones with these servers. */
  | { readonly kind: 'write'; readonly index: number; readonly base: number; readonly servers: ReadonlyArray<string | undefined>; readonly limit: number }
  /** Forget a segment's problems (its reading was a wrong guess). */
  | { readonly kind: 'drop'; readonly index: number }
  /** Nothing more: close the file once the reading under way is done, and end. */
  | { readonly kind: 'end' };

export type FromWorker =
  | {
      readonly kind: 'read';
      readonly index: number;
      readonly family: Detected;
      readonly plan: SegmentPlan;
      readonly report: SegmentReport;
      /** The problems shown, by severity (the severity policy applied). */
      readonly counts: Readonly<Record<Severity, number>>;
    }
  /** Some of a segment's problems as output text (`count` items); `done` on the last piece. */
  | { readonly kind: 'written'; readonly index: number; readonly text: string; readonly count: number; readonly done: boolean }
  | { readonly kind: 'failed'; readonly message: string };
