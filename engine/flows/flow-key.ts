import type { DecodedPacket } from '../decode/decoded';

/**
 * The bidirectional key of a packet's flow: VLAN, IP protocol, and both (address, port)
 * endpoints in a canonical order ("low" endpoint first), so both directions of a
 * conversation find the same flow. ICMP and other port-less protocols key on the
 * addresses alone (ports are 0), as ndpiReader does.
 *
 * The key is kept as plain numbers read straight out of the packet bytes, with a 31-bit
 * hash: no string or other allocation per packet (this runs for every packet, and a
 * string key costed more than the rest of the flow table together).
 */
export class FlowKey {
  vlan = 0;
  l4Proto = 0;
  ipVersion: 4 | 6 = 4;
  /** Address words of the low and high endpoints (IPv4 uses word 0 only). */
  lo0 = 0; lo1 = 0; lo2 = 0; lo3 = 0;
  hi0 = 0; hi1 = 0; hi2 = 0; hi3 = 0;
  loPort = 0;
  hiPort = 0;
  /** True when the packet's source is the low endpoint. */
  sourceIsLow = true;
  hash = 0;

  /** Fills the key from a decoded packet. */
  set(data: Uint8Array, d: DecodedPacket): this {
    const s = d.srcAddrOffset;
    const t = d.dstAddrOffset;
    this.vlan = d.vlan;
    this.l4Proto = d.l4Proto;
    this.ipVersion = d.ipVersion;
    let s0 = readU32(data, s), s1 = 0, s2 = 0, s3 = 0;
    let t0 = readU32(data, t), t1 = 0, t2 = 0, t3 = 0;
    if (d.ipVersion === 6) {
      s1 = readU32(data, s + 4); s2 = readU32(data, s + 8); s3 = readU32(data, s + 12);
      t1 = readU32(data, t + 4); t2 = readU32(data, t + 8); t3 = readU32(data, t + 12);
    }
    const order =
      s0 !== t0 ? s0 - t0 : s1 !== t1 ? s1 - t1 : s2 !== t2 ? s2 - t2 : s3 !== t3 ? s3 - t3 : d.srcPort - d.dstPort;
    if (order <= 0) {
      this.sourceIsLow = true;
      this.lo0 = s0; this.lo1 = s1; this.lo2 = s2; this.lo3 = s3; this.loPort = d.srcPort;
      this.hi0 = t0; this.hi1 = t1; this.hi2 = t2; this.hi3 = t3; this.hiPort = d.dstPort;
    } else {
      this.sourceIsLow = false;
      this.lo0 = t0; this.lo1 = t1; this.lo2 = t2; this.lo3 = t3; this.loPort = d.dstPort;
      this.hi0 = s0; this.hi1 = s1; this.hi2 = s2; this.hi3 = s3; this.hiPort = d.srcPort;
    }
    let h = mix(0x9747b28c, this.lo0);
    h = mix(h, this.hi0);
    if (d.ipVersion === 6) {
      h = mix(mix(mix(h, this.lo1), this.lo2), this.lo3);
      h = mix(mix(mix(h, this.hi1), this.hi2), this.hi3);
    }
    h = mix(h, (this.loPort << 16) | this.hiPort);
    h = mix(h, (this.vlan << 8) | this.l4Proto);
    this.hash = (h ^ (h >>> 16)) & 0x3fffffff;
    return this;
  }

  /**
   * Stores the key in a flow's value array at `at` (KEY_SLOTS slots): in plain fields,
   * address words of 2^31 and more would each be a separate heap object.
   */
  storeInto(v: number[], at: number): void {
    v[at] = this.lo0; v[at + 1] = this.lo1; v[at + 2] = this.lo2; v[at + 3] = this.lo3;
    v[at + 4] = this.hi0; v[at + 5] = this.hi1; v[at + 6] = this.hi2; v[at + 7] = this.hi3;
    v[at + 8] = this.loPort * 65536 + this.hiPort;
    v[at + 9] = this.ipVersion * 16777216 + this.vlan * 256 + this.l4Proto;
  }

  /** Whether the key stored at `at` names the same flow. */
  matches(v: number[], at: number): boolean {
    return (
      v[at] === this.lo0 && v[at + 4] === this.hi0 && v[at + 8] === this.loPort * 65536 + this.hiPort &&
      v[at + 9] === this.ipVersion * 16777216 + this.vlan * 256 + this.l4Proto &&
      v[at + 1] === this.lo1 && v[at + 2] === this.lo2 && v[at + 3] === this.lo3 &&
      v[at + 5] === this.hi1 && v[at + 6] === this.hi2 && v[at + 7] === this.hi3
    );
  }
}

/** Slots a stored key takes: low address (4 words), high address (4), ports, version/VLAN/protocol. */
export const KEY_SLOTS = 10;


function readU32(data: Uint8Array, offset: number): number {
  return ((data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]) >>> 0;
}

/** One round of a Murmur3-style mix: cheap and spreads address bits over the hash. */
function mix(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
