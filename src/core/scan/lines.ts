// Splitting text into lines the way editors do: CRLF, LF and a bare CR all end a line.

const ANY_EOL = /\r\n|\r|\n/;

/** Splits text into lines without their terminators; an empty text is one empty line. */
export function splitLines(text: string): string[] {
  // split('\n') is several times faster than a regex split; use it when no CR is present.
  if (text.indexOf('\r') < 0) return text.split('\n');
  return text.split(ANY_EOL);
}
