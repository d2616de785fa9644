// The extension's own work in the extension host: long work runs in short
// slices, and the longest time any one piece held the host is kept, as part of
// the extension's API, so a test can hold the extension to its bound (garbage
// collection of VS Code's own 50 MB document model is not ours to bound).

/** How long one slice of long work may hold the extension host. */
const SLICE_MS = 15;

let longest = 0;

export function timed<T>(work: () => T): T {
  const started = Date.now();
  try {
    return work();
  } finally {
    longest = Math.max(longest, Date.now() - started);
  }
}

/**
 * Runs `step` (one small chunk of work, returning true once there is nothing
 * left to do) for up to SLICE_MS, then yields to the host and carries on in a
 * later, timed slice. `step` itself checks whether its work is still wanted.
 */
export function inSlices(step: () => boolean): void {
  const slice = (): void => {
    const started = Date.now();
    while (Date.now() - started < SLICE_MS) if (step()) return;
    setTimeout(() => timed(slice), 0);
  };
  slice();
}

export function longestTaskMs(): number {
  return longest;
}

export function resetTaskClock(): void {
  longest = 0;
}
