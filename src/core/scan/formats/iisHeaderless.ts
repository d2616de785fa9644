// IIS FTP rows without their `#Fields:` header (a pasted fragment, a log
// rotated mid-session), read in the layouts IIS writes by default. Each is
// recognised by the shape of the whole row, field by field: dates, times and
// addresses where IIS writes them, the method a catalogued FTP command or one
// of FTP's own events (checked by the row reader), sc-status three digits or
// `-`, the Win32 and sub-status columns integers, and the marks no other log
// has (IIS 7's GUID session, IIS 6's `[N]` counter glued to the method). A
// line of any other shape is left to the other families: never a guess.

import type { IisLayout } from '../state';
import type { Hit } from './hit';
import { IisMatch, layoutOf, recogniseIisData } from './iis';
import { stickyEnd } from './syntax';

const DATE = String.raw`\d{4}-\d\d-\d\d`;
const TIME = String.raw`\d\d:\d\d:\d\d`;
/** IPv4, or IPv6 (with an IPv4 tail when mapped). */
const IP = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?:\.\d{1,3}){3})?)`;
const PORT = String.raw`\d{1,5}`;
const ANY = '[^ ]+';
const STATUS = String.raw`(?:\d{3}|-)`;
const INT = String.raw`\d+`;
const GUID = String.raw`[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}`;
/** IIS 7's method: a word (the row reader wants a catalogued verb or an infrastructure event). */
const METHOD = '[A-Za-z]+';
/** IIS 5/6's method with the connection counter glued to it: `[135]PASS`, `[62]sent`. */
const GLUED_METHOD = String.raw`\[\d+\][A-Za-z]+`;

interface Shape {
  readonly layout: IisLayout;
  /** The whole row, sticky at column 0. */
  readonly row: RegExp;
}

function shape(fields: string, ...values: string[]): Shape {
  const layout = layoutOf(`#Fields: ${fields}`, true)!;
  return { layout, row: new RegExp(values.join(' ') + '$', 'y') };
}

/** Layouts whose rows start with the date (IIS 7+ FTPSVC, and IIS 6 with every field chosen). */
const DATED: readonly Shape[] = [
  // IIS 7-10 FTPSVC default (IPBan's IIS_FTP recipe; elastic/integrations#4389).
  shape(
    'date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath',
    DATE, TIME, IP, ANY, IP, PORT, METHOD, ANY, STATUS, INT, INT, GUID, ANY,
  ),
  // IIS 6 MSFTPSVC with every field chosen, date included (Wazuh's msftp decoder expects it).
  shape(
    'date time c-ip cs-username s-sitename s-computername s-ip s-port cs-method cs-uri-stem cs-uri-query sc-status sc-win32-status sc-bytes cs-bytes time-taken cs-version cs-host cs(User-Agent) cs(Cookie) cs(Referer)',
    DATE, TIME, IP, ANY, String.raw`MSFTPSVC\d+`, ANY, IP, PORT, GLUED_METHOD, ANY, ANY, STATUS, INT, INT, INT, INT, 'FTP', ANY, ANY, ANY, ANY,
  ),
];

/** IIS 5/6 MSFTPSVC layouts: the time alone (the date is in `#Date:`). */
const TIMED: readonly Shape[] = [
  // IIS's default field set (ossec-docs microsoft FTP samples).
  shape('time c-ip cs-method cs-uri-stem sc-status sc-win32-status', TIME, IP, GLUED_METHOD, ANY, STATUS, INT),
  // Without sc-win32-status, with the user and the port (an IIS 5.0 log explained on msmvps.com).
  shape('time c-ip cs-username s-port cs-method cs-uri-stem sc-status', TIME, IP, ANY, PORT, GLUED_METHOD, ANY, STATUS),
  // Every field chosen (ossec-docs).
  shape(
    'time c-ip cs-username s-sitename s-computername s-ip s-port cs-method cs-uri-stem cs-uri-query sc-status sc-win32-status sc-bytes cs-bytes time-taken cs-version cs-host cs(User-Agent) cs(Cookie) cs(Referer)',
    TIME, IP, ANY, String.raw`MSFTPSVC\d+`, ANY, IP, PORT, GLUED_METHOD, ANY, ANY, STATUS, INT, INT, INT, INT, 'FTP', ANY, ANY, ANY, ANY,
  ),
];

/** The regular expressions of the shapes, for the test that they cannot backtrack. */
export const HEADERLESS_ROWS: readonly RegExp[] = [...DATED, ...TIMED].map((s) => s.row);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The default layout whose shape `line` has (its columns, for the queries that read them), or undefined. */
export function headerlessLayoutOf(line: string): IisLayout | undefined {
  if (!isDigit(line.charCodeAt(0))) return undefined;
  const shapes = line.charCodeAt(4) === 45 /* - */ ? DATED : line.charCodeAt(2) === 58 /* : */ ? TIMED : [];
  return shapes.find((s) => stickyEnd(s.row, line, 0) >= 0)?.layout;
}

/** Reads `line` as an FTP row of one of IIS's default layouts; false when it has none of their shapes. */
export function recogniseHeaderlessIis(line: string, hit: Hit): boolean {
  if (!isDigit(line.charCodeAt(0))) return false;
  const shapes = line.charCodeAt(4) === 45 /* - */ ? DATED : line.charCodeAt(2) === 58 /* : */ ? TIMED : undefined;
  if (!shapes) return false;
  for (const s of shapes) {
    if (stickyEnd(s.row, line, 0) >= 0) return recogniseIisData(line, s.layout, hit) === IisMatch.Row;
  }
  return false;
}
