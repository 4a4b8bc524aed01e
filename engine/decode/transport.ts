import {
  LAYER_GRE, LAYER_ICMP, LAYER_ICMPV6, LAYER_IGMP, LAYER_TCP, LAYER_UDP,
  type DecodedPacket, type DecodeSkipReason,
} from './decoded';
import { u16, u32 } from './bytes';

export const IPPROTO_ICMP = 1;
export const IPPROTO_IGMP = 2;
export const IPPROTO_IPIP = 4;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_IPV6 = 41;
export const IPPROTO_GRE = 47;
export const IPPROTO_ICMPV6 = 58;

const TCP_MIN_HEADER = 20;
const UDP_HEADER = 8;
/** ICMP, ICMPv6 and IGMP messages all start with at least 8 bytes of header. */
const ICMP_HEADER = 8;
const IGMP_HEADER = 8;

/**
 * Decodes the transport header at `out.l4Offset` for `out.l4Proto`. `end` is the end of
 * the IP payload that was captured (IP total length and capture both applied, so
 * Ethernet padding never counts as payload). The IP payload as claimed ends at
 * `out.l4Offset + out.ipPayloadLength`.
 *
 * Skips ('truncated-transport-header', 'bad-transport-header') leave the IP-level
 * fields of `out` valid, and the ports too whenever the fixed part of a TCP/UDP header
 * was there: see `hasIpKey` in index.ts.
 */
export function decodeTransport(data: Uint8Array, end: number, out: DecodedPacket): DecodeSkipReason | null {
  const off = out.l4Offset;
  switch (out.l4Proto) {
    case IPPROTO_TCP:
      return decodeTcp(data, off, end, out);
    case IPPROTO_UDP:
      return decodeUdp(data, off, end, out);
    case IPPROTO_ICMP:
      out.layers |= LAYER_ICMP;
      return decodeIcmp(data, off, end, out);
    case IPPROTO_ICMPV6:
      out.layers |= LAYER_ICMPV6;
      return decodeIcmp(data, off, end, out);
    case IPPROTO_IGMP:
      out.layers |= LAYER_IGMP;
      if (end - off < IGMP_HEADER) return 'truncated-transport-header';
      out.payloadOffset = off + IGMP_HEADER;
      out.payloadLength = end - out.payloadOffset;
      return null;
    case IPPROTO_GRE:
      // Keyed as a protocol-number flow on the outer addresses, as ndpiReader 4.2 does
      // (it never looks inside GRE). The whole GRE packet is the payload.
      out.layers |= LAYER_GRE;
      out.payloadOffset = off;
      out.payloadLength = end - off;
      return null;
    default:
      // Any other protocol: a flow on (addresses, protocol number) with ports 0.
      out.payloadOffset = off;
      out.payloadLength = end > off ? end - off : 0;
      return null;
  }
}

function decodeTcp(data: Uint8Array, off: number, end: number, out: DecodedPacket): DecodeSkipReason | null {
  if (end > off) out.layers |= LAYER_TCP;
  // Fewer than 20 bytes: either the IP total length is too small for a TCP header
  // (ndpiReader then keys the packet with ports 0) or the capture was cut.
  if (end - off < TCP_MIN_HEADER) return 'truncated-transport-header';
  out.srcPort = u16(data, off);
  out.dstPort = u16(data, off + 2);
  out.tcpSeq = u32(data, off + 4);
  out.tcpAck = u32(data, off + 8);
  out.tcpFlags = data[off + 13];
  out.tcpWindow = u16(data, off + 14);
  const headerLength = (data[off + 12] >> 4) << 2;
  if (headerLength < TCP_MIN_HEADER) return 'bad-transport-header';
  if (off + headerLength > end) {
    // Options running past what the IP header says it carries contradict it; running
    // only past the captured bytes is a snaplen cut.
    return off + headerLength > out.l4Offset + out.ipPayloadLength ? 'bad-transport-header' : 'truncated-transport-header';
  }
  out.payloadOffset = off + headerLength;
  out.payloadLength = end - out.payloadOffset;
  return null;
}

/**
 * UDP. The UDP length field is not used: the payload is what the IP header and the
 * capture both allow (ndpiReader also derives it from the IP length), so a lying UDP
 * length can neither extend nor hide payload.
 */
function decodeUdp(data: Uint8Array, off: number, end: number, out: DecodedPacket): DecodeSkipReason | null {
  if (end > off) out.layers |= LAYER_UDP;
  if (end - off < UDP_HEADER) return 'truncated-transport-header';
  out.srcPort = u16(data, off);
  out.dstPort = u16(data, off + 2);
  out.payloadOffset = off + UDP_HEADER;
  out.payloadLength = end - out.payloadOffset;
  return null;
}

/** ICMP and ICMPv6 share the layout that matters here: type, code, checksum, 4 bytes. */
function decodeIcmp(data: Uint8Array, off: number, end: number, out: DecodedPacket): DecodeSkipReason | null {
  if (end - off >= 2) {
    out.icmpType = data[off];
    out.icmpCode = data[off + 1];
  }
  if (end - off < ICMP_HEADER) return 'truncated-transport-header';
  out.payloadOffset = off + ICMP_HEADER;
  out.payloadLength = end - out.payloadOffset;
  return null;
}
