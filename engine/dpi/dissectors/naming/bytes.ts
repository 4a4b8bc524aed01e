import { formatIPv4Word, formatIPv6Words } from '../../../flows/address';

/** Bounds-checked big-endian readers: each returns -1 when the bytes are not there. */
export function u8(p: Uint8Array, at: number): number {
  return at >= 0 && at < p.length ? p[at] : -1;
}

export function u16(p: Uint8Array, at: number): number {
  return at >= 0 && at + 2 <= p.length ? (p[at] << 8) | p[at + 1] : -1;
}

export function u32(p: Uint8Array, at: number): number {
  return at >= 0 && at + 4 <= p.length ? ((p[at] << 24) | (p[at + 1] << 16) | (p[at + 2] << 8) | p[at + 3]) >>> 0 : -1;
}

/** True when `text` (ASCII) is at `at` in `p`. */
export function startsWithAscii(p: Uint8Array, text: string, at = 0): boolean {
  if (at < 0 || at + text.length > p.length) return false;
  for (let i = 0; i < text.length; i++) if (p[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** True when `text` (ASCII) occurs anywhere in `p`. */
export function containsAscii(p: Uint8Array, text: string): boolean {
  const last = p.length - text.length;
  for (let i = 0; i <= last; i++) if (startsWithAscii(p, text, i)) return true;
  return false;
}

/** Address text of 4 or 16 bytes at `at` (caller checks the length). */
export function addressText(p: Uint8Array, at: number, length: 4 | 16): string | undefined {
  if (at < 0 || at + length > p.length) return undefined;
  if (length === 4) return formatIPv4Word(u32(p, at));
  return formatIPv6Words(u32(p, at), u32(p, at + 4), u32(p, at + 8), u32(p, at + 12));
}

/** The sender's IP address text of the current packet. */
export function senderIp(flow: { clientIp: string; serverIp: string }, fromClient: boolean): string {
  return fromClient ? flow.clientIp : flow.serverIp;
}
