// Deterministic generator of a large mixed FTP log: sessions in every family
// the scanner knows, with multi-line replies and the decoys each layout
// carries (PIDs, ids, byte counts, ms, ports, Win32 status, file-name digits).

import { between, pick, seeded, type Random } from './random';

type Exchange = { verb?: string; arg?: string; code?: number; text?: string; more?: string[] };

/** One session's conversation: a command and the reply (or replies) it drew. */
function conversation(r: Random): Exchange[] {
  const file = pick(r, ['report_550.pdf', '421-notes.txt', 'backup-2026-11-24.tgz', 'q3.xlsx', 'img_0425.jpg']);
  const ok = r() < 0.7;
  const steps: Exchange[] = [
    { code: 220, text: '(vsFTPd 3.0.5)' },
    { verb: 'USER', arg: pick(r, ['alice', 'bob', 'carol']), code: 331, text: 'Please specify the password.' },
    { verb: 'PASS', arg: 's3cret', code: ok ? 230 : 530, text: ok ? 'Login successful.' : 'Login incorrect.' },
  ];
  if (!ok) return steps;
  steps.push(
    { verb: 'FEAT', code: 211, text: 'Features:', more: [' EPSV', ' MDTM', ' PASV', ' SIZE 550', ' UTF8'] },
    { verb: 'PASV', code: 227, text: `Entering Passive Mode (192,0,2,${between(r, 1, 254)},${between(r, 1, 255)},${between(r, 0, 255)})` },
    { verb: 'SIZE', arg: file, code: 213, text: String(between(r, 100, 99999)) },
    { verb: 'RETR', arg: file, code: 150, text: 'Opening BINARY mode data connection.' },
    r() < 0.8 ? { code: 226, text: 'Transfer complete.' } : { code: 426, text: 'Failure writing network stream.' },
    { verb: 'STOR', arg: 'upload_' + between(r, 100, 999) + '.bin', code: r() < 0.7 ? 553 : 226, text: 'Could not create file.' },
    { verb: 'CWD', arg: '/pub/' + between(r, 100, 999), code: r() < 0.5 ? 550 : 250, text: 'Failed to change directory.' },
    { verb: 'QUIT', code: 221, text: 'Goodbye.' },
  );
  return steps;
}

interface Writer {
  command(verb: string, arg: string | undefined): string;
  reply(code: number, sep: string, text: string): string;
  header?: string[];
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function writers(r: Random, t: { s: number }): Writer[] {
  const clock = () => {
    t.s += between(r, 0, 3);
    const s = t.s % 86400;
    return `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}`;
  };
  const ms = () => pad(between(r, 0, 999), 3);
  const pid = between(r, 100, 65000);
  const ip = `203.0.113.${between(r, 1, 254)}`;
  const masked = (verb: string, arg?: string) => (verb === 'PASS' ? '****' : arg);
  const cmd = (verb: string, arg?: string) => (arg ? `${verb} ${arg}` : verb);
  return [
    { command: (v, a) => cmd(v, a), reply: (c, s, x) => `${c}${s}${x}` },
    { command: (v, a) => `> ${cmd(v, a)}`, reply: (c, s, x) => `< ${c}${s}${x}`, header: [`* Connected to ftp.example.com (${ip}) port 21`] },
    { command: (v, a) => `---> ${cmd(v, masked(v, a))}`, reply: (c, s, x) => `<--- ${c}${s}${x}`, header: [`---- Connecting to ftp.example.com (${ip}) port 21`] },
    { command: (v, a) => `*cmd* '${cmd(v, masked(v, a))}'`, reply: (c, s, x) => `*resp* '${c}${s}${x}'` },
    { command: (v, a) => `> 2026-11-24 ${clock()}.${ms()} ${cmd(v, masked(v, a))}`, reply: (c, s, x) => `< 2026-11-24 ${clock()}.${ms()} ${c}${s}${x}` },
    { command: (v, a) => `Command:\t${cmd(v, masked(v, a))}`, reply: (c, s, x) => `Response:\t${c}${s}${x}`, header: [`Status:\tConnecting to ${ip}:21...`] },
    { command: (v, a) => `2026-11-24 ${clock()} ${pid} 1 Command: ${cmd(v, masked(v, a))}`, reply: (c, s, x) => `2026-11-24 ${clock()} ${pid} 1 Response: ${c}${s}${x}` },
    { command: (v, a) => `(${pad(pid, 6)}) 24/11/2026 ${clock()} - alice (${ip})> ${cmd(v, masked(v, a))}`, reply: (c, s, x) => `(${pad(pid, 6)}) 24/11/2026 ${clock()} - alice (${ip})> ${c}${s}${x}` },
    { command: (v, a) => `2026-11-24T${clock()}.${ms()}Z >> [FTP Session ${pid} ${ip}] ${cmd(v, masked(v, a))}`, reply: (c, s, x) => `2026-11-24T${clock()}.${ms()}Z << [FTP Session ${pid} ${ip}] ${c}${s}${x}` },
    { command: (v, a) => `Tue Nov 24 ${clock()} 2026 [pid ${pid}] [alice] FTP command: Client "${ip}", "${cmd(v, a)}"`, reply: (c, s, x) => `Tue Nov 24 ${clock()} 2026 [pid ${pid}] [alice] FTP response: Client "${ip}", "${c}${s}${x}"` },
    { command: (v, a) => `Nov 24 ${clock()} ftp02 pure-ftpd: (?@${ip}) [DEBUG] Command [${v.toLowerCase()}] [${a ?? ''}]`, reply: (c, s, x) => `Nov 24 ${clock()} ftp02 pure-ftpd: (?@${ip}) [DEBUG] ${c}${s}${x}` },
    { command: (v, a) => `[D 2026-11-24 ${clock()}] ${ip}:${between(r, 1024, 65535)}-[alice] <- ${cmd(v, masked(v, a))}`, reply: (c, s, x) => `[D 2026-11-24 ${clock()}] ${ip}:50811-[alice] -> ${c}${s}${x}` },
  ];
}

/** Families whose lines pair a command with its code, or carry no replies at all. */
function oneLineFamilies(r: Random, t: { s: number }, steps: Exchange[]): string[][] {
  const ip = `192.0.2.${between(r, 1, 254)}`;
  const session = `${pad(between(r, 0, 0xffff), 4)}a9e-0d1b-4c55-9a10-3b7e5d2c8f01`;
  const iis = ['#Software: Microsoft Internet Information Services 10.0', '#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath'];
  const ext: string[] = [];
  const xfer: string[] = [];
  for (const s of steps) {
    if (!s.verb || s.code === undefined) continue;
    const arg = s.verb === 'PASS' ? '***' : s.arg ?? '-';
    iis.push(`2026-11-24 10:00:${pad(t.s++ % 60, 2)} ${ip} alice 198.51.100.5 21 ${s.verb} ${arg} ${s.code} ${s.code >= 500 ? 5 : 0} ${s.code === 530 ? 41 : 0} ${session} /${arg}`);
    ext.push(`client.example.com UNKNOWN alice [24/Nov/2026:10:00:${pad(t.s % 60, 2)} +0000] "${s.verb}${s.verb === 'PASS' ? ' (hidden)' : s.arg ? ' ' + s.arg : ''}" ${s.code} ${between(r, 0, 999)}`);
    xfer.push(`Tue Nov 24 10:03:40 2026 ${between(r, 0, 60)} ${ip} ${between(r, 100, 999)} /in/part_${between(r, 100, 999)}.bin b _ i r alice ftp 0 * ${r() < 0.5 ? 'c' : 'i'}`);
  }
  return [iis, ext, xfer];
}

/** A mixed log of about `lines` lines, the same text for the same seed. */
export function generateLog(lines: number, seed = 42): string {
  const r = seeded(seed);
  const t = { s: 36000 };
  const out: string[] = [];
  while (out.length < lines) {
    const steps = conversation(r);
    const ws = writers(r, t);
    const w = pick(r, ws);
    if (r() < 0.15) {
      for (const block of oneLineFamilies(r, t, steps)) out.push(...block);
      continue;
    }
    if (w.header) out.push(...w.header);
    for (const s of steps) {
      if (s.verb) out.push(w.command(s.verb, s.arg));
      if (s.code === undefined) continue;
      if (s.more) {
        out.push(w.reply(s.code, '-', s.text ?? ''));
        for (const m of s.more) out.push(w.reply === ws[0].reply ? m : w.reply(s.code, '-', m.trim()));
        out.push(w.reply(s.code, ' ', 'End'));
      } else {
        out.push(w.reply(s.code, ' ', s.text ?? ''));
      }
    }
  }
  out.length = lines;
  return out.join('\n');
}
