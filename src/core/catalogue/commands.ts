// The FTP command catalogue: lookup by verb and a fast "is this a command?"
// test for the scanner. How an argument may be shown is the secrets rule's.

import commandData from './commands.json';

/** Replies a third-party protocol table accepts for a command beyond the ones its RFC lists. */
export interface AlsoSeenReplies {
  readonly replies: readonly number[];
  readonly source: string;
}

export interface CommandInfo {
  /** Upper-case verb, e.g. `RETR`. */
  readonly verb: string;
  /** One-line description in the project's own words. */
  readonly summary: string;
  /** Argument layout, e.g. `RETR <path>`. */
  readonly syntax: string;
  /** Reply codes the defining RFCs allow for this command, ascending. */
  readonly replies: readonly number[];
  /** Where the command is defined (RFC and section). */
  readonly source: string;
  /** Where the reply list comes from. */
  readonly repliesSource: string;
  readonly alsoSeen?: AlsoSeenReplies;
  /** For the experimental X forms: the standard verb they stand for. */
  readonly aliasOf?: string;
}

const COMMANDS: readonly CommandInfo[] = commandData as readonly CommandInfo[];

const BY_VERB: ReadonlyMap<string, CommandInfo> = new Map(COMMANDS.map((c) => [c.verb, c]));

/** Every catalogued verb, upper case. */
export const COMMAND_VERBS: ReadonlySet<string> = new Set(BY_VERB.keys());

/** All catalogued commands in catalogue order. */
export function allCommands(): readonly CommandInfo[] {
  return COMMANDS;
}

/** Case-insensitive lookup; verbs are at most four letters, so anything longer misses at once. */
export function lookupCommand(verb: string): CommandInfo | undefined {
  if (verb.length === 0 || verb.length > 4) return undefined;
  return BY_VERB.get(verb.toUpperCase());
}

export function isCommandVerb(verb: string): boolean {
  if (verb.length === 0 || verb.length > 4) return false;
  return COMMAND_VERBS.has(verb.toUpperCase());
}
