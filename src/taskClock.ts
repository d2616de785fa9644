// The extension's own work in the extension host: long work runs in short
// slices, and the longest time any one piece held the host is kept, as part of
// the extension's API, so a test can hold the extension to its bound (garbage
// collection of VS Code's own 50 MB document model is not ours to bound).
//
// Two clocks: wall time, which also counts time the operating system gave to
// other processes, and CPU time, which is what our code costs: of the extension
// host's own thread where its Node can tell (23.9 and later), else of the whole
// host process (an upper bound: it adds the garbage collector's helper threads).

/**
 * How long one slice of long work may hold the extension host. Short, because
 * on a busy machine the operating system may take the CPU from the host in the
 * middle of a slice, and the longer a slice runs the likelier that is.
 */
const SLICE_MS = 4;

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
/** CPU time of the task that took the longest wall time: tells work from waiting for a CPU. */
let cpuOfLongest = 0;

/**
 * Tasks that took over HEAVY_MS of CPU, kept with what they were and the
 * garbage collector's pauses inside them (the collector's reports come in
 * after the task): a pause of a heap that VS Code's own model of a 50 MB
 * document fills is counted apart from the work of our code.
 */
const HEAVY_MS = 50;
interface HeavyTask {
  readonly what: string;
  readonly start: number;
  readonly end: number;
  readonly cpu: number;
  gc: number;
}
const heavy: HeavyTask[] = [];
let longestLightCpu = 0;

interface GcEntry {
  readonly startTime: number;
  readonly duration: number;
}
interface Observer {
  observe(options: { entryTypes: string[] }): void;
}
type ObserverClass = (new (callback: (list: { getEntries(): GcEntry[] }) => void) => Observer) & { supportedEntryTypes?: readonly string[] };
const clockNow = (): number => (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

(() => {
  // Node's extension host reports collections; a web-worker host does not, and counts them with the work.
  const Observer = (globalThis as { PerformanceObserver?: ObserverClass }).PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes('gc')) return;
  try {
    new Observer((list) => {
      for (const e of list.getEntries()) {
        for (const t of heavy) {
          const overlap = Math.min(t.end, e.startTime + e.duration) - Math.max(t.start, e.startTime);
          if (overlap > 0) t.gc += overlap;
        }
      }
    }).observe({ entryTypes: ['gc'] });
  } catch {
    // No collector reports here: heavy tasks keep their whole CPU time.
  }
})();

export function timed<T>(work: () => T, what = 'work'): T {
  const started = Date.now();
  const startedClock = clockNow();
  const cpuStarted = cpuNowMs ? cpuNowMs() : 0;
  try {
    return work();
  } finally {
    const wall = Date.now() - started;
    const cpu = cpuNowMs ? cpuNowMs() - cpuStarted : 0;
    if (wall > longest) {
      longest = wall;
      cpuOfLongest = cpu;
    }
    longestCpu = Math.max(longestCpu, cpu);
    if (cpu > HEAVY_MS) {
      heavy.push({ what, start: startedClock, end: clockNow(), cpu, gc: 0 });
      if (heavy.length > 64) heavy.shift();
    } else {
      longestLightCpu = Math.max(longestLightCpu, cpu);
    }
  }
}

/**
 * Runs `step` (one small chunk of work, returning true once there is nothing
 * left to do) in timed slices of up to SLICE_MS, each a task of its own, the
 * first one too: whatever starts the work (an event handler, a timer) costs
 * its own task only what it does itself. `step` itself checks whether its
 * work is still wanted.
 */
export function inSlices(step: () => boolean, what = 'background work'): void {
  const later = (): void => void setTimeout(() => timed(slice, what), 0);
  const slice = (): void => {
    const started = Date.now();
    while (Date.now() - started < SLICE_MS) if (step()) return;
    later();
  };
  later();
}

/** `inSlices` as a promise: resolves once `step` returns true (a step that sees its work unwanted returns true too). */
export function slicesDone(step: () => boolean, what?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    inSlices(() => {
      try {
        if (!step()) return false;
        resolve();
        return true;
      } catch (e) {
        reject(e);
        return true;
      }
    }, what);
  });
}

/** The longest wall time one task of ours held the extension host, in ms. */
export function longestTaskMs(): number {
  return longest;
}

/** The most CPU time one task of ours took (see above), in ms; undefined where the host cannot measure it. */
export function longestTaskCpuMs(): number | undefined {
  return cpuNowMs ? Math.round(longestCpu) : undefined;
}

/** The CPU time of the task behind longestTaskMs(), in ms; undefined where the host cannot measure it. */
export function cpuOfLongestTaskMs(): number | undefined {
  return cpuNowMs ? Math.round(cpuOfLongest) : undefined;
}

/**
 * The most CPU time one task of ours took less the garbage collector's pauses
 * inside it, in ms (undefined where the host cannot measure CPU time), and
 * what the heaviest tasks were: `what: CPU ms (GC ms)`.
 */
export function longestTaskWork(): { cpuLessGcMs: number | undefined; heaviest: string[] } {
  if (!cpuNowMs) return { cpuLessGcMs: undefined, heaviest: [] };
  let most = longestLightCpu;
  for (const t of heavy) most = Math.max(most, t.cpu - t.gc);
  const heaviest = [...heavy].sort((a, b) => b.cpu - a.cpu).slice(0, 5).map((t) => `${t.what}: ${Math.round(t.cpu)} ms (GC ${Math.round(t.gc)} ms)`);
  return { cpuLessGcMs: Math.round(most), heaviest };
}

export function resetTaskClock(): void {
  longest = 0;
  longestCpu = 0;
  cpuOfLongest = 0;
  longestLightCpu = 0;
  heavy.length = 0;
}
