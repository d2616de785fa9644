// A copy of a string that shares no memory with the string it came from.
// V8 cuts a piece of 13 or more characters out of a longer string as a view
// that keeps the whole original alive: a session id cut from a line cut from
// a 256 KiB chunk of a log would keep that chunk. What is kept past its line
// (interned sessions, cached messages, remembered servers) is copied first.

/** `text` as a string of its own: the concatenation is flattened into a new string, then cut. */
export function ownText(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
