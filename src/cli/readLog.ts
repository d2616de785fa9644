// Reads a log for the CLI: never writes, tells binary files apart, and turns
// every failure into one line for stderr.

import { readFileSync } from 'node:fs';

export type ReadResult = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'error'; reason: string };

/** Like git: a NUL byte in the first 8 KiB means the file is not text. */
const SNIFF_BYTES = 8192;

export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function readLog(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT' ? 'no such file' :
      err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' :
      err.code === 'EISDIR' ? 'is a directory' :
      err.message;
    return { kind: 'error', reason: `${path}: ${why}` };
  }
  if (isBinary(bytes)) return { kind: 'binary' };
  return { kind: 'text', text: bytes.toString('utf8') };
}
