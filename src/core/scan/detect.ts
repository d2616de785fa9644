// Names the log family of a document from the tallies of its lines, or `none`
// when nothing in it is FTP. Families are decided on evidence a non-FTP log
// cannot carry by accident: a reply or command in the family's own layout, or
// (for logs that hold no replies: xferlog, ProFTPD's SystemLog, servers at
// their default verbosity) their strict line shape, when it is a real share
// of the document.

import { BARE_REPLY_CLIENTS, FAMILIES, SHAPE_FAMILIES, clientsReadBy, hasSharedLayout, type FamilyId } from '../families';
import type { FamilyTally } from './tally';

export type Detected = FamilyId | 'none';

/**
 * Another protocol's lines (SMTP, NNTP, POP3, HTTP, SIP) outweigh a family
 * with no layout of its own when they are a quarter of its events or more: an
 * SMTP session is `220`, `250-`, `QUIT` and `221` like an FTP one, and only
 * its EHLO, MAIL FROM, RCPT TO, DATA, 354 and enhanced codes tell it apart.
 */
const FOREIGN_SHARE = 4;

/**
 * A family known by the shape of its lines alone must have at least this many
 * of them, and be at least a tenth (SHAPE_SHARE_PERCENT) of the non-empty
 * lines: a server's own log (or a journal filtered to it) is mostly its lines,
 * while a system log of sshd, cron, the kernel and postfix that happens to hold
 * one `vsftpd[..]: CONNECT` line, or a few among thousands, is not an FTP log.
 */
const MIN_SHAPE_LINES = 2;
const SHAPE_SHARE_PERCENT = 10;

function isRealShare(count: number, nonEmpty: number): boolean {
  return count >= MIN_SHAPE_LINES && count * 100 >= nonEmpty * SHAPE_SHARE_PERCENT;
}

export function detectFromTally(t: FamilyTally): Detected {
  const detected = bestFamily(t);
  if (detected === 'none') return detected;
  if (hasSharedLayout(detected) && t.foreign * FOREIGN_SHARE >= eventsOf(t, detected)) return 'none';
  return namedClient(t, detected) ?? detected;
}

/** The client whose own lines name a log that `family`'s recogniser read, if any does. */
function namedClient(t: FamilyTally, family: FamilyId): FamilyId | undefined {
  let best: FamilyId | undefined;
  let bestCount = 0;
  for (const client of clientsReadBy(family)) {
    const count = t.knownOf(client);
    if (count > bestCount) {
      best = client;
      bestCount = count;
    }
  }
  return best;
}

/** The client whose own lines are beside a document's bare replies: the one with the most of them. */
function bareReplyClient(t: FamilyTally): FamilyId | undefined {
  let best: FamilyId | undefined;
  let bestCount = 0;
  for (const client of BARE_REPLY_CLIENTS) {
    const i = FAMILIES.indexOf(client);
    const count = t.known[i] + t.events[i];
    if (count > bestCount) {
      best = client;
      bestCount = count;
    }
  }
  return best;
}

function eventsOf(t: FamilyTally, family: FamilyId): number {
  if (family === 'raw' || BARE_REPLY_CLIENTS.includes(family)) return t.rawReplies + t.rawCommands + t.events[FAMILIES.indexOf(family)];
  if (family === 'commons-net') return t.events[FAMILIES.indexOf('curl')];
  return t.events[FAMILIES.indexOf(family)];
}

function bestFamily(t: FamilyTally): Detected {
  let best: FamilyId | undefined;
  let bestCount = 0;
  for (let i = 0; i < FAMILIES.length; i++) {
    if (t.events[i] > bestCount) {
      best = FAMILIES[i];
      bestCount = t.events[i];
    }
  }
  for (const family of SHAPE_FAMILIES) {
    const count = t.knownOf(family);
    if (count > bestCount && isRealShare(count, t.nonEmpty)) {
      best = family;
      bestCount = count;
    }
  }
  const client = bareReplyClient(t);
  const raw = t.rawReplies + t.rawCommands;
  const rawIsFtp = t.rawReplies > 0 && (t.rawCommands > 0 || t.rawReplies > 1 || client !== undefined);
  if (rawIsFtp && raw > bestCount) return client ?? 'raw';
  if (!best) return 'none';
  // `< `/`> ` lines are curl's unless curl's own commentary is missing: then Commons Net printed them.
  if (best === 'curl' && t.knownOf('curl') === 0) return 'commons-net';
  return best;
}
