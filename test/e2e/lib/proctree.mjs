// Stops a process and everything it started. VS Code's server forks an
// extension host per browser connection, and those fork file watchers and
// language servers; killing only the top process orphans them, so the whole
// tree is collected from /proc first and killed from the leaves up. Processes
// are only ever addressed by the id we started, never by name.
import { readdirSync, readFileSync } from 'node:fs';

/** Parent id of every live process, read from /proc/<pid>/stat. */
function parentMap() {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: the
      // fields we need follow the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(rest[1]));
    } catch {
      // The process ended while we were reading: nothing to collect.
    }
  }
  return parents;
}

/** Ids of all descendants of `root`, deepest first. */
export function descendantsOf(root) {
  const parents = parentMap();
  const children = new Map();
  for (const [pid, ppid] of parents) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const ordered = [];
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      walk(child);
      ordered.push(child);
    }
  };
  walk(root);
  return ordered;
}

/** Start time of a process (clock ticks since boot), to tell it from a later one with the same id. */
export function startTimeOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return null;
  }
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/**
 * Synchronous variant for `process.on('exit')`, where nothing asynchronous
 * runs any more: SIGKILL to the tree (leaves first) and to the process group
 * the root leads (it was spawned detached), which also reaches children that
 * were re-parented after their parent died.
 */
export function killTreeNow(root) {
  for (const pid of descendantsOf(root)) signal(pid, 'SIGKILL');
  signal(root, 'SIGKILL');
  signal(-root, 'SIGKILL');
}

/**
 * SIGTERM to the tree (leaves first), wait up to `graceMs`, then SIGKILL to
 * whatever is left, including the process group of the root.
 */
export async function killTree(root, graceMs = 3000) {
  const seen = new Set([...descendantsOf(root), root]);
  for (const pid of seen) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    // Children forked during shutdown join the set.
    for (const pid of descendantsOf(root)) seen.add(pid);
    if ([...seen].every((pid) => !isAlive(pid))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const pid of [...descendantsOf(root), ...seen]) signal(pid, 'SIGKILL');
  signal(-root, 'SIGKILL');
}
