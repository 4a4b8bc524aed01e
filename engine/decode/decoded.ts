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

export function newDecodedPacket(): DecodedPacket {
  return {
    vlan: 0, tunnel: '', ipVersion: 4, ipOffset: 0, srcAddrOffset: 0, dstAddrOffset: 0,
    l4Proto: 0, srcPort: 0, dstPort: 0, icmpType: -1, icmpCode: -1,
    fragmentId: 0, fragmentOffset: 0, moreFragments: false, laterFragment: false,
    ipPayloadLength: 0, ipTruncated: false, payloadOffset: 0, payloadLength: 0,
    tcpFlags: 0, tcpSeq: 0, tcpAck: 0, tcpWindow: 0, ttl: 0,
  };
}
