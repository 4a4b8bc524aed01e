/**
 * The decoder's output for one packet: just what the flow table and the L7 detector
 * need, as numbers and offsets into the packet's bytes (no per-packet string or array
 * allocations: this runs for every packet of a multi-million-packet capture).
 *
 * One object is reused for every packet: copy what you keep.
 */
export interface DecodedPacket {
  /** 802.1Q/802.1ad VLAN id used in the flow key (innermost tag), 0 when untagged. */
  vlan: number;
  /** Encapsulation the flow was found inside, or '' when none. */
  tunnel: TunnelKind;
  /** 4 or 6: version of the IP header the flow is keyed on (the innermost one). */
  ipVersion: 4 | 6;
  /** Offset of that IP header in `data`. */
  ipOffset: number;
  /** Offsets of the source/destination address bytes (4 or 16 bytes) in `data`. */
  srcAddrOffset: number;
  dstAddrOffset: number;
  /** IP protocol number of the transport (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, ...). */
  l4Proto: number;
  /** Transport ports; 0 for protocols without ports and for non-first fragments. */
  srcPort: number;
  dstPort: number;
  /** ICMP/ICMPv6 type and code, -1 otherwise. */
  icmpType: number;
  icmpCode: number;
  /** IPv4 identification / IPv6 fragment id; fragment offset in bytes; more-fragments flag. */
  fragmentId: number;
  fragmentOffset: number;
  moreFragments: boolean;
  /** True when this packet is a fragment other than the first: it has no transport header. */
  laterFragment: boolean;
  /** IP payload length as the header claims it (IPv4 total length - header length, IPv6 payload length less extension headers). */
  ipPayloadLength: number;
  /** True when the captured bytes are shorter than the IP header's total length (snaplen cut). */
  ipTruncated: boolean;
  /** Offset and captured length of the transport payload (after the TCP/UDP header). */
  payloadOffset: number;
  payloadLength: number;
  /** TCP only: flag bits (FIN=0x01 SYN=0x02 RST=0x04 PSH=0x08 ACK=0x10 URG=0x20 ECE=0x40 CWR=0x80), seq, ack, window. */
  tcpFlags: number;
  tcpSeq: number;
  tcpAck: number;
  tcpWindow: number;
  /** IP TTL / hop limit of the innermost header. */
  ttl: number;

  // ---- Added by the decoder stage (all numbers/constants: still allocation-free) ----

  /**
   * Offset of the transport header (the first byte after the IP header and, for IPv6,
   * after the extension-header chain). For later fragments and protocols the decoder
   * does not parse (GRE, ESP, ...) it is where the IP payload starts.
   */
  l4Offset: number;
  /** Offset of the outermost IP header; equals `ipOffset` when there is no tunnel. */
  outerIpOffset: number;
  /**
   * An encapsulation seen inside this flow's payload that the decoder deliberately did
   * NOT key the flow on (ndpiReader 4.2 keys Teredo on the outer UDP flow): 'teredo'
   * or ''. `carriedOffset` is the offset of the carried IPv6 header, -1 when none.
   */
  carries: TunnelKind;
  carriedOffset: number;
  /** Number of 802.1Q/802.1ad tags crossed (0 = untagged; a tag with id 0 still counts). */
  vlanTags: number;
  /** Number of MPLS labels crossed. */
  mplsLabels: number;
  /** Last EtherType (or SLL/PPP equivalent mapped to an EtherType) seen, 0 when none. */
  etherType: number;
  /**
   * Bit set of every header met anywhere in the packet, outer and inner (see `LAYER_*`),
   * including headers of a packet that is then skipped. Used for per-protocol counters
   * and for comparing with tshark's "frames containing layer X" counts.
   */
  layers: number;
}

export type TunnelKind = '' | '6in4' | 'teredo' | 'gtp' | 'vxlan' | 'gre' | 'ipip';

/** Why a packet could not be turned into a flow packet; used as a counter key. */
export type DecodeSkipReason =
  | 'truncated-link-header'
  | 'unsupported-link-type'
  | 'non-ip'
  | 'truncated-ip-header'
  | 'bad-ip-header'
  | 'truncated-transport-header'
  | 'bad-transport-header'
  | 'tunnel-too-deep';

/** Every skip reason, in the order the layers are decoded (for tables and counters). */
export const DECODE_SKIP_REASONS: readonly DecodeSkipReason[] = [
  'truncated-link-header',
  'unsupported-link-type',
  'non-ip',
  'truncated-ip-header',
  'bad-ip-header',
  'truncated-transport-header',
  'bad-transport-header',
  'tunnel-too-deep',
];

// Bits of DecodedPacket.layers.
export const LAYER_ETHERNET = 1 << 0;
export const LAYER_VLAN = 1 << 1;
export const LAYER_MPLS = 1 << 2;
export const LAYER_PPPOE = 1 << 3;
export const LAYER_IPV4 = 1 << 4;
export const LAYER_IPV6 = 1 << 5;
export const LAYER_TCP = 1 << 6;
export const LAYER_UDP = 1 << 7;
export const LAYER_ICMP = 1 << 8;
export const LAYER_ICMPV6 = 1 << 9;
export const LAYER_IGMP = 1 << 10;
export const LAYER_GRE = 1 << 11;
export const LAYER_GTP = 1 << 12;
export const LAYER_VXLAN = 1 << 13;
export const LAYER_TEREDO = 1 << 14;

export function newDecodedPacket(): DecodedPacket {
  return {
    vlan: 0, tunnel: '', ipVersion: 4, ipOffset: 0, srcAddrOffset: 0, dstAddrOffset: 0,
    l4Proto: 0, srcPort: 0, dstPort: 0, icmpType: -1, icmpCode: -1,
    fragmentId: 0, fragmentOffset: 0, moreFragments: false, laterFragment: false,
    ipPayloadLength: 0, ipTruncated: false, payloadOffset: 0, payloadLength: 0,
    tcpFlags: 0, tcpSeq: 0, tcpAck: 0, tcpWindow: 0, ttl: 0,
    l4Offset: 0, outerIpOffset: 0, carries: '', carriedOffset: -1,
    vlanTags: 0, mplsLabels: 0, etherType: 0, layers: 0,
  };
}

/** Puts `out` back to the state of `newDecodedPacket()`, field by field (no allocation). */
export function resetDecodedPacket(out: DecodedPacket): void {
  out.vlan = 0;
  out.tunnel = '';
  out.ipVersion = 4;
  out.ipOffset = 0;
  out.srcAddrOffset = 0;
  out.dstAddrOffset = 0;
  out.l4Proto = 0;
  out.fragmentId = 0;
  out.fragmentOffset = 0;
  out.moreFragments = false;
  out.laterFragment = false;
  out.ipPayloadLength = 0;
  out.ipTruncated = false;
  out.ttl = 0;
  out.l4Offset = 0;
  out.outerIpOffset = 0;
  out.carries = '';
  out.carriedOffset = -1;
  out.vlanTags = 0;
  out.mplsLabels = 0;
  out.etherType = 0;
  out.layers = 0;
  resetTransportFields(out);
}

/**
 * Clears what a transport header sets. Called again when a tunnel is entered, so an
 * inner ICMP packet does not keep the outer UDP ports of its GTP/VXLAN carrier.
 */
export function resetTransportFields(out: DecodedPacket): void {
  out.srcPort = 0;
  out.dstPort = 0;
  out.icmpType = -1;
  out.icmpCode = -1;
  out.payloadOffset = 0;
  out.payloadLength = 0;
  out.tcpFlags = 0;
  out.tcpSeq = 0;
  out.tcpAck = 0;
  out.tcpWindow = 0;
}
