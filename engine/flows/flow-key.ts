import type { DecodedPacket } from '../decode/decoded';

/**
 * The bidirectional key of a packet's flow: VLAN, IP protocol, and both (address, port)
 * endpoints in a canonical order, so both directions of a conversation find the same
 * flow. ICMP and other port-less protocols key on the addresses alone (ports are 0),
 * as ndpiReader does.
 *
 * Built from numbers read straight out of the packet bytes: one string per packet and
 * no other allocation, because this runs for every packet.
 */
export class FlowKeyBuilder {
  /** After `build`: true when the packet's source is the canonical "low" endpoint. */
  sourceIsLow = true;

  build(data: Uint8Array, d: DecodedPacket): string {
    if (d.ipVersion === 4) {
      const s = readU32(data, d.srcAddrOffset);
      const t = readU32(data, d.dstAddrOffset);
      const low = s < t || (s === t && d.srcPort <= d.dstPort);
      this.sourceIsLow = low;
      return low
        ? `${d.vlan}|${d.l4Proto}|${s}:${d.srcPort}|${t}:${d.dstPort}`
        : `${d.vlan}|${d.l4Proto}|${t}:${d.dstPort}|${s}:${d.srcPort}`;
    }
    const s = hex128(data, d.srcAddrOffset);
    const t = hex128(data, d.dstAddrOffset);
    const low = s < t || (s === t && d.srcPort <= d.dstPort);
    this.sourceIsLow = low;
    return low
      ? `${d.vlan}|${d.l4Proto}|${s}:${d.srcPort}|${t}:${d.dstPort}`
      : `${d.vlan}|${d.l4Proto}|${t}:${d.dstPort}|${s}:${d.srcPort}`;
  }
}

function readU32(data: Uint8Array, offset: number): number {
  return ((data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]) >>> 0;
}

/** Fixed-width hex of 16 address bytes: comparable as strings, unique per address. */
function hex128(data: Uint8Array, offset: number): string {
  let text = '';
  for (let i = 0; i < 16; i += 4) {
    text += (readU32(data, offset + i) + 0x100000000).toString(16).slice(1);
  }
  return text;
}
