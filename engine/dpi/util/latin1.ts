/**
 * Bytes to text for the dissectors. Building a string one `String.fromCharCode` at a time
 * allocates a string per character; on the benchmark capture that made certificate
 * parsing and DNS names the largest source of garbage of the L7 stage. These helpers
 * make one string per call.
 */

// Node's native Latin-1 decoder, applied to any Uint8Array (not only a Buffer). Exactly
// ISO-8859-1: one character per byte, 0x80-0x9f included (TextDecoder's "latin1" is
// windows-1252 and maps those bytes elsewhere).
const nativeLatin1 = (Buffer.prototype as unknown as { latin1Slice(this: Uint8Array, start: number, end: number): string }).latin1Slice;

/** Latin-1 text of b[start, end) (clamped to the array). */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  const s = Math.max(0, Math.min(start, b.length));
  const e = Math.max(s, Math.min(end, b.length));
  return e === s ? '' : nativeLatin1.call(b, s, e);
}

/** Room to build text byte by byte before making it a string (names are short). */
const scratch = new Uint8Array(4096);

/**
 * Collects bytes and makes them one string: for text the dissectors transform as they
 * read it (lower-casing, replacing invalid bytes). Longer text than the scratch holds is
 * cut, which no caller reaches (host names stop at 256 characters).
 */
export class TextBuilder {
  length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  push(byte: number): void {
    if (this.length < scratch.length) scratch[this.length++] = byte;
  }

  text(): string {
    return latin1(scratch, 0, this.length);
  }
}
