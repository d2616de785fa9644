// `ftp-log check`: the problems the Problems panel shows, streamed: each input
// is read in chunks through the core's FindingStream and every problem is
// printed as its line is read, in file order, in constant memory.

import { FindingStream } from '../core/stream/findingStream';
import { severityPolicy, isSeveritySetting, type PolicyOptions } from '../core/features/severityPolicy';
import { count, last, parseArgs, UsageError, type Parsed } from './args';
import type { Cli } from './context';
import { FORMATS, isItemFormat, reporterFor, runReporterFor, Tally, toCliProblem, type Format } from './output';
import { readLines } from './read';
import { capsOf, CAP_OPTIONS, inputsOf } from './inputs';
import { useColor } from './terminal';
import { parallelRunFor } from './parallel/eligible';
import { checkInParallel, type Shown } from './parallel/checkInParallel';

const CODE = /^[1-6]\d\d$/;
const KEY = /^(?:[1-6]\d\d|[1-6]xx)$/i;

function list(p: Parsed, name: string): string[] {
  return (p.options.get(name) ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** `--ignore 550,450`: codes never reported. */
function ignoredCodes(p: Parsed): string[] {
  const codes = list(p, '--ignore');
  for (const c of codes) if (!CODE.test(c)) throw new UsageError(`--ignore takes reply codes such as 550,450, not '${c}'`);
  return codes;
}

/** `--severity 4xx=error,550=none`: overrides by class or code. */
function severityOverrides(p: Parsed): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of list(p, '--severity')) {
    const [key, value, more] = entry.split('=').map((s) => s.trim());
    if (more !== undefined || !key || !KEY.test(key) || !isSeveritySetting(value)) {
      throw new UsageError(`--severity takes CODE=LEVEL or CLASS=LEVEL (e.g. 4xx=error,550=none; LEVEL: error, warning, information, hint, none), not '${entry}'`);
    }
    out[key.toLowerCase()] = value;
  }
  return out;
}

export async function check(args: string[], cli: Cli): Promise<number> {
  const p = parseArgs(args, ['--format', '--max-problems', '--ignore', '--severity', '--threads', ...CAP_OPTIONS], ['--color', '--no-color']);
  const format = (last(p, '--format') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (${FORMATS.join(', ')})`);
  const maxText = last(p, '--max-problems');
  const max = maxText === undefined ? Infinity : count(maxText, '--max-problems');
  const policyOptions: PolicyOptions = { ignoreCodes: ignoredCodes(p), severity: severityOverrides(p) };
  const policy = severityPolicy(policyOptions);
  const threadsText = last(p, '--threads');
  // One thread unless asked: each more thread costs about as much memory again as the first.
  const threads = threadsText === undefined ? 1 : count(threadsText, '--threads');
  if (threads === 0) throw new UsageError('--threads must be 1 or more');
  const files = inputsOf(p, cli);
  const caps = capsOf(p, cli);
  const color = format === 'text' && useColor(p.flags.has('--no-color') ? false : p.flags.has('--color') ? true : undefined, cli.stdoutIsTTY, cli.env);
  // Text and JSON take runs of problems written by other threads; SARIF numbers its rules as codes first appear, so one thread writes it.
  const runReporter = isItemFormat(format) ? runReporterFor(format, cli.out, color) : undefined;
  const reporter = runReporter ?? reporterFor(format, cli.out, color, cli.version);
  const tally = new Tally();
  const shown: Shown = { shown: 0, max };
  let unreadable = false;

  for (const file of files) {
    const parallel = isItemFormat(format) ? await parallelRunFor(file, caps, format, color, policyOptions, threads, cli) : undefined;
    if (parallel && runReporter) {
      try {
        await checkInParallel(parallel, file, runReporter, cli.out, tally, shown);
        tally.files++;
      } catch (e) {
        const reason = `${file}: ${(e as Error).message}`;
        cli.err(`ftp-log: ${reason}`);
        reporter.unreadable(file, reason);
        unreadable = true;
      }
      continue;
    }
    let stream: FindingStream | undefined;
    const outcome = await readLines(
      file,
      cli.stdin,
      caps,
      (name) => {
        const s = new FindingStream((f) => {
          const severity = policy.severityOf(f.code, f.severity);
          if (!severity) return;
          tally.add(severity);
          if (shown.shown >= max) return;
          shown.shown++;
          reporter.problem(toCliProblem(name, f, severity), f);
        });
        stream = s;
        return { line: (text) => s.push(text), paused: () => s.decideNow(), get done() { return s.done; } };
      },
      // Each chunk's problems go out before the next chunk is waited for (a pipe from `tail -f`).
      () => {
        cli.out.flush();
        return cli.out.drained();
      },
    );
    stream?.end();
    if (outcome.kind === 'binary') cli.err(`ftp-log: ${outcome.name}: binary file skipped`);
    if (outcome.kind === 'error' || outcome.kind === 'capped') {
      cli.err(`ftp-log: ${outcome.reason}`);
      reporter.unreadable(outcome.name, outcome.reason);
      unreadable = true;
    }
    if (outcome.kind !== 'error') tally.files++;
  }
  reporter.end();
  cli.out.flush();
  // Nothing was read (a refused or missing file): its one line says all.
  if (format === 'text' && tally.files > 0) cli.err(tally.summary(shown.shown));
  if (unreadable) return 2;
  return tally.counts.error > 0 ? 1 : 0;
}
