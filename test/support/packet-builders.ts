/**
 * Small typed builders for hand-made packets, innermost first:
 *
 *   ethernet({ etherType: 0x0800, payload: ipv4({ protocol: 6, payload: tcp({ sport: 1, dport: 2 }) }) })
 *
 * Every length, offset and count field is computed unless an override is given, so a
 * test can build a well-formed packet in one line and a lying one by naming the field
 * it lies about. Checksums are left 0: the decoder does not verify them.
 */
import type { CapturedPacket } from '../../engine/capture/packet';

export type Bytes = Uint8Array | readonly number[];

/** Concatenates byte runs into one Uint8Array. */
export function bytes(...parts: Bytes[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `n` bytes of filler (default 0xab), handy for payloads. */
export function filler(n: number, value = 0xab): Uint8Array {
  return new Uint8Array(n).fill(value);
}

function be16(value: number): number[] {
  return [(value >> 8) & 0xff, value & 0xff];
}

function be32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** '10.1.2.3' → 4 bytes; '2001:db8::1' → 16 bytes (the engine's own parsers). */
import { parseIPv4, parseIPv6 } from '../../engine/flows/address';

export const ipv4Address = parseIPv4;
export const ipv6Address = parseIPv6;

// ---------------------------------------------------------------- link layers

export interface VlanTag {
  id: number;
  /** Tag protocol id: 0x8100 (default), 0x88a8 or 0x9100. */
  tpid?: number;
  priority?: number;
}

export interface EthernetOptions {
  etherType: number;
  payload: Bytes;
  dst?: Bytes;
  src?: Bytes;
  /** Outermost first. */
  vlans?: VlanTag[];
}

export function ethernet(o: EthernetOptions): Uint8Array {
  const tags: number[] = [];
  const vlans = o.vlans ?? [];
  // The header's type field is the first TPID; each tag then names the next type.
  const firstType = vlans.length > 0 ? vlans[0].tpid ?? 0x8100 : o.etherType;
  vlans.forEach((tag, i) => {
    const next = i + 1 < vlans.length ? vlans[i + 1].tpid ?? 0x8100 : o.etherType;
    tags.push(...be16(((tag.priority ?? 0) << 13) | (tag.id & 0x0fff)), ...be16(next));
  });
  return bytes(
    o.dst ?? [0x00, 0x11, 0x22, 0x33, 0x44, 0x55],
    o.src ?? [0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb],
    be16(firstType),
    tags,
    o.payload,
  );
}

/** An 802.3 frame: a length instead of a type, then LLC (and SNAP when `snapType` is given). */
export function ethernet8023(o: { payload: Bytes; snapType?: number; dsap?: number; ssap?: number }): Uint8Array {
  const llc = o.snapType === undefined
    ? [o.dsap ?? 0x42, o.ssap ?? 0x42, 0x03]
    : [0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, ...be16(o.snapType)];
  const body = bytes(llc, o.payload);
  return bytes([0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11], be16(body.length), body);
}

/** MPLS label stack entries (bottom-of-stack set on the last), then the payload. */
export function mpls(labels: number[], payload: Bytes, ttl = 64): Uint8Array {
  const stack = labels.flatMap((label, i) => be32(((label & 0xfffff) << 12) | (i === labels.length - 1 ? 0x100 : 0) | ttl));
  return bytes(stack, payload);
}

/** PPPoE session header + PPP protocol (0x0021 IPv4, 0x0057 IPv6). */
export function pppoeSession(pppProtocol: number, payload: Bytes, sessionId = 0x1234): Uint8Array {
  return bytes([0x11, 0x00], be16(sessionId), be16(payload.length + 2), be16(pppProtocol), payload);
}

/** Linux cooked capture v1 (LINKTYPE_LINUX_SLL, 16 bytes). */
export function sll(protocol: number, payload: Bytes): Uint8Array {
  return bytes(be16(0), be16(1), be16(6), [1, 2, 3, 4, 5, 6, 0, 0], be16(protocol), payload);
}

/** Linux cooked capture v2 (LINKTYPE_LINUX_SLL2, 20 bytes). */
export function sll2(protocol: number, payload: Bytes): Uint8Array {
  return bytes(be16(protocol), be16(0), be32(3), be16(1), [0], [6], [1, 2, 3, 4, 5, 6, 0, 0], payload);
}

/** BSD loopback header: the address family in little- or big-endian order. */
export function loopback(family: number, payload: Bytes, order: 'le' | 'be'): Uint8Array {
  const header = be32(family);
  return bytes(order === 'be' ? header : header.reverse(), payload);
}

// ---------------------------------------------------------------- IP

export interface Ipv4Options {
  protocol: number;
  payload: Bytes;
  src?: string;
  dst?: string;
  ttl?: number;
  id?: number;
  /** IP options (padded with zeros to a multiple of 4). */
  options?: Bytes;
  moreFragments?: boolean;
  dontFragment?: boolean;
  /** In bytes; must be a multiple of 8. */
  fragmentOffset?: number;
  /** Overrides the computed total length. */
  totalLength?: number;
  /** Overrides the header length (in bytes, written as IHL = value / 4). */
  headerLength?: number;
  /** Overrides the version nibble (4). */
  version?: number;
}

export function ipv4(o: Ipv4Options): Uint8Array {
  const options = Array.from(o.options ?? []);
  while (options.length % 4 !== 0) options.push(0);
  const headerLength = 20 + options.length;
  const ihl = (o.headerLength ?? headerLength) >> 2;
  const flags = (o.dontFragment ? 0x4000 : 0) | (o.moreFragments ? 0x2000 : 0) | (((o.fragmentOffset ?? 0) >> 3) & 0x1fff);
  return bytes(
    [((o.version ?? 4) << 4) | (ihl & 0x0f), 0],
    be16(o.totalLength ?? headerLength + o.payload.length),
    be16(o.id ?? 0x4242),
    be16(flags),
    [o.ttl ?? 64, o.protocol],
    be16(0),
    ipv4Address(o.src ?? '10.0.0.1'),
    ipv4Address(o.dst ?? '10.0.0.2'),
    options,
    o.payload,
  );
}

export interface Ipv6Options {
  nextHeader: number;
  payload: Bytes;
  src?: string;
  dst?: string;
  hopLimit?: number;
  /** Overrides the computed payload length. */
  payloadLength?: number;
}

export function ipv6(o: Ipv6Options): Uint8Array {
  return bytes(
    [0x60, 0, 0, 0],
    be16(o.payloadLength ?? o.payload.length),
    [o.nextHeader, o.hopLimit ?? 64],
    ipv6Address(o.src ?? '2001:db8::1'),
    ipv6Address(o.dst ?? '2001:db8::2'),
    o.payload,
  );
}

/** IPv6 extension headers; `units` is the header's own length field. */
export const ipv6Ext = {
  /** Hop-by-hop, routing, destination options: (units + 1) * 8 bytes. */
  generic(next: number, units = 0): Uint8Array {
    const header = new Uint8Array((units + 1) * 8);
    header[0] = next;
    header[1] = units;
    return header;
  },
  hopByHop(next: number, units = 0): Uint8Array {
    return ipv6Ext.generic(next, units);
  },
  routing(next: number, units = 0): Uint8Array {
    return ipv6Ext.generic(next, units);
  },
  destination(next: number, units = 0): Uint8Array {
    return ipv6Ext.generic(next, units);
  },
  /** Fragment header; `offset` in bytes (multiple of 8). */
  fragment(next: number, offset: number, more: boolean, id: number): Uint8Array {
    return bytes([next, 0], be16((offset & 0xfff8) | (more ? 1 : 0)), be32(id));
  },
  /** Authentication header: (units + 2) * 4 bytes. */
  ah(next: number, units = 4): Uint8Array {
    const header = new Uint8Array((units + 2) * 4);
    header[0] = next;
    header[1] = units;
    return header;
  },
};

// ---------------------------------------------------------------- transport

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

export interface TcpOptions {
  sport: number;
  dport: number;
  seq?: number;
  ack?: number;
  flags?: number;
  window?: number;
  /** TCP options (padded with zeros, i.e. end-of-list, to a multiple of 4). */
  options?: Bytes;
  payload?: Bytes;
  /** Overrides the data offset, in bytes (written as value / 4). */
  headerLength?: number;
}

export function tcp(o: TcpOptions): Uint8Array {
  const options = Array.from(o.options ?? []);
  while (options.length % 4 !== 0) options.push(0);
  const headerLength = o.headerLength ?? 20 + options.length;
  return bytes(
    be16(o.sport),
    be16(o.dport),
    be32(o.seq ?? 1000),
    be32(o.ack ?? 0),
    [((headerLength >> 2) & 0x0f) << 4, o.flags ?? TCP_ACK],
    be16(o.window ?? 65535),
    be16(0),
    be16(0),
    options,
    o.payload ?? [],
  );
}

export function udp(o: { sport: number; dport: number; payload?: Bytes; length?: number }): Uint8Array {
  const payload = o.payload ?? [];
  return bytes(be16(o.sport), be16(o.dport), be16(o.length ?? 8 + payload.length), be16(0), payload);
}

/** ICMP or ICMPv6 (same layout): type, code, checksum, 4 bytes of rest, data. */
export function icmp(type: number, code: number, data: Bytes = []): Uint8Array {
  return bytes([type, code], be16(0), be32(0x00010001), data);
}

export function igmp(type: number, group: string): Uint8Array {
  return bytes([type, 0], be16(0), ipv4Address(group));
}

/** Basic GRE header (no optional fields) and its payload. */
export function gre(protocolType: number, payload: Bytes): Uint8Array {
  return bytes(be16(0), be16(protocolType), payload);
}

// ---------------------------------------------------------------- tunnels over UDP

export interface GtpOptions {
  sequence?: number;
  /** Extension headers as [type, content]; content is padded to (4n - 2) bytes. */
  extensions?: Array<[number, number[]]>;
  messageType?: number;
  version?: number;
}

/** GTPv1-U header + payload (a T-PDU unless `messageType` says otherwise). */
export function gtpU(payload: Bytes, o: GtpOptions = {}): Uint8Array {
  const extensions = o.extensions ?? [];
  const hasOptional = o.sequence !== undefined || extensions.length > 0;
  const flags = ((o.version ?? 1) << 5) | 0x10 | (extensions.length > 0 ? 0x04 : 0) | (o.sequence !== undefined ? 0x02 : 0);
  const optional: number[] = hasOptional ? [...be16(o.sequence ?? 0), 0, extensions.length > 0 ? extensions[0][0] : 0] : [];
  const chain: number[] = [];
  extensions.forEach(([, content], i) => {
    const body = [...content];
    while ((body.length + 2) % 4 !== 0) body.push(0);
    const next = i + 1 < extensions.length ? extensions[i + 1][0] : 0;
    chain.push((body.length + 2) / 4, ...body, next);
  });
  const rest = bytes(optional, chain, payload);
  return bytes([flags, o.messageType ?? 0xff], be16(rest.length), be32(0xcafe), rest);
}

export function vxlan(vni: number, frame: Bytes): Uint8Array {
  return bytes([0x08, 0, 0, 0], [(vni >> 16) & 0xff, (vni >> 8) & 0xff, vni & 0xff, 0], frame);
}

/** Teredo payload: optional authentication and origin indicators, then the IPv6 packet. */
export function teredo(ipv6Packet: Bytes, o: { origin?: boolean; auth?: boolean } = {}): Uint8Array {
  const auth = o.auth ? [0x00, 0x01, 0, 0, ...new Array<number>(8).fill(0x11), 0] : [];
  const origin = o.origin ? [0x00, 0x00, 0x12, 0x34, 0xc0, 0x00, 0x02, 0x01] : [];
  return bytes(auth, origin, ipv6Packet);
}

// ---------------------------------------------------------------- capture records

/**
 * Wraps bytes as the capture stage would deliver them. With `embedAt`, the frame sits at
 * that index inside a larger buffer filled with 0xee around it, as a reader delivers it
 * (a window into its chunk).
 */
export function captured(
  linkType: number,
  data: Uint8Array,
  o: { capturedLength?: number; originalLength?: number; number?: number; embedAt?: number } = {},
): CapturedPacket {
  const capturedLength = o.capturedLength ?? data.length;
  let buffer = data;
  const dataOffset = o.embedAt ?? 0;
  if (dataOffset > 0) {
    buffer = new Uint8Array(dataOffset + data.length + 32).fill(0xee);
    buffer.set(data, dataOffset);
  }
  return {
    number: o.number ?? 1,
    sec: 1_700_000_000,
    nsec: 0,
    capturedLength,
    originalLength: o.originalLength ?? Math.max(capturedLength, data.length),
    linkType,
    interfaceIndex: 0,
    data: buffer,
    dataOffset,
    offset: 24,
  };
}

/** The first `n` bytes of a packet, as a snaplen-limited capture would store them. */
export function cut(data: Uint8Array, n: number): Uint8Array {
  return data.slice(0, n);
}

/** Text form of the 4 or 16 address bytes at `offset` (for asserting decoded offsets). */
export function addressAt(data: Uint8Array, offset: number, version: 4 | 6): string {
  if (version === 4) return Array.from(data.subarray(offset, offset + 4)).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((data[offset + i] << 8) | data[offset + i + 1]).toString(16));
  return groups.join(':');
}
