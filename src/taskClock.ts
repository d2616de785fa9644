// Measures how long the extension's own synchronous work holds the extension
// host, slice by slice; the longest time is part of the extension's API so a
// test can hold the extension to its bound (garbage collection of VS Code's
// own 50 MB document model is not ours to bound).

let longest = 0;

export function timed<T>(work: () => T): T {
  const started = Date.now();
  try {
    return work();
  } finally {
    longest = Math.max(longest, Date.now() - started);
  }
}

export function longestTaskMs(): number {
  return longest;
}

export function resetTaskClock(): void {
  longest = 0;
}
