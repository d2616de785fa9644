// How an explanation cites: short in the text (RFC 959 §4.2.2, vsftpd
// postlogin.c, Microsoft KB 969061), each citation once, and the full
// repository paths once, on a "Sources" line at the end. Sources are catalogue
// text, never document text; no code spans, so the only backticks a hover
// holds are escaped ones.

/** Repositories by the name a reader knows them by. */
const PROJECTS: Readonly<Record<string, string>> = {
  'dagwieers/vsftpd': 'vsftpd',
  'proftpd/proftpd': 'ProFTPD',
  'jedisct1/pure-ftpd': 'Pure-FTPd',
  'VigourJiang/FileZilla_Server_v0.9.54_beta': 'FileZilla Server 0.9',
  'larygwil/FileZilla-proj': 'FileZilla Server 0.9',
  'sig-rodv/filezilla-server': 'FileZilla Server',
  'basvodde/filezilla': 'FileZilla',
  'giampaolo/pyftpdlib': 'pyftpdlib',
  'mmaraya/netkit-ftp': 'netkit ftp',
  'python/cpython': 'CPython',
  'curl/curl': 'curl',
  'wireshark/wireshark': 'Wireshark',
  'zeek/zeek': 'Zeek',
};

const KB = /\((KB \d+)\)\s*$/;
const REPO = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+) (.+)$/;

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return path.slice(slash + 1);
}

/** One source string may hold several, joined by `; `. */
export function splitSources(sources: readonly string[]): string[] {
  return sources.flatMap((s) => s.split(/;\s+/)).map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * The short form of one source, as Markdown: an RFC section stays as it is, a
 * Microsoft article is its KB number, a repository file is the project and the
 * file's name (`vsftpd postlogin.c`), a Microsoft Learn page its title.
 */
export function shortSource(source: string): string {
  const kb = KB.exec(source);
  if (kb && source.startsWith('MicrosoftDocs/')) return `Microsoft ${kb[1]}`;
  const dash = source.indexOf(' — ');
  if (dash > 0 && source.startsWith('Microsoft Learn')) return escapePlain(source.slice(0, dash));
  const repo = REPO.exec(source);
  if (repo && !/^RFC /.test(source)) {
    const project = PROJECTS[repo[1]] ?? repo[1].slice(repo[1].indexOf('/') + 1);
    const files = repo[2].split(/,\s*/).map((f) => baseName(f.trim()));
    return escapePlain(`${project} ${files.join(', ')}`);
  }
  return escapePlain(source);
}

function escapePlain(s: string): string {
  return s.replace(/[\\`*_[\]<>&|~]/g, '\\$&');
}

/**
 * Citations of one explanation: each short citation is written once, the
 * first time a statement needs it; `all` is every full source, in order.
 */
export class Citations {
  private readonly shown = new Set<string>();
  private readonly full: string[] = [];

  /** ` *(a; b)*` for the sources not cited yet, or '' when every one was. */
  cite(sources: readonly string[], limit = Number.MAX_SAFE_INTEGER): string {
    const fresh: string[] = [];
    for (const s of splitSources(sources)) {
      if (!this.full.includes(s)) this.full.push(s);
      const short = shortSource(s);
      if (this.shown.has(short) || fresh.includes(short)) continue;
      if (fresh.length < limit) fresh.push(short);
    }
    for (const f of fresh) this.shown.add(f);
    return fresh.length === 0 ? '' : ` *(${fresh.join('; ')})*`;
  }

  /** An independent copy: what citing would write next, without citing. */
  copy(): Citations {
    const c = new Citations();
    for (const s of this.shown) c.shown.add(s);
    c.full.push(...this.full);
    return c;
  }

  /** Every full source seen, without repeats. */
  get all(): readonly string[] {
    return this.full;
  }
}
