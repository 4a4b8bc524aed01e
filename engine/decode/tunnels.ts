/**
 * Recognises the tunnel headers carried over UDP. Each function returns the offset of
 * the encapsulated packet, or -1 when the bytes are not (or not enough of) that tunnel,
 * in which case the packet stays an ordinary UDP flow. They only read: the recursion
 * into the inner packet lives in ip.ts.
 */
import { u16 } from './bytes';

export const GTP_U_PORT = 2152;
export const VXLAN_PORT = 4789;
export const TEREDO_PORT = 3544;

const GTP_MANDATORY_HEADER = 8;
const GTP_OPTIONAL_FIELDS = 4;
const GTP_T_PDU = 0xff;
const VXLAN_HEADER = 8;
const ETHERNET_HEADER = 14;
const IPV6_HEADER = 40;

/**
 * GTPv1-U (3GPP TS 29.281) carrying user data (message type T-PDU): 8 mandatory bytes;
 * 4 more when any of the E, S, PN flags is set; then, with E, a chain of extension
 * headers, each `length * 4` bytes long and ending with the next type (0 = last).
 * ndpiReader -t decapsulates the same packets (version 1, T-PDU).
 * Returns the offset of the inner IPv4/IPv6 header.
 */
export function gtpUInnerOffset(data: Uint8Array, off: number, end: number): number {
  if (end - off < GTP_MANDATORY_HEADER) return -1;
  const flags = data[off];
  if (flags >> 5 !== 1 || data[off + 1] !== GTP_T_PDU) return -1;
  let p = off + GTP_MANDATORY_HEADER;
  if (flags & 0x07) {
    if (end - p < GTP_OPTIONAL_FIELDS) return -1;
    let nextType = flags & 0x04 ? data[p + 3] : 0;
    p += GTP_OPTIONAL_FIELDS;
    while (nextType !== 0) {
      if (p >= end) return -1;
      const length = data[p] << 2;
      if (length === 0 || p + length > end) return -1;
      nextType = data[p + length - 1];
      p += length;
    }
  }
  if (p >= end) return -1;
  const version = data[p] >> 4;
  return version === 4 || version === 6 ? p : -1;
}

/**
 * VXLAN (RFC 7348): flags with the I bit (valid VNI), 3 reserved bytes, VNI, 1 reserved
 * byte, then an Ethernet frame. Returns the offset of that frame.
 */
export function vxlanInnerOffset(data: Uint8Array, off: number, end: number): number {
  if (end - off < VXLAN_HEADER + ETHERNET_HEADER) return -1;
  if ((data[off] & 0x08) === 0) return -1;
  return off + VXLAN_HEADER;
}

/**
 * Teredo (RFC 4380): an IPv6 packet in UDP, optionally preceded by an authentication
 * indicator (0x0001, id and auth lengths, nonce, confirmation byte) and/or an origin
 * indicator (0x0000, 8 bytes). Returns the offset of the IPv6 header.
 */
export function teredoInnerOffset(data: Uint8Array, off: number, end: number): number {
  let p = off;
  if (end - p >= 4 && u16(data, p) === 0x0001) {
    p += 4 + data[p + 2] + data[p + 3] + 8 + 1;
  }
  if (end - p >= 8 && u16(data, p) === 0x0000) p += 8;
  if (end - p < IPV6_HEADER || data[p] >> 4 !== 6) return -1;
  return p;
}
