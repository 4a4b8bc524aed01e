import { LAYER_ETHERNET, LAYER_MPLS, LAYER_PPPOE, LAYER_VLAN, type DecodedPacket, type DecodeSkipReason } from './decoded';
import { u16 } from './bytes';
import { decodeIp } from './ip';
import { decodePppPayload } from './ppp';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;
/** 802.1Q customer tag, 802.1ad service tag, and the pre-standard QinQ tag. */
export const ETHERTYPE_VLAN = 0x8100;
export const ETHERTYPE_QINQ = 0x88a8;
export const ETHERTYPE_QINQ_OLD = 0x9100;
export const ETHERTYPE_MPLS_UNICAST = 0x8847;
export const ETHERTYPE_MPLS_MULTICAST = 0x8848;
export const ETHERTYPE_PPPOE_SESSION = 0x8864;

const ETHERNET_HEADER = 14;

/**
 * DecodeOptions.ipAfterUnknownEtherType for the packet being decoded. Module state, set
 * by decodePacket before each packet, so the option does not have to travel through
 * every layer's parameters (decoding is synchronous: no packet can see another's value).
 */
let ipAfterUnknownEtherType = false;

export function setIpAfterUnknownEtherType(on: boolean): void {
  ipAfterUnknownEtherType = on;
}
/** 802.2 LLC (3) + SNAP OUI (3) + EtherType (2). */
const LLC_SNAP_HEADER = 8;

/**
 * An Ethernet II frame (or an 802.3 frame with LLC/SNAP, which carries an EtherType
 * too). Other 802.3/LLC frames (spanning tree, NetBIOS over LLC, ...) are not IP.
 */
export function decodeEthernet(data: Uint8Array, off: number, end: number, out: DecodedPacket, depth: number): DecodeSkipReason | null {
  if (end - off < ETHERNET_HEADER) return 'truncated-link-header';
  out.layers |= LAYER_ETHERNET;
  const typeOrLength = u16(data, off + 12);
  off += ETHERNET_HEADER;
  if (typeOrLength >= 0x0600) return decodeEtherType(data, off, end, typeOrLength, out, depth);
  if (typeOrLength > 1500) return 'non-ip'; // 1501..1535 is neither a length nor a type
  if (end - off < 2 || data[off] !== 0xaa || data[off + 1] !== 0xaa) return 'non-ip';
  if (end - off < LLC_SNAP_HEADER) return 'truncated-link-header';
  return decodeEtherType(data, off + LLC_SNAP_HEADER, end, u16(data, off + 6), out, depth);
}

/**
 * Everything that can sit between the link header and IP, keyed by EtherType: VLAN tag
 * stacks of any depth and TPID, MPLS label stacks, PPPoE sessions. A loop rather than
 * recursion: each step consumes at least 4 bytes, so it ends with the data.
 *
 * VLAN: the flow key uses the id of the innermost tag. ndpiReader 4.2 does the same for
 * stacked 0x8100 tags (each tag overwrites vlan_id in its loop); it does not know the
 * 0x88a8/0x9100 TPIDs at all, which we treat as the tags they are.
 */
export function decodeEtherType(
  data: Uint8Array, off: number, end: number, etherType: number, out: DecodedPacket, depth: number,
): DecodeSkipReason | null {
  let type = etherType;
  for (;;) {
    out.etherType = type;
    switch (type) {
      case ETHERTYPE_IPV4:
        return decodeIp(data, off, end, out, depth, 4);
      case ETHERTYPE_IPV6:
        return decodeIp(data, off, end, out, depth, 6);
      case ETHERTYPE_VLAN:
      case ETHERTYPE_QINQ:
      case ETHERTYPE_QINQ_OLD:
        // TCI (priority 3 bits, DEI 1 bit, id 12 bits), then the next EtherType.
        if (end - off < 4) return 'truncated-link-header';
        out.layers |= LAYER_VLAN;
        out.vlanTags++;
        out.vlan = u16(data, off) & 0x0fff;
        type = u16(data, off + 2);
        off += 4;
        continue;
      case ETHERTYPE_MPLS_UNICAST:
      case ETHERTYPE_MPLS_MULTICAST:
        return decodeMpls(data, off, end, out, depth);
      case ETHERTYPE_PPPOE_SESSION:
        // version/type(1) code(1) session id(2) length(2), then the PPP protocol(2).
        if (end - off < 8) return 'truncated-link-header';
        out.layers |= LAYER_PPPOE;
        return decodePppPayload(data, off + 8, end, u16(data, off + 6), out, depth);
      default:
        return ipAfterUnknownEtherType ? decodeIpByVersion(data, off, end, out, depth) : 'non-ip';
    }
  }
}

/** ndpiReader's fallback for unknown EtherTypes: IP if the version nibble says so. */
function decodeIpByVersion(data: Uint8Array, off: number, end: number, out: DecodedPacket, depth: number): DecodeSkipReason | null {
  if (off >= end) return 'non-ip';
  const version = data[off] >> 4;
  if (version !== 4 && version !== 6) return 'non-ip';
  return decodeIp(data, off, end, out, depth, version);
}

/**
 * An MPLS label stack: 4-byte entries until the bottom-of-stack bit. MPLS does not say
 * what it carries, so (like ndpiReader and ntopng) the first nibble after the stack
 * decides: 4 is IPv4, 6 is IPv6, anything else (a pseudowire control word, Ethernet
 * over MPLS) is not IP for us.
 */
function decodeMpls(data: Uint8Array, off: number, end: number, out: DecodedPacket, depth: number): DecodeSkipReason | null {
  out.layers |= LAYER_MPLS;
  for (;;) {
    if (end - off < 4) return 'truncated-link-header';
    out.mplsLabels++;
    const bottom = data[off + 2] & 1;
    off += 4;
    if (bottom) break;
  }
  if (off >= end) return 'truncated-ip-header';
  const version = data[off] >> 4;
  if (version === 4) {
    out.etherType = ETHERTYPE_IPV4;
    return decodeIp(data, off, end, out, depth, 4);
  }
  if (version === 6) {
    out.etherType = ETHERTYPE_IPV6;
    return decodeIp(data, off, end, out, depth, 6);
  }
  return 'non-ip';
}
