/**
 * Which addresses get geolocated, and in which address family they are looked up.
 *
 * ntopng gives private, loopback, link-local, multicast and reserved addresses no
 * country; the bundled country database, though, has entries for some of them (it answers
 * "AU" for 192.168.1.10), so they are filtered here before any database is asked.
 * An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is looked up as its IPv4 address.
 */
import { isIP } from 'node:net';
import { parseIPv4, parseIPv6 } from '../flows/address';

export interface GeoAddress {
  family: 4 | 6;
  /** The text to hand to an mmdb reader (dotted quad for IPv4, including a mapped IPv6). */
  text: string;
}

/** [first byte(s) as a prefix, prefix length in bits] */
type Range = readonly [readonly number[], number];

/** IANA special-purpose IPv4 ranges (RFC 6890 and updates) that have no location. */
const IPV4_NOT_GLOBAL: readonly Range[] = [
  [[0], 8], // "this network"
  [[10], 8], // private (RFC 1918)
  [[100, 64], 10], // shared address space / CGNAT (RFC 6598)
  [[127], 8], // loopback
  [[169, 254], 16], // link-local
  [[172, 16], 12], // private
  [[192, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2], 24], // TEST-NET-1
  [[192, 31, 196], 24], // AS112-v4
  [[192, 52, 193], 24], // AMT
  [[192, 88, 99], 24], // deprecated 6to4 relay anycast
  [[192, 168], 16], // private
  [[192, 175, 48], 24], // direct delegation AS112
  [[198, 18], 15], // benchmarking
  [[198, 51, 100], 24], // TEST-NET-2
  [[203, 0, 113], 24], // TEST-NET-3
  [[224], 4], // multicast
  [[240], 4], // reserved, and 255.255.255.255 broadcast
];

/** IPv6: only global unicast (2000::/3) is geolocated, minus these special ranges. */
const IPV6_NOT_GLOBAL: readonly Range[] = [
  [[0x20, 0x01, 0x00, 0x00], 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID, ...)
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x3f, 0xff], 20], // documentation (RFC 9637)
];

function inRange(bytes: readonly number[], [prefix, bits]: Range): boolean {
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (prefix[i] ?? 0)) return false;
  }
  return true;
}

function ipv4Bytes(text: string): number[] | undefined {
  try {
    return parseIPv4(text);
  } catch {
    return undefined;
  }
}

/** Whether an IPv4 address (4 bytes) is public (gets a location). */
export function isGlobalIPv4(bytes: readonly number[]): boolean {
  return !IPV4_NOT_GLOBAL.some((r) => inRange(bytes, r));
}

/** Whether an IPv6 address (16 bytes, not IPv4-mapped) is public (gets a location). */
export function isGlobalIPv6(bytes: readonly number[]): boolean {
  if ((bytes[0] & 0xe0) !== 0x20) return false; // outside 2000::/3: ::, ::1, ULA, link-local, multicast, NAT64, ...
  return !IPV6_NOT_GLOBAL.some((r) => inRange(bytes, r));
}

/**
 * The address to look up, or undefined when it gets no location: not an address,
 * or private, loopback, link-local, multicast, documentation or otherwise reserved.
 */
export function geoAddress(ip: string): GeoAddress | undefined {
  const family = isIP(ip);
  if (family === 4) {
    const bytes = ipv4Bytes(ip);
    return bytes && isGlobalIPv4(bytes) ? { family: 4, text: bytes.join('.') } : undefined;
  }
  if (family !== 6) return undefined;
  const text = ip.replace(/%.*$/, ''); // zone index (fe80::1%eth0)
  // An embedded dotted quad in the last 32 bits: ::ffff:1.2.3.4 and friends.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let bytes: number[];
  try {
    if (dotted) {
      const v4 = ipv4Bytes(dotted[2]);
      if (!v4) return undefined;
      const hex = `${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
      bytes = parseIPv6(dotted[1] + hex);
    } else {
      bytes = parseIPv6(text);
    }
  } catch {
    return undefined;
  }
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) {
    const v4 = bytes.slice(12);
    return isGlobalIPv4(v4) ? { family: 4, text: v4.join('.') } : undefined;
  }
  if (!isGlobalIPv6(bytes)) return undefined;
  return { family: 6, text: canonicalIPv6(bytes) };
}

/** Full uncompressed form: one cache key per address however it was written. */
function canonicalIPv6(bytes: readonly number[]): string {
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return words.join(':');
}
