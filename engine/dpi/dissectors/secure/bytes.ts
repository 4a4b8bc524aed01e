/**
 * Bounds-checked reads over hostile payloads. Every reader returns -1 (or undefined)
 * past the end instead of throwing, so dissectors can parse untrusted bytes safely.
 */

export function u8(b: Uint8Array, at: number): number {
  return at >= 0 && at < b.length ? b[at] : -1;
}

export function u16(b: Uint8Array, at: number): number {
  return at >= 0 && at + 2 <= b.length ? (b[at] << 8) | b[at + 1] : -1;
}

export function u24(b: Uint8Array, at: number): number {
  return at >= 0 && at + 3 <= b.length ? (b[at] << 16) | (b[at + 1] << 8) | b[at + 2] : -1;
}

export function u32(b: Uint8Array, at: number): number {
  return at >= 0 && at + 4 <= b.length ? ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0 : -1;
}

export function u32le(b: Uint8Array, at: number): number {
  return at >= 0 && at + 4 <= b.length ? ((b[at + 3] << 24) | (b[at + 2] << 16) | (b[at + 1] << 8) | b[at]) >>> 0 : -1;
}

export function u16le(b: Uint8Array, at: number): number {
  return at >= 0 && at + 2 <= b.length ? b[at] | (b[at + 1] << 8) : -1;
}

/** A sub-view, or undefined when [at, at+len) is not inside b. */
export function slice(b: Uint8Array, at: number, len: number): Uint8Array | undefined {
  if (at < 0 || len < 0 || at + len > b.length) return undefined;
  return b.subarray(at, at + len);
}

export { latin1 } from '../../util/latin1';

export function startsWith(b: Uint8Array, text: string, at = 0): boolean {
  if (at < 0 || at + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Per-flow scratch object for one dissector, created on first use. */
export function scratchOf<T>(scratch: Map<string, unknown>, key: string, make: () => T): T {
  let s = scratch.get(key) as T | undefined;
  if (s === undefined) {
    s = make();
    scratch.set(key, s);
  }
  return s;
}
