import { latin1 } from '../../util/latin1';
import type { DissectorContext } from '../../dissector';

/**
 * Small byte helpers shared by the text (line-based) dissectors. Every function checks
 * its bounds: payloads are hostile and may be cut anywhere.
 */

const CR = 0x0d;
const LF = 0x0a;

/** Lower-cases one ASCII letter code. */
export function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** True when `text` (ASCII) occurs at `offset`, letters compared without case. */
export function matchCI(p: Uint8Array, offset: number, text: string): boolean {
  if (offset < 0 || offset + text.length > p.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (lower(p[offset + i]!) !== lower(text.charCodeAt(i))) return false;
  }
  return true;
}

/** True when `text` (ASCII) occurs at `offset`, byte for byte. */
export function matchExact(p: Uint8Array, offset: number, text: string): boolean {
  if (offset < 0 || offset + text.length > p.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (p[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

/** True when the payload ends with CR LF. */
export function endsWithCrlf(p: Uint8Array): boolean {
  return p.length >= 2 && p[p.length - 2] === CR && p[p.length - 1] === LF;
}

/** Latin-1 text of p[start, end), stopping at a NUL byte as a C string would. */
export function text(p: Uint8Array, start: number, end: number): string {
  const s = Math.max(0, start);
  const e = Math.min(p.length, end);
  let stop = s;
  while (stop < e && p[stop] !== 0) stop++;
  return latin1(p, s, stop);
}

/** One line of a payload: [start, end) without its CR LF. */
export interface Line {
  start: number;
  end: number;
}

/**
 * Splits a payload into CR LF-terminated lines, the way nDPI's line parser does: no
 * CR LF at all means no lines; otherwise whatever follows the last CR LF is one more
 * (possibly empty) line. At most `max` lines.
 */
export function splitLines(p: Uint8Array, max = 64): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i + 1 < p.length && lines.length < max; i++) {
    if (p[i] === CR && p[i + 1] === LF) {
      lines.push({ start, end: i });
      start = i + 2;
      i++;
    }
  }
  if (lines.length > 0 && lines.length < max) lines.push({ start, end: p.length });
  return lines;
}

/**
 * The value of a header line "Name: value" (one optional space after the colon), or
 * undefined when the line is not that header. Names compare without case.
 */
export function headerValue(p: Uint8Array, line: Line, name: string): Line | undefined {
  const len = line.end - line.start;
  if (len <= name.length || !matchCI(p, line.start, name) || p[line.start + name.length] !== 0x3a) return undefined;
  let start = line.start + name.length + 1;
  if (start < line.end && p[start] === 0x20) start++;
  return { start, end: line.end };
}

/** Per-dissector scratch state of a flow, created on first use. */
export function scratch<T>(ctx: DissectorContext, key: string, init: () => T): T {
  const map = ctx.state.scratch;
  let s = map.get(key) as T | undefined;
  if (s === undefined) {
    s = init();
    map.set(key, s);
  }
  return s;
}

interface Counter {
  seenAt: number;
  count: number;
}

/**
 * How many payload packets of this flow the text dissectors have seen, this one
 * included (nDPI's per-flow packet counter, which counts packets carrying payload).
 */
export function payloadPacketCount(ctx: DissectorContext): number {
  const c = scratch<Counter>(ctx, 'text:payload-packets', () => ({ seenAt: -1, count: 0 }));
  if (c.seenAt !== ctx.state.packetsInspected) {
    c.seenAt = ctx.state.packetsInspected;
    c.count++;
  }
  return c.count;
}

/** nDPI's host-name character rule: letters, digits, '.', '-', '_' and ':'. */
export function isValidHostname(p: Uint8Array, start: number, end: number): boolean {
  for (let i = Math.max(0, start); i < Math.min(end, p.length); i++) {
    const c = p[i]!;
    const ok =
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
      c === 0x2e || c === 0x2d || c === 0x5f || c === 0x3a;
    if (!ok) return false;
  }
  return true;
}

/** Reads a big-endian 16-bit number; 0 when out of range. */
export function u16(p: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 2 > p.length) return 0;
  return (p[offset]! << 8) | p[offset + 1]!;
}
