import {
  LAYER_GTP, LAYER_ICMPV6, LAYER_IPV4, LAYER_IPV6, LAYER_TCP, LAYER_TEREDO, LAYER_UDP, LAYER_VXLAN,
  resetTransportFields, type DecodedPacket, type DecodeSkipReason,
} from './decoded';
import { parseIpv4 } from './ipv4';
import { parseIpv6 } from './ipv6';
import { decodeTransport, IPPROTO_ICMPV6, IPPROTO_IPIP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP } from './transport';
import { GTP_U_PORT, gtpUInnerOffset, TEREDO_PORT, teredoInnerOffset, VXLAN_PORT, vxlanInnerOffset } from './tunnels';
import { decodeEthernet } from './ethernet';

/**
 * How many encapsulations deep the decoder follows (IP in IP, GTP, VXLAN, ...). Real
 * traffic rarely nests more than two; the limit keeps a crafted packet from nesting
 * hundreds of headers.
 */
export const MAX_TUNNEL_DEPTH = 4;

/**
 * The network layer: an IPv4 or IPv6 packet at `off`, then whatever it carries. With
 * `expectVersion` 0 the version nibble decides (raw-IP links, GTP payloads), otherwise
 * a different version is 'bad-ip-header'.
 *
 * Tunnels are followed here, and the flow is keyed on the innermost packet:
 * - IPv6 or IPv4 inside IP (protocols 41 and 4): ndpiReader 4.2 always follows these
 *   (6in4tunnel.pcap: all 10 of its flows are the inner IPv6 conversations, none is an
 *   IPv4 protocol-41 flow). tunnel = '6in4' for IPv6 in IPv4, 'ipip' otherwise.
 * - GTP-U (UDP 2152) T-PDUs: followed, as ndpiReader -t does. tunnel = 'gtp'.
 * - VXLAN (UDP 4789): followed into the inner Ethernet frame. tunnel = 'vxlan'.
 *   (ndpiReader 4.2 does not, so there it would be one UDP flow.)
 * - Teredo (UDP 3544): NOT followed. ndpiReader 4.2 keys Teredo on the outer UDP flow
 *   (teredo.pcap: its 5 flows are IPv4 UDP to port 3544, labelled Teredo), so we do too
 *   and only note the carried IPv6 packet in `carries`/`carriedOffset`.
 */
export function decodeIp(
  data: Uint8Array, off: number, end: number, out: DecodedPacket, depth: number, expectVersion: 0 | 4 | 6,
): DecodeSkipReason | null {
  if (off >= end) return 'truncated-ip-header';
  const version = data[off] >> 4;
  if (expectVersion !== 0 && version !== expectVersion) return 'bad-ip-header';
  const outermost = (out.layers & (LAYER_IPV4 | LAYER_IPV6)) === 0;
  let reason: DecodeSkipReason | null;
  if (version === 4) reason = parseIpv4(data, off, end, out);
  else if (version === 6) reason = parseIpv6(data, off, end, out);
  else return 'bad-ip-header';
  if (reason !== null) return reason;
  if (outermost) out.outerIpOffset = off;

  resetTransportFields(out);
  const ipEnd = out.l4Offset + out.ipPayloadLength;
  const l4End = ipEnd < end ? ipEnd : end;
  if (out.laterFragment) {
    // No transport header here: the fragment's data is the payload.
    out.payloadOffset = out.l4Offset;
    out.payloadLength = l4End - out.l4Offset;
    return null;
  }

  const proto = out.l4Proto;
  if (proto === IPPROTO_IPV6 || proto === IPPROTO_IPIP) {
    if (depth >= MAX_TUNNEL_DEPTH) return 'tunnel-too-deep';
    out.tunnel = version === 4 && proto === IPPROTO_IPV6 ? '6in4' : 'ipip';
    return decodeIp(data, out.l4Offset, l4End, out, depth + 1, proto === IPPROTO_IPIP ? 4 : 6);
  }

  reason = decodeTransport(data, l4End, out);
  if (reason !== null || proto !== IPPROTO_UDP) return reason;
  return decodeUdpTunnel(data, l4End, out, depth);
}

/** Follows GTP-U and VXLAN; notes Teredo. Leaves an ordinary UDP packet as it is. */
function decodeUdpTunnel(data: Uint8Array, end: number, out: DecodedPacket, depth: number): DecodeSkipReason | null {
  const sport = out.srcPort;
  const dport = out.dstPort;
  if (sport === GTP_U_PORT || dport === GTP_U_PORT) {
    const inner = gtpUInnerOffset(data, out.payloadOffset, end);
    if (inner < 0) return null;
    if (depth >= MAX_TUNNEL_DEPTH) return 'tunnel-too-deep';
    out.layers |= LAYER_GTP;
    out.tunnel = 'gtp';
    return decodeIp(data, inner, end, out, depth + 1, 0);
  }
  if (dport === VXLAN_PORT) {
    const inner = vxlanInnerOffset(data, out.payloadOffset, end);
    if (inner < 0) return null;
    if (depth >= MAX_TUNNEL_DEPTH) return 'tunnel-too-deep';
    out.layers |= LAYER_VXLAN;
    out.tunnel = 'vxlan';
    return decodeEthernet(data, inner, end, out, depth + 1);
  }
  if (sport === TEREDO_PORT || dport === TEREDO_PORT) {
    const inner = teredoInnerOffset(data, out.payloadOffset, end);
    if (inner >= 0) {
      out.carries = 'teredo';
      out.carriedOffset = inner;
      out.layers |= LAYER_TEREDO | LAYER_IPV6 | carriedTransportLayer(data[inner + 6]);
    }
  }
  return null;
}

/** Layer bit for the next header of a carried (not decoded) IPv6 packet. */
function carriedTransportLayer(nextHeader: number): number {
  if (nextHeader === IPPROTO_ICMPV6) return LAYER_ICMPV6;
  if (nextHeader === IPPROTO_TCP) return LAYER_TCP;
  if (nextHeader === IPPROTO_UDP) return LAYER_UDP;
  return 0;
}
