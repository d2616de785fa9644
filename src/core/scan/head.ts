// The head of a log: its first lines, up to a number of lines and a number of
// characters. What a log is — its family, and the client prefixes its
// conversation stands behind — is decided from its head alone, so the editor
// and a command line reading a stream of gigabytes decide alike, and the
// command line decides before it reads on. A log shows what it is well before
// ten thousand lines.

export const HEAD_LINES = 10000;
/** Characters the head may hold: a few huge lines must not make a stream keep megabytes. */
export const HEAD_CHARS = 16 * 1024 * 1024;

/** True when line `i` (0-based), after `charsBefore` characters of the lines before it, belongs to the head. */
export function inHead(i: number, charsBefore: number): boolean {
  return i < HEAD_LINES && charsBefore < HEAD_CHARS;
}

/** How many of `count` lines form the head, given each line's length. */
export function headLength(count: number, lengthOf: (i: number) => number): number {
  let chars = 0;
  let i = 0;
  while (i < count && inHead(i, chars)) chars += lengthOf(i++);
  return i;
}
