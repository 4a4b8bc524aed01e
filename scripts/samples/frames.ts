/**
 * Well-formed frames for the project's own sample captures: Ethernet + IPv4/IPv6 +
 * TCP/UDP/ICMP with correct lengths and checksums, so the samples open cleanly in
 * Wireshark and tshark as well as in our engine.
 */
import { parseIPv4 as ipv4Bytes, parseIPv6 as ipv6Bytes } from '../../engine/flows/address';

export type Address = string;

const MAC_CLIENT = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
const MAC_GATEWAY = [0x02, 0x00, 0x00, 0x00, 0x00, 0xfe];

export { ipv4Bytes, ipv6Bytes };

const isV6 = (a: Address) => a.includes(':');

function be16(v: number): number[] {
  return [(v >> 8) & 0xff, v & 0xff];
}

function be32(v: number): number[] {
  return [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
}

/** The Internet checksum (RFC 1071) over byte runs. */
function checksum(...parts: ArrayLike<number>[]): number {
  let sum = 0;
  let odd = -1;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      if (odd < 0) odd = part[i];
      else {
        sum += (odd << 8) | part[i];
        odd = -1;
      }
    }
  }
  if (odd >= 0) sum += odd << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function pseudoHeader(src: Address, dst: Address, protocol: number, length: number): number[] {
  return isV6(src)
    ? [...ipv6Bytes(src), ...ipv6Bytes(dst), ...be32(length), 0, 0, 0, protocol]
    : [...ipv4Bytes(src), ...ipv4Bytes(dst), 0, protocol, ...be16(length)];
}

let ipId = 0x1000;

/** An Ethernet frame carrying an IP packet of `protocol` with `l4` (checksum already set). */
function ipFrame(src: Address, dst: Address, protocol: number, l4: number[], ttl: number): Uint8Array {
  let ip: number[];
  let etherType: number;
  if (isV6(src)) {
    etherType = 0x86dd;
    ip = [0x60, 0, 0, 0, ...be16(l4.length), protocol, ttl, ...ipv6Bytes(src), ...ipv6Bytes(dst)];
  } else {
    etherType = 0x0800;
    ip = [0x45, 0, ...be16(20 + l4.length), ...be16(ipId++ & 0xffff), 0x40, 0, ttl, protocol, 0, 0, ...ipv4Bytes(src), ...ipv4Bytes(dst)];
    const sum = checksum(ip);
    ip[10] = sum >> 8;
    ip[11] = sum & 0xff;
  }
  return Uint8Array.from([...MAC_GATEWAY, ...MAC_CLIENT, ...be16(etherType), ...ip, ...l4]);
}

export function udpFrame(src: Address, sport: number, dst: Address, dport: number, payload: ArrayLike<number>, ttl = 64): Uint8Array {
  const l4 = [...be16(sport), ...be16(dport), ...be16(8 + payload.length), 0, 0, ...Array.from(payload)];
  const sum = checksum(pseudoHeader(src, dst, 17, l4.length), l4) || 0xffff;
  l4[6] = sum >> 8;
  l4[7] = sum & 0xff;
  return ipFrame(src, dst, 17, l4, ttl);
}

export const FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;

export function tcpFrame(
  src: Address, sport: number, dst: Address, dport: number,
  seq: number, ack: number, flags: number, payload: ArrayLike<number> = [], ttl = 64,
): Uint8Array {
  const options = flags & SYN ? [0x02, 0x04, 0x05, 0xb4, 0x01, 0x01, 0x04, 0x02] : []; // MSS 1460, NOP, NOP, SACK permitted
  const headerLength = 20 + options.length;
  const l4 = [
    ...be16(sport), ...be16(dport), ...be32(seq >>> 0), ...be32(ack >>> 0),
    (headerLength / 4) << 4, flags, ...be16(64240), 0, 0, 0, 0, ...options, ...Array.from(payload),
  ];
  const sum = checksum(pseudoHeader(src, dst, 6, l4.length), l4);
  l4[16] = sum >> 8;
  l4[17] = sum & 0xff;
  return ipFrame(src, dst, 6, l4, ttl);
}

export function icmpEchoFrame(src: Address, dst: Address, reply: boolean, id: number, sequence: number, data: ArrayLike<number>): Uint8Array {
  const v6 = isV6(src);
  const type = v6 ? (reply ? 129 : 128) : reply ? 0 : 8;
  const l4 = [type, 0, 0, 0, ...be16(id), ...be16(sequence), ...Array.from(data)];
  const sum = v6 ? checksum(pseudoHeader(src, dst, 58, l4.length), l4) : checksum(l4);
  l4[2] = sum >> 8;
  l4[3] = sum & 0xff;
  return ipFrame(src, dst, v6 ? 58 : 1, l4, 64);
}

export function ascii(text: string): number[] {
  return Array.from(Buffer.from(text, 'latin1'));
}
