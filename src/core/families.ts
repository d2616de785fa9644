// The one registry of log families. The line store, the tally, detection, the
// server hint of the hover, the fixture tests and the README check all read
// it: a new family is one entry here plus its recogniser and fixtures.

export interface Family {
  /** What `ftp-log detect` prints and the fixture folder is named. */
  readonly id: string;
  /** How a person names the log, e.g. `vsftpd (log_ftp_protocol)`. */
  readonly label: string;
  /** The server that writes the log, when the family is a server's own log. */
  readonly server?: string;
  /** False for logs that never carry a reply code (transfers or events only). */
  readonly logsReplies: boolean;
  /**
   * Also detected by the strict shape of its lines alone, without a reply or a
   * command: logs that carry none at all, or none at the server's default
   * verbosity (vsftpd without log_ftp_protocol, Pure-FTPd without -d).
   */
  readonly byShape?: boolean;
  /**
   * Its lines have no layout of their own beyond FTP's and words anyone may
   * write (bare replies, `<`/`>` markers, `Command:`/`Response:` labels, a
   * learned prefix), or its files are written by other services too (IIS's
   * SMTP service writes the same W3C files as its FTP service, with QUIT and
   * AUTH rows that read like FTP's): other protocols' lines in a document mean
   * it is not this family's log, and behind a tool's prefix its replies and
   * commands alone do not name it.
   */
  readonly sharedLayout?: boolean;
  /**
   * A client whose lines another family's recogniser reads (FluentFTP's
   * `Command:  USER` is FileZilla's layout): the document is this family's
   * when that family is detected and the client's own lines (its banner,
   * status texts, the marks it alone makes) outnumber every other such client's.
   */
  readonly readBy?: string;
  /**
   * A client that prints the server's replies bare, as a raw transcript has
   * them, beside lines of its own (prompts, commands behind its marker): a
   * raw transcript with this client's lines is its log.
   */
  readonly bareReplies?: boolean;
  /**
   * A server that hands a session to another process at login (vsftpd's
   * privilege separation: the process that logs in is not the one that
   * connected): a new process whose first line names the user and address of
   * a session still logging in continues that session.
   */
  readonly loginInNewProcess?: boolean;
}

export const FAMILY_LIST = [
  { id: 'raw', label: 'FTP control-connection transcript', logsReplies: true, sharedLayout: true },
  { id: 'curl', label: 'curl -v', logsReplies: true, sharedLayout: true },
  { id: 'lftp', label: 'lftp debug', logsReplies: true, sharedLayout: true },
  { id: 'ftplib', label: 'Python ftplib debug', logsReplies: true },
  { id: 'windows-ftp', label: 'Windows ftp.exe', logsReplies: true, sharedLayout: true, bareReplies: true },
  { id: 'bsd-ftp', label: 'BSD ftp client (BSD, netkit, tnftp)', logsReplies: true, sharedLayout: true, bareReplies: true },
  { id: 'wget', label: 'GNU wget (-S, -d)', logsReplies: true, sharedLayout: true, bareReplies: true },
  { id: 'nppftp', label: 'NppFTP (Notepad++)', logsReplies: true, sharedLayout: true, bareReplies: true },
  { id: 'winscp', label: 'WinSCP session log', logsReplies: true },
  { id: 'filezilla', label: 'FileZilla client', logsReplies: true, sharedLayout: true },
  { id: 'filezilla-server-legacy', label: 'FileZilla Server 0.9', server: 'FileZilla Server 0.9', logsReplies: true },
  { id: 'filezilla-server', label: 'FileZilla Server 1.x', server: 'FileZilla Server 1.x', logsReplies: true },
  { id: 'fluentftp', label: 'FluentFTP (.NET)', logsReplies: true, readBy: 'filezilla' },
  { id: 'vsftpd', label: 'vsftpd', server: 'vsftpd', logsReplies: true, byShape: true, loginInNewProcess: true },
  { id: 'xferlog', label: 'xferlog (transfers)', logsReplies: false, byShape: true },
  { id: 'proftpd', label: 'ProFTPD SystemLog', server: 'ProFTPD', logsReplies: false, byShape: true },
  { id: 'proftpd-extlog', label: 'ProFTPD ExtendedLog', server: 'ProFTPD', logsReplies: true },
  { id: 'pure-ftpd', label: 'Pure-FTPd', server: 'Pure-FTPd', logsReplies: true, byShape: true },
  { id: 'iis', label: 'IIS FTP (W3C)', server: 'IIS FTP', logsReplies: true, sharedLayout: true },
  { id: 'pyftpdlib', label: 'pyftpdlib', server: 'pyftpdlib', logsReplies: true },
  { id: 'wu-ftpd', label: 'wu-ftpd (syslog)', server: 'wu-ftpd', logsReplies: true, byShape: true },
  { id: 'bsd-ftpd', label: 'BSD / Solaris / macOS ftpd (syslog)', server: 'BSD ftpd', logsReplies: true, byShape: true },
  { id: 'sftpgo', label: 'SFTPGo', server: 'SFTPGo', logsReplies: true, byShape: true },
  { id: 'aioftp', label: 'aioftp', server: 'aioftp', logsReplies: true },
  { id: 'commons-net', label: 'Apache Commons Net PrintCommandListener', logsReplies: true, sharedLayout: true },
  { id: 'basic-ftp', label: 'basic-ftp (Node.js; FTP-Deploy-Action, ftp-deploy)', logsReplies: true, sharedLayout: true, readBy: 'commons-net' },
  { id: 'node-ftp', label: 'node-ftp (the Node.js ftp package)', logsReplies: true },
  { id: 'rclone', label: 'rclone FTP backend (--dump headers)', logsReplies: true },
  { id: 'perl-net-ftp', label: 'Perl Net::FTP (Debug)', logsReplies: true },
  { id: 'ruby-net-ftp', label: 'Ruby Net::FTP (debug_mode)', logsReplies: true, sharedLayout: true },
  { id: 'vscode-sftp', label: 'VS Code SFTP extension (FTP, debug)', logsReplies: true },
  { id: 'generic', label: 'FTP client log', logsReplies: true, sharedLayout: true },
] as const satisfies readonly Family[];

export type FamilyId = (typeof FAMILY_LIST)[number]['id'];

/** Family ids in registry order; a row stores a family as its index here. */
export const FAMILIES: readonly FamilyId[] = FAMILY_LIST.map((f) => f.id);

const BY_ID: ReadonlyMap<string, Family> = new Map(FAMILY_LIST.map((f) => [f.id, f]));

export function familyInfo(id: FamilyId): Family {
  return BY_ID.get(id)!;
}

export function isFamilyId(id: string): id is FamilyId {
  return BY_ID.has(id);
}

/** Families detected by the shape of their lines (they carry no replies or commands). */
export const SHAPE_FAMILIES: readonly FamilyId[] = FAMILY_LIST.filter((f: Family) => f.byShape).map((f) => f.id);

/** Whether `family` is one whose lines other protocols' transcripts share (see Family.sharedLayout). */
export function hasSharedLayout(family: FamilyId): boolean {
  return (BY_ID.get(family) as Family).sharedLayout === true;
}

/** Clients that print replies bare beside lines of their own (see Family.bareReplies). */
export const BARE_REPLY_CLIENTS: readonly FamilyId[] = FAMILY_LIST.filter((f: Family) => f.bareReplies).map((f) => f.id);

/** Named clients whose lines `family`'s recogniser reads (see Family.readBy). */
export function clientsReadBy(family: FamilyId): readonly FamilyId[] {
  return FAMILY_LIST.filter((f: Family) => f.readBy === family).map((f) => f.id);
}

/** The server that writes logs of `family`, when the family says so. */
export function serverOfFamily(family: string): string | undefined {
  return BY_ID.get(family)?.server;
}
