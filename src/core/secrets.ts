// The one masking rule for secrets a log may hold: the argument of PASS and
// ACCT (commands are case-insensitive, RFC 959 §5.3; any blank separates the
// argument), SITE PSWD's passwords, the password part of the proxy login forms
// `USER name:secret` and `USER name@host:secret`, and the password in a URL
// (`ftp://user:secret@host/`, RFC 3986 §3.2.1). Every surface that shows
// document text applies it, also to a reply's text: while a multi-line reply is
// open, a client's `pass secret` line reads as text of that reply.

/** What a secret is shown as; fixed, so it tells nothing of the secret's length. */
export const MASK = '****';

// PASS or ACCT (any case) then blanks: the rest of the line is the secret, wherever a log puts the
// command (`---> PASS x`, `Command:\tPASS x`, `09:00:05 pass x`, a client's line inside an open reply),
// unless PASS is part of a word or of a sentence (`… with USER and PASS first.`).
const PASS_LINE = /(?<![A-Za-z])(?<![A-Za-z][ \t]+)((?:PASS|ACCT)[ \t]+)\S.*$/i;
const SITE_PSWD = /(?<![A-Za-z])(SITE[ \t]+PSWD[ \t]+)\S.*$/i;
// `USER name:secret` / `USER name@host:secret`: after the colon of the argument, the rest of the
// line, as for PASS (a password may hold blanks).
const USER_SECRET = /(?<![A-Za-z])(USER[ \t]+[^\s:]+:)\S.*$/i;
// Credentials in a URL: `scheme://user:password@` (a scheme is short: the bound keeps this linear).
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{0,15}:\/\/[^\s/:@]*:)[^\s/@]+@/gi;
// The same cut short before its `@` (the end of a clipped text): the rest may be the password.
const URL_PASSWORD_CUT = /\b([a-z][a-z0-9+.-]{0,15}:\/\/[^\s/:@]*:)[^\s/@]+$/i;

function maskLine(line: string): string {
  let out = line.replace(URL_PASSWORD, `$1${MASK}@`);
  out = out.replace(PASS_LINE, `$1${MASK}`);
  out = out.replace(SITE_PSWD, `$1${MASK}`);
  return out.replace(USER_SECRET, `$1${MASK}`);
}

/** `text` with every secret masked, line by line. */
export function maskSecrets(text: string): string {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return maskLine(text);
  return text.split(/(\r\n|\r|\n)/).map((part, i) => (i % 2 === 1 ? part : maskLine(part))).join('');
}

/** A text that was cut short: a URL at its end whose `@` fell past the cut may end in a password. */
export function maskCutUrl(text: string): string {
  return text.replace(URL_PASSWORD_CUT, `$1${MASK}`);
}

/**
 * A command's argument as it may be shown. PASS and ACCT are replaced whatever
 * they hold — even an already-masked or empty one — so no display path can leak them.
 */
export function maskArgument(verb: string, argument: string): string {
  const v = verb.toUpperCase();
  if (v === 'PASS' || v === 'ACCT') return MASK;
  return maskSecrets(`${v} ${argument}`).slice(v.length + 1);
}
