// `ftp-log`: the core on the command line (check, explain, detect).
// Exit codes: 0 no error found, 1 an error was found, 2 bad usage or unreadable input.

import { analyze } from '../core/analyze';
import { explainReply, replyToMarkdown } from '../core/features/explain';
import { readLog } from './readLog';
import { formatJson, formatText, toCliProblem, type CliProblem } from './output';

const USAGE = `usage: ftp-log check [--format text|json] FILE...
       ftp-log explain CODE
       ftp-log detect FILE`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

function check(args: string[], io: Io): number {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') {
      format = args[++i] ?? '';
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' (text or json)`);
    } else if (a.startsWith('--format=')) {
      format = a.slice('--format='.length);
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' (text or json)`);
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option '${a}'`);
    } else {
      files.push(a);
    }
  }
  if (files.length === 0) throw new UsageError('check needs at least one FILE');
  const problems: CliProblem[] = [];
  let unreadable = false;
  for (const file of files) {
    const read = readLog(file);
    if (read.kind === 'error') {
      io.err(`ftp-log: ${read.reason}`);
      unreadable = true;
      continue;
    }
    if (read.kind === 'binary') {
      io.err(`ftp-log: ${file}: binary file skipped`);
      continue;
    }
    for (const f of analyze(read.text).findings) problems.push(toCliProblem(file, f));
  }
  if (format === 'json') io.out(formatJson(problems));
  else for (const p of problems) io.out(formatText(p));
  if (unreadable) return 2;
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function explain(args: string[], io: Io): number {
  if (args.length !== 1 || !/^\d{3}$/.test(args[0])) throw new UsageError('explain needs one three-digit CODE');
  io.out(replyToMarkdown(explainReply({ code: Number(args[0]) })));
  return 0;
}

function detect(args: string[], io: Io): number {
  if (args.length !== 1) throw new UsageError('detect needs one FILE');
  const read = readLog(args[0]);
  if (read.kind === 'error') {
    io.err(`ftp-log: ${read.reason}`);
    return 2;
  }
  io.out(read.kind === 'binary' ? 'none' : analyze(read.text).family);
  return 0;
}

export function run(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest, io);
      case 'explain':
        return explain(rest, io);
      case 'detect':
        return detect(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`ftp-log: ${e.message}`);
      io.err(USAGE);
      return 2;
    }
    io.err(`ftp-log: ${(e as Error).message}`);
    return 2;
  }
}
