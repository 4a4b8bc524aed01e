import type { CapturedPacket } from '../../engine/capture/packet';
import { newDecodedPacket, type DecodedPacket } from '../../engine/decode/decoded';
import { parseIPv4, parseIPv6 } from '../../engine/flows/address';

/**
 * Packets for flow-table unit tests, described by what the decoder would have found
 * (addresses, ports, flags, time) rather than by bytes: the table only reads addresses
 * from `data`, so `data` holds just the two addresses.
 */
export interface FlowPacketSpec {
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  proto?: number;
  time: number;
  length?: number;
  payload?: number;
  flags?: number;
  seq?: number;
  vlan?: number;
  fragmentId?: number;
  fragmentOffset?: number;
  moreFragments?: boolean;
  truncated?: boolean;
  icmpType?: number;
}

let packetNumber = 0;

export function flowPacket(spec: FlowPacketSpec): { packet: CapturedPacket; decoded: DecodedPacket } {
  const v6 = spec.src.includes(':');
  const src = Uint8Array.from(v6 ? parseIPv6(spec.src) : parseIPv4(spec.src));
  const dst = Uint8Array.from(v6 ? parseIPv6(spec.dst) : parseIPv4(spec.dst));
  const data = new Uint8Array(src.length * 2);
  data.set(src, 0);
  data.set(dst, src.length);
  const length = spec.length ?? 60;
  const d = newDecodedPacket();
  const later = (spec.fragmentOffset ?? 0) > 0;
  Object.assign(d, {
    vlan: spec.vlan ?? 0,
    ipVersion: v6 ? 6 : 4,
    srcAddrOffset: 0,
    dstAddrOffset: src.length,
    l4Proto: spec.proto ?? 17,
    srcPort: later ? 0 : (spec.sport ?? 0),
    dstPort: later ? 0 : (spec.dport ?? 0),
    tcpFlags: spec.flags ?? 0,
    tcpSeq: spec.seq ?? 0,
    payloadLength: spec.payload ?? 0,
    fragmentId: spec.fragmentId ?? 0,
    fragmentOffset: spec.fragmentOffset ?? 0,
    moreFragments: spec.moreFragments ?? false,
    laterFragment: later,
    ipTruncated: spec.truncated ?? false,
    icmpType: spec.icmpType ?? -1,
    icmpCode: spec.icmpType === undefined ? -1 : 0,
  } satisfies Partial<DecodedPacket>);
  const sec = Math.floor(spec.time);
  const packet: CapturedPacket = {
    number: ++packetNumber,
    sec,
    nsec: Math.round((spec.time - sec) * 1e9),
    capturedLength: length,
    originalLength: length,
    linkType: 1,
    interfaceIndex: 0,
    data,
    dataOffset: 0,
    offset: 0,
  };
  return { packet, decoded: d };
}
