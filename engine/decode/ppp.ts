import type { DecodedPacket, DecodeSkipReason } from './decoded';
import { u16 } from './bytes';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './ethernet';
import { decodeIp } from './ip';

/** PPP protocol numbers carrying IP (RFC 1332, RFC 5072). */
export const PPP_IPV4 = 0x0021;
export const PPP_IPV6 = 0x0057;

/**
 * A PPP frame as captured on LINKTYPE_PPP / LINKTYPE_PPP_HDLC: optional HDLC address and
 * control bytes (0xff 0x03), then the protocol field, which may be compressed to one
 * byte (an odd first byte means a one-byte protocol, RFC 1661 section 6.5).
 */
export function decodePpp(data: Uint8Array, off: number, end: number, out: DecodedPacket): DecodeSkipReason | null {
  if (end - off >= 2 && data[off] === 0xff && data[off + 1] === 0x03) off += 2;
  if (off >= end) return 'truncated-link-header';
  let protocol: number;
  if (data[off] & 1) {
    protocol = data[off];
    off += 1;
  } else {
    if (end - off < 2) return 'truncated-link-header';
    protocol = u16(data, off);
    off += 2;
  }
  return decodePppPayload(data, off, end, protocol, out, 0);
}

/** Dispatches on a PPP protocol number (shared with PPPoE session frames). */
export function decodePppPayload(
  data: Uint8Array, off: number, end: number, protocol: number, out: DecodedPacket, depth: number,
): DecodeSkipReason | null {
  if (protocol === PPP_IPV4) {
    out.etherType = ETHERTYPE_IPV4;
    return decodeIp(data, off, end, out, depth, 4);
  }
  if (protocol === PPP_IPV6) {
    out.etherType = ETHERTYPE_IPV6;
    return decodeIp(data, off, end, out, depth, 6);
  }
  return 'non-ip';
}
