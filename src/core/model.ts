// The document model every adapter reads: what the scanner found on each line
// and the replies, commands and findings derived from it. Pure data types.

export type { FamilyId } from './families';
import type { FamilyId } from './families';

/** Columns on one line: `start` inclusive, `end` exclusive, 0-based UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span on a given 0-based line. */
export interface Location extends Span {
  readonly line: number;
}

export const enum LineKind {
  /** Nothing FTP on this line (or only client commentary, headers, decoys). */
  Other = 0,
  /** First (or only) line of a server reply; carries the code. */
  Reply = 1,
  /** A later line of a multi-line reply (including its closing `NNN ` line). */
  Continuation = 2,
  /** A command sent by the client. */
  Command = 3,
  /** A command and the code it drew, logged on one line (IIS, ProFTPD ExtendedLog, pyftpdlib INFO). */
  Exchange = 4,
  /**
   * A line of another protocol in FTP's shapes (SMTP, NNTP, POP3, HTTP, SIP): never a
   * problem, and evidence that the document is not an FTP log. It may carry a code.
   */
  Foreign = 5,
}

/** What the scanner found on one line; depends only on the line and the previous line's end state. */
export interface LineResult {
  readonly kind: LineKind;
  readonly family?: FamilyId;
  /** PID, connection or session id where the format carries one. */
  readonly session?: string;
  /** Reply / Exchange: the reply code and where its three digits are. */
  readonly code?: number;
  readonly codeSpan?: Span;
  /** Reply / Continuation / Exchange: the human text of the reply on this line. */
  readonly textSpan?: Span;
  /** Continuation: the code of the block it belongs to. Closing line: `closes` is set. */
  readonly blockCode?: number;
  readonly closes?: boolean;
  /** Command / Exchange: verb (upper-cased) and where verb and argument are. */
  readonly verb?: string;
  readonly verbSpan?: Span;
  readonly argSpan?: Span;
}

/** One server reply, possibly spanning several lines. */
export interface Reply {
  readonly code: number;
  /** 0-based line of the code and the code's columns. */
  readonly line: number;
  readonly codeSpan: Span;
  /** Last line of the reply (same as `line` for a single-line reply). */
  readonly endLine: number;
  /** The reply text, lines joined with `\n`, without codes and log prefixes. */
  readonly text: string;
  readonly family?: FamilyId;
  readonly session?: string;
}

/** One client command. */
export interface Command {
  readonly verb: string;
  /** The argument as shown to users: a PASS argument is always masked. */
  readonly argument: string;
  readonly line: number;
  readonly verbSpan: Span;
  readonly argSpan?: Span;
  readonly session?: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem the Problems panel and `ftp-log check` show: one per 4xx/5xx reply. */
export interface Finding {
  readonly code: number;
  readonly severity: Severity;
  readonly line: number;
  readonly span: Span;
  /** First line: `<code> <short meaning>: <most likely cause>`. */
  readonly message: string;
  /** The command that drew the reply, when one is known. */
  readonly related?: { readonly line: number; readonly span: Span; readonly message: string };
}
