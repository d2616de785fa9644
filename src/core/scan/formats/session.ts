// Session ids are cut from nearly every line of a server log. Consecutive
// lines usually belong to the same session, so reuse the last string instead
// of allocating a new one per line (allocation is what a large scan pays for).

let last = '';

/** `line[start, end)` as a string, shared with the previous call when equal. */
export function sessionText(line: string, start: number, end: number): string {
  const n = end - start;
  if (n === last.length && line.startsWith(last, start)) return last;
  last = line.slice(start, end);
  return last;
}

/** End of the run of ASCII digits starting at `p`. */
export function digitsEnd(line: string, p: number): number {
  while (p < line.length) {
    const c = line.charCodeAt(p);
    if (c < 48 || c > 57) break;
    p++;
  }
  return p;
}
