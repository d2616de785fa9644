// Bytes to text as VS Code reads a file by default (`files.encoding` utf8,
// no guessing): a UTF-8, UTF-16LE or UTF-16BE byte-order mark picks the
// encoding and is not part of the text; anything else is UTF-8, and bytes
// that are not UTF-8 (Latin-1 text, a cut sequence) each become U+FFFD, as
// the WHATWG decoder VS Code uses does. A NUL byte early on means binary.

/** Like git: a NUL byte in the first 8 KiB means the file is not text. */
const SNIFF_BYTES = 8192;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark at the start of `head` names, or undefined. */
export function encodingByBom(head: Uint8Array): Encoding | undefined {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export type Decoded = { kind: 'text'; encoding: Encoding; chunks: AsyncGenerator<string> } | { kind: 'binary' };

/** The text of `bytes`, decided from its first 8 KiB: binary, or text chunks in order. */
export async function decode(bytes: AsyncIterable<Buffer>): Promise<Decoded> {
  const it = bytes[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = head.length === 1 ? head[0] : Buffer.concat(head);
  const bom = encodingByBom(first);
  if (!bom && isBinary(first)) {
    await it.return?.();
    return { kind: 'binary' };
  }
  const encoding = bom ?? 'utf-8';
  async function* chunks(): AsyncGenerator<string> {
    // The decoder drops the byte-order mark itself (ignoreBOM false), as VS Code does.
    const decoder = new TextDecoder(encoding);
    try {
      if (first.length > 0) yield decoder.decode(first, { stream: true });
      if (!ended) for (let next = await it.next(); !next.done; next = await it.next()) yield decoder.decode(next.value, { stream: true });
      const rest = decoder.decode();
      if (rest.length > 0) yield rest;
    } finally {
      await it.return?.();
    }
  }
  return { kind: 'text', encoding, chunks: chunks() };
}
