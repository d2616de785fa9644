// FluentFTP (.NET) console and legacy-logger output. FluentFTP copied
// FileZilla's labels (its issue #119), so the FileZilla pane recogniser reads
// its `Command:  ` and `Response: ` lines; this file names the lines that only
// FluentFTP writes, which tell a FluentFTP log from a FileZilla one (registry
// `readBy`). Source: FluentFTP Helpers/Logging/LoggerExtensions.cs
// (`GetLogPrefix`: labels padded to 10 columns), Client/BaseClient/Logger.cs
// (`LogFunction`, `LogVersion`), Client/BaseClient/GetReply.cs.
//
// Which marks are unmistakable, and why:
// - `# Name(args)`, the line each API call opens with (`# Connect(False)`),
//   and `>         Name(args)`, its form in a legacy logger: FileZilla writes
//   no line starting with `#` or `>`, and curl's `> ` is never followed by
//   nine spaces.
// - `Warning:  ` and `Skipped:  ` (drained NOOP replies): no FileZilla
//   catalogue has either label in any language.
// - `Status:   ` and `Error:    ` padded to column 10, which covers the
//   banner `Status:   FluentFTP 10.1.0.0(.NET 8.0)`: FileZilla writes one TAB
//   there, and a paste that turns the TAB into spaces gives 1 space after
//   `Status:` and 2 after `Error:` (tab stops of 2, 4 or 8 columns); 3 and 4
//   need stops every 5 or 10 columns, which no pasted FileZilla log shows.
// - Not marks: `Command:  ` (two spaces are `Command:`'s TAB expanded at a
//   tab width of 2) and `Response: ` (one space is FileZilla's log-file
//   separator). Those lines stay FileZilla's layout: the same reading.
// The reply time FluentFTP appends (`[3ms]`, `[0,048s]`, `[738969.366d]`) is
// reply text after the code, never a code.

import { Channel, Hit, setHit } from './hit';

const PADDED_COLUMN = 10;
const NOTES = ['Warning:  ', 'Skipped:  '];
/** `# Connect(False)`: an API call, closed by its `)` at the end of the line. */
const CALL = /^# [A-Z]\w*\(/;
const LEGACY_CALL = /^> {9}[A-Z]\w*\(/;

/** `Warning:  ` / `Skipped:  ` lines, FluentFTP's own. */
export function recogniseFluentFtpNote(line: string, hit: Hit): boolean {
  const c = line.charCodeAt(0);
  if (c !== 87 /* W */ && c !== 83 /* S */) return false;
  for (const note of NOTES) {
    if (line.startsWith(note)) return setHit(hit, 'fluentftp', Channel.Known, '', 0, 0);
  }
  return false;
}

/** True for FluentFTP's `Status:   ` / `Error:    `: the English label padded to column 10. */
export function isFluentFtpPadding(line: string, label: string, messageStart: number): boolean {
  return messageStart === PADDED_COLUMN && line.charCodeAt(PADDED_COLUMN - 1) === 32 && (label === 'Status:' || label === 'Error:');
}

/** `# Name(args)` (console) or `>         Name(args)` (legacy logger): the call a block of lines belongs to. */
export function recogniseFluentFtpCall(line: string, hit: Hit): boolean {
  if (line.charCodeAt(line.length - 1) !== 41 /* ) */) return false;
  if (!(line.charCodeAt(0) === 35 ? CALL : LEGACY_CALL).test(line)) return false;
  return setHit(hit, 'fluentftp', Channel.Known, '', 0, 0);
}
