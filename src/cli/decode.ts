// Which text the bytes hold, as VS Code reads a file by default
// (`files.encoding` utf8, no guessing): a UTF-8, UTF-16LE or UTF-16BE
// byte-order mark picks the encoding and is not part of the text; without
// one, zero bytes at every other position of the first 512 mean UTF-16 (VS
// Code's own guess); anything else is UTF-8, and bytes that are not UTF-8
// (Latin-1 text, a cut sequence) each become U+FFFD, as the WHATWG decoder
// VS Code uses does. Any other NUL byte early on means binary.

/** Like git: a NUL byte in the first 8 KiB means the file is not text. */
const SNIFF_BYTES = 8192;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark at the start of `head` names, and the mark's length. */
export function encodingByBom(head: Uint8Array): [Encoding, number] | undefined {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return ['utf-8', 3];
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return ['utf-16le', 2];
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return ['utf-16be', 2];
  return undefined;
}

/** Bytes VS Code looks at for zero bytes when a file has no byte-order mark. */
const ZERO_BYTE_BYTES = 512;

/**
 * UTF-16 without a byte-order mark, as VS Code guesses it (workbench
 * textfile/common/encoding.ts, detectEncodingFromBuffer): the first 512 bytes
 * hold a zero byte, and zero bytes sit at every odd index and at no even one
 * (little-endian ASCII, `A\0B\0`) or the other way round (big-endian).
 */
export function utf16ByZeroBytes(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  let le = true;
  let be = true;
  let zero = false;
  for (let i = 0; i < head.length && i < ZERO_BYTE_BYTES; i++) {
    const odd = i % 2 === 1;
    const isZero = head[i] === 0;
    if (isZero) zero = true;
    if (le && odd !== isZero) le = false;
    if (be && odd === isZero) be = false;
    if (isZero && !le && !be) break;
  }
  if (!zero) return undefined;
  return le ? 'utf-16le' : be ? 'utf-16be' : undefined;
}

export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Text: its encoding and its bytes after the byte-order mark. */
export type Decoded = { kind: 'text'; encoding: Encoding; bytes: AsyncGenerator<Buffer> } | { kind: 'binary' };

/** What `bytes` hold, decided from their first 8 KiB. */
export async function decode(bytes: AsyncIterable<Buffer>): Promise<Decoded> {
  const it = bytes[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  let paused = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    // An empty chunk: a live input paused (input.ts withPauses); once something came, it is what there is to sniff.
    if (next.value.length === 0) {
      paused = headBytes > 0;
      if (paused) break;
      continue;
    }
    // Copied: the source may reuse a chunk's memory for the next one.
    head.push(Buffer.from(next.value));
    headBytes += next.value.length;
  }
  const first = head.length === 1 ? head[0] : Buffer.concat(head);
  const bom = encodingByBom(first);
  const guessed = bom ? undefined : utf16ByZeroBytes(first);
  if (!bom && !guessed && isBinary(first)) {
    await it.return?.();
    return { kind: 'binary' };
  }
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      const body = bom ? first.subarray(bom[1]) : first;
      if (body.length > 0) yield body;
      // The pause that ended the sniffing is the reader's too.
      if (paused) yield Buffer.alloc(0);
      if (!ended) for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.();
    }
  }
  return { kind: 'text', encoding: bom?.[0] ?? guessed ?? 'utf-8', bytes: rest() };
}

/** UTF-16 bytes as text chunks (the mark already dropped: a second one stays, as in VS Code). */
export async function* utf16Text(encoding: 'utf-16le' | 'utf-16be', bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}
