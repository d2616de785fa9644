// Which problems are shown, and with what severity: the one rule behind the
// `ftpLog.diagnostics.ignoreCodes` / `ftpLog.diagnostics.severity` settings and
// the command line's `--ignore` / `--severity`. A code entry wins over its
// class entry (`4xx`, `5xx`); `none` hides, as an ignored code does.

import type { Severity } from '../model';

export type SeveritySetting = Severity | 'none';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'none'];

export interface SeverityPolicy {
  /** The severity a finding of `code` is shown with, or undefined when it is not shown. */
  severityOf(code: number, fallback: Severity): Severity | undefined;
  /** The severity setting that applies to `code` (`fallback` when none does), ignoring aside. */
  settingFor(code: number, fallback: Severity): SeveritySetting;
  /** True when `code` is in the ignored codes. */
  ignores(code: number): boolean;
}

export interface PolicyOptions {
  /** Codes never shown (`"550"` or `550`). */
  readonly ignoreCodes?: readonly (string | number)[];
  /** Overrides keyed by code (`"550"`) or class (`"4xx"`). */
  readonly severity?: Readonly<Record<string, string>>;
}

export function isSeveritySetting(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(v);
}

/** The policy for these options; entries that are not a known severity are left out. */
export function severityPolicy(options: PolicyOptions = {}): SeverityPolicy {
  const ignore = new Set((options.ignoreCodes ?? []).map((x) => String(x).trim()));
  const overrides = new Map<string, SeveritySetting>();
  for (const [key, value] of Object.entries(options.severity ?? {})) {
    if (isSeveritySetting(value)) overrides.set(key.trim().toLowerCase(), value);
  }
  const settingFor = (code: number, fallback: Severity): SeveritySetting => overrides.get(String(code)) ?? overrides.get(`${Math.floor(code / 100)}xx`) ?? fallback;
  const ignores = (code: number): boolean => ignore.has(String(code));
  return {
    severityOf(code, fallback) {
      if (ignores(code)) return undefined;
      const chosen = settingFor(code, fallback);
      return chosen === 'none' ? undefined : chosen;
    },
    settingFor,
    ignores,
  };
}
