/**
 * The decoder stage: one captured frame in, one `DecodedPacket` (numbers and offsets
 * into the frame) out, or the reason the frame is not a flow packet.
 *
 * Layers, one module each: link.ts (dispatch by link type) → ethernet.ts (Ethernet,
 * LLC/SNAP, VLAN stacks, MPLS, PPPoE) / ppp.ts → ip.ts (IPv4/IPv6 dispatch and tunnels)
 * → ipv4.ts / ipv6.ts (headers, options, extension chain, fragments) → transport.ts
 * (TCP, UDP, ICMP, ICMPv6, IGMP, GRE, other protocols) → tunnels.ts (GTP-U, VXLAN,
 * Teredo recognition). See docs/design.md, section "Decoder".
 */
import type { CapturedPacket } from '../capture/packet';
import { resetDecodedPacket, type DecodedPacket, type DecodeSkipReason } from './decoded';
import { decodeLink } from './link';
import { setIpAfterUnknownEtherType } from './ethernet';
import type { DecodeOptions } from './options';

export {
  newDecodedPacket, resetDecodedPacket, DECODE_SKIP_REASONS,
  LAYER_ETHERNET, LAYER_VLAN, LAYER_MPLS, LAYER_PPPOE, LAYER_IPV4, LAYER_IPV6, LAYER_TCP, LAYER_UDP,
  LAYER_ICMP, LAYER_ICMPV6, LAYER_IGMP, LAYER_GRE, LAYER_GTP, LAYER_VXLAN, LAYER_TEREDO,
} from './decoded';
export type { DecodedPacket, DecodeSkipReason, TunnelKind } from './decoded';
export { DecodeStats } from './stats';
export { SUPPORTED_LINK_TYPES } from './link';
export { MAX_TUNNEL_DEPTH } from './ip';
export { DEFAULT_DECODE_OPTIONS, type DecodeOptions } from './options';

/**
 * Decodes one captured frame into `out` (reset first; reuse one object for every
 * packet). Returns null when `out` describes a flow packet, else why it is not one.
 * Never throws and never reads outside the frame (`packet.capturedLength` bytes of
 * `packet.data` from `packet.dataOffset`). Offsets in `out` are indexes into `packet.data`.
 * `options` default to ntopng's behaviour (see options.ts).
 */
export function decodePacket(packet: CapturedPacket, out: DecodedPacket, options?: DecodeOptions): DecodeSkipReason | null {
  resetDecodedPacket(out);
  setIpAfterUnknownEtherType(options !== undefined && options.ipAfterUnknownEtherType === true);
  const data = packet.data;
  // Trust the smaller of the two lengths; a hostile or broken reader could disagree.
  let start = packet.dataOffset;
  if (!(start >= 0 && start <= data.length)) start = data.length;
  let end = start + packet.capturedLength;
  if (!(end <= data.length)) end = data.length;
  if (!(end > start)) end = start;
  return decodeLink(data, start | 0, end | 0, packet.linkType, out);
}

/**
 * True when a skipped packet still carries a usable IP-level key in `out` (addresses,
 * `l4Proto`, VLAN, tunnel; ports when the fixed part of the TCP/UDP header was there):
 * the transport header was short or inconsistent, but the IP header was fine.
 * ndpiReader 4.2 still counts such packets on a flow (a TCP packet whose IP total length
 * leaves fewer than 20 bytes becomes a TCP flow with ports 0, see
 * fuzz-2006-09-29-28586.pcap), so a flow table that imitates it needs this.
 */
export function hasIpKey(reason: DecodeSkipReason | null): boolean {
  return reason === null || reason === 'truncated-transport-header' || reason === 'bad-transport-header';
}
