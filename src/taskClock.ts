// The extension's own work in the extension host: long work runs in short
// slices, and the longest time any one piece held the host is kept, as part of
// the extension's API, so a test can hold the extension to its bound (garbage
// collection of VS Code's own 50 MB document model is not ours to bound).
//
// Two clocks: wall time, which also counts time the operating system gave to
// other processes, and CPU time, which is what our code costs: of the extension
// host's own thread where its Node can tell (23.9 and later), else of the whole
// host process (an upper bound: it adds the garbage collector's helper threads).

/** How long one slice of long work may hold the extension host. */
const SLICE_MS = 15;

interface CpuUsage {
  user: number;
  system: number;
}
interface NodeProcess {
  threadCpuUsage?: () => CpuUsage;
  cpuUsage?: () => CpuUsage;
}
const hostProcess = (globalThis as { process?: NodeProcess }).process;

/** Which CPU clock the host offers: its thread's, its whole process's, or none (web-worker hosts). */
export const cpuClock: 'thread' | 'process' | undefined =
  typeof hostProcess?.threadCpuUsage === 'function' ? 'thread' : typeof hostProcess?.cpuUsage === 'function' ? 'process' : undefined;

/** CPU time so far in ms, on the clock above. */
const cpuNowMs: (() => number) | undefined = cpuClock && (() => {
  const u = cpuClock === 'thread' ? hostProcess!.threadCpuUsage!() : hostProcess!.cpuUsage!();
  return (u.user + u.system) / 1000;
});

let longest = 0;
let longestCpu = 0;

export function timed<T>(work: () => T): T {
  const started = Date.now();
  const cpuStarted = cpuNowMs ? cpuNowMs() : 0;
  try {
    return work();
  } finally {
    longest = Math.max(longest, Date.now() - started);
    if (cpuNowMs) longestCpu = Math.max(longestCpu, cpuNowMs() - cpuStarted);
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

/** The longest wall time one task of ours held the extension host, in ms. */
export function longestTaskMs(): number {
  return longest;
}

/** The most CPU time one task of ours took (see above), in ms; undefined where the host cannot measure it. */
export function longestTaskCpuMs(): number | undefined {
  return cpuNowMs ? Math.round(longestCpu) : undefined;
}

export function resetTaskClock(): void {
  longest = 0;
  longestCpu = 0;
}
