/**
 * Git's native protocol (pkt-lines: a 4-hex-digit length that counts itself, then data)
 * as nDPI 4.2 finds it: TCP on port 9418 only, and the first payload packet decides. It
 * must be longer than 4 bytes; nDPI then walks the pkt-lines, reading each length with
 * sscanf("%x") (so leading blanks, a sign or "0x" are accepted and a non-hex digit ends
 * the number). A length of zero (a flush-pkt) or one beyond what is left rules Git out.
 * Quirk: nDPI both advances its offset and shrinks the remaining length by each
 * pkt-line, so the walk stops about half way and a bad length in the second half of the
 * payload goes unseen. Checked against ndpiReader 4.2
 * (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';

const GIT_PORT = 9418;
const LENGTH_DIGITS = 4;

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : -1;
}

/**
 * sscanf("%x") over the 4 bytes at `at` (a C string: a NUL ends it): the unsigned
 * value, or undefined when no digit is found.
 */
export function scanHex4(p: Uint8Array, at: number): number | undefined {
  let end = at;
  while (end < at + LENGTH_DIGITS && end < p.length && p[end] !== 0) end++;
  let i = at;
  while (i < end && (p[i] === 0x20 || (p[i]! >= 0x09 && p[i]! <= 0x0d))) i++;
  let negative = false;
  if (i < end && (p[i] === 0x2b || p[i] === 0x2d)) negative = p[i++] === 0x2d;
  if (i + 1 < end && p[i] === 0x30 && (p[i + 1]! | 0x20) === 0x78 && i + 2 < end && hexDigit(p[i + 2]!) >= 0) i += 2;
  let value = 0, digits = 0;
  while (i < end && hexDigit(p[i]!) >= 0) {
    value = value * 16 + hexDigit(p[i++]!);
    digits++;
  }
  if (digits === 0) return undefined;
  return negative ? (-value >>> 0) : value;
}

/** True when nDPI 4.2's pkt-line walk accepts the payload (ports aside). */
export function isGitPayload(p: Uint8Array): boolean {
  if (p.length <= LENGTH_DIGITS) return false;
  let offset = 0, left = p.length;
  while (offset + LENGTH_DIGITS < left) {
    const length = scanHex4(p, offset);
    if (length === undefined || length === 0 || left < length) return false;
    offset += length;
    left -= length;
  }
  return true;
}

export const GIT: Dissector = {
  protocol: 'Git',
  transports: ['tcp'],
  ports: [GIT_PORT],
  inspect(ctx: DissectorContext): Verdict {
    const onPort = ctx.srcPort === GIT_PORT || ctx.dstPort === GIT_PORT;
    return onPort && isGitPayload(ctx.payload) ? {} : 'no';
  },
};
