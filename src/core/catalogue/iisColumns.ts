// Meanings of the two IIS FTP log columns that sit next to sc-status and are
// not reply codes: sc-win32-status (a Windows system error number) and
// sc-substatus (the IIS FTP sub-status, KB 969061).

import subStatusData from './iis-substatus.json';

export interface Win32StatusExplanation {
  readonly code: number;
  /** Windows constant name, e.g. `ERROR_ACCESS_DENIED`; absent for numbers not catalogued here. */
  readonly name?: string;
  /** Own-words meaning, or `Windows error <n>` for numbers not catalogued here. */
  readonly meaning: string;
  readonly source?: string;
}

const WIN32_0_499 = 'Microsoft Learn, System Error Codes (0-499) — MicrosoftDocs/win32 desktop-src/Debug/system-error-codes--0-499-.md';
const WIN32_1000_1299 = 'Microsoft Learn, System Error Codes (1000-1299) — MicrosoftDocs/win32 desktop-src/Debug/system-error-codes--1000-1299-.md';
const WIN32_1300_1699 = 'Microsoft Learn, System Error Codes (1300-1699) — MicrosoftDocs/win32 desktop-src/Debug/system-error-codes--1300-1699-.md';
const WINSOCK = 'Microsoft Learn, Windows Sockets Error Codes — MicrosoftDocs/win32 desktop-src/WinSock/windows-sockets-error-codes-2.md';

// Only numbers whose meaning was checked against Microsoft's error-code pages;
// chosen for what file transfers and logins run into.
const WIN32: ReadonlyMap<number, { name: string; meaning: string; source: string }> = new Map([
  [0, { name: 'ERROR_SUCCESS', meaning: 'No error: the operation succeeded.', source: WIN32_0_499 }],
  [2, { name: 'ERROR_FILE_NOT_FOUND', meaning: 'Windows could not find the file.', source: WIN32_0_499 }],
  [3, { name: 'ERROR_PATH_NOT_FOUND', meaning: 'Windows could not find the path.', source: WIN32_0_499 }],
  [5, { name: 'ERROR_ACCESS_DENIED', meaning: 'Windows denied access.', source: WIN32_0_499 }],
  [32, { name: 'ERROR_SHARING_VIOLATION', meaning: 'The file is in use by another process, so it could not be opened.', source: WIN32_0_499 }],
  [64, { name: 'ERROR_NETNAME_DELETED', meaning: 'The network name at the other end is no longer available.', source: WIN32_0_499 }],
  [80, { name: 'ERROR_FILE_EXISTS', meaning: 'A file with that name already exists.', source: WIN32_0_499 }],
  [112, { name: 'ERROR_DISK_FULL', meaning: 'The disk has no space left.', source: WIN32_0_499 }],
  [121, { name: 'ERROR_SEM_TIMEOUT', meaning: 'A wait ran out of time (the semaphore timeout expired).', source: WIN32_0_499 }],
  [123, { name: 'ERROR_INVALID_NAME', meaning: 'The file, directory or volume name is not valid syntax.', source: WIN32_0_499 }],
  [145, { name: 'ERROR_DIR_NOT_EMPTY', meaning: 'The directory still has entries in it.', source: WIN32_0_499 }],
  [183, { name: 'ERROR_ALREADY_EXISTS', meaning: 'The file to be created is already there.', source: WIN32_0_499 }],
  [1225, { name: 'ERROR_CONNECTION_REFUSED', meaning: 'The other computer refused the network connection.', source: WIN32_1000_1299 }],
  [1236, { name: 'ERROR_CONNECTION_ABORTED', meaning: 'This computer itself aborted the network connection.', source: WIN32_1000_1299 }],
  [1326, { name: 'ERROR_LOGON_FAILURE', meaning: 'Windows rejected the user name or the password.', source: WIN32_1300_1699 }],
  [1330, { name: 'ERROR_PASSWORD_EXPIRED', meaning: 'The password of the account has expired.', source: WIN32_1300_1699 }],
  [1331, { name: 'ERROR_ACCOUNT_DISABLED', meaning: 'The account is disabled and cannot sign in.', source: WIN32_1300_1699 }],
  [1385, { name: 'ERROR_LOGON_TYPE_NOT_GRANTED', meaning: 'The user has not been given the right to this kind of logon on this computer.', source: WIN32_1300_1699 }],
  [10053, { name: 'WSAECONNABORTED', meaning: 'Software on this computer aborted an established connection.', source: WINSOCK }],
  [10054, { name: 'WSAECONNRESET', meaning: 'The other side forcibly closed (reset) the connection.', source: WINSOCK }],
  [10060, { name: 'WSAETIMEDOUT', meaning: 'The other side did not answer in time, so the connection attempt or the connection failed.', source: WINSOCK }],
  [10061, { name: 'WSAECONNREFUSED', meaning: 'The target computer actively refused the connection, usually because nothing serves that port.', source: WINSOCK }],
]);

/**
 * Meaning of a `sc-win32-status` value. Numbers not catalogued here are still
 * named as Windows errors rather than guessed at; `undefined` only for values
 * that cannot be a Windows error number (negative or fractional).
 */
export function explainWin32Status(n: number): Win32StatusExplanation | undefined {
  if (!Number.isSafeInteger(n) || n < 0) return undefined;
  const known = WIN32.get(n);
  return known ? { code: n, ...known } : { code: n, meaning: `Windows error ${n}` };
}

/** The catalogued Win32 numbers, ascending. */
export function knownWin32Statuses(): readonly number[] {
  return [...WIN32.keys()].sort((a, b) => a - b);
}

export interface SubStatusExplanation {
  readonly sub: number;
  readonly meaning: string;
  readonly source: string;
}

/** Shape of catalogue/iis-substatus.json. */
interface SubStatusCatalogue {
  readonly source: string;
  readonly substatus: readonly { readonly value: number; readonly meaning: string }[];
}

const SUBSTATUS_CATALOGUE: SubStatusCatalogue = subStatusData;

const SUBSTATUS: ReadonlyMap<number, string> = new Map(SUBSTATUS_CATALOGUE.substatus.map((e) => [e.value, e.meaning]));

/** Meaning of an IIS FTP `sc-substatus` value; `undefined` when KB 969061 lists no such number. */
export function explainSubStatus(n: number): SubStatusExplanation | undefined {
  const meaning = SUBSTATUS.get(n);
  return meaning === undefined ? undefined : { sub: n, meaning, source: SUBSTATUS_CATALOGUE.source };
}
