import type { DecodedPacket, DecodeSkipReason } from './decoded';
import { u16, u32, u32le } from './bytes';
import { decodeEthernet, decodeEtherType, ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './ethernet';
import { decodeIp } from './ip';
import { decodePpp } from './ppp';

/** LINKTYPE_* numbers the decoder understands (pcap/pcapng header values). */
export const LINKTYPE_NULL = 0;
export const LINKTYPE_ETHERNET = 1;
export const LINKTYPE_PPP = 9;
/** DLT_RAW as written by some BSDs (12) and OpenBSD (14) instead of LINKTYPE_RAW. */
export const LINKTYPE_RAW_BSD = 12;
export const LINKTYPE_RAW_OPENBSD = 14;
export const LINKTYPE_PPP_HDLC = 50;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_C_HDLC = 104;
export const LINKTYPE_LOOP = 108;
export const LINKTYPE_LINUX_SLL = 113;
export const LINKTYPE_IPV4 = 228;
export const LINKTYPE_IPV6 = 229;
export const LINKTYPE_LINUX_SLL2 = 276;

/** Link types `decodePacket` accepts; anything else is 'unsupported-link-type'. */
export const SUPPORTED_LINK_TYPES: readonly number[] = [
  LINKTYPE_NULL, LINKTYPE_ETHERNET, LINKTYPE_PPP, LINKTYPE_RAW_BSD, LINKTYPE_RAW_OPENBSD,
  LINKTYPE_PPP_HDLC, LINKTYPE_RAW, LINKTYPE_C_HDLC, LINKTYPE_LOOP, LINKTYPE_LINUX_SLL,
  LINKTYPE_IPV4, LINKTYPE_IPV6, LINKTYPE_LINUX_SLL2,
];

/**
 * Decodes the link-layer header of `linkType` (the frame is `data[start, end)`) and
 * hands the rest to the network layer.
 */
export function decodeLink(data: Uint8Array, start: number, end: number, linkType: number, out: DecodedPacket): DecodeSkipReason | null {
  const length = end - start;
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      return decodeEthernet(data, start, end, out, 0);
    case LINKTYPE_LINUX_SLL:
      // packet type(2) ARPHRD(2) address length(2) address(8) protocol(2)
      if (length < 16) return 'truncated-link-header';
      return decodeEtherType(data, start + 16, end, u16(data, start + 14), out, 0);
    case LINKTYPE_LINUX_SLL2:
      // protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1) address length(1) address(8)
      if (length < 20) return 'truncated-link-header';
      return decodeEtherType(data, start + 20, end, u16(data, start), out, 0);
    case LINKTYPE_RAW:
    case LINKTYPE_RAW_BSD:
    case LINKTYPE_RAW_OPENBSD:
      return decodeIp(data, start, end, out, 0, 0);
    case LINKTYPE_IPV4:
      return decodeIp(data, start, end, out, 0, 4);
    case LINKTYPE_IPV6:
      return decodeIp(data, start, end, out, 0, 6);
    case LINKTYPE_NULL:
      return decodeLoopback(data, start, end, out, true);
    case LINKTYPE_LOOP:
      return decodeLoopback(data, start, end, out, false);
    case LINKTYPE_PPP:
    case LINKTYPE_PPP_HDLC:
      return decodePpp(data, start, end, out);
    case LINKTYPE_C_HDLC:
      // address(1) control(1) EtherType(2)
      if (length < 4) return 'truncated-link-header';
      return decodeEtherType(data, start + 4, end, u16(data, start + 2), out, 0);
    default:
      return 'unsupported-link-type';
  }
}

/**
 * BSD loopback: a 4-byte address family. LINKTYPE_NULL stores it in the byte order of
 * the machine that captured, which need not be the file's byte order, so both orders
 * are tried; LINKTYPE_LOOP stores it in network order. AF_INET is 2 everywhere; AF_INET6
 * is 24 (NetBSD/OpenBSD), 28 (FreeBSD) or 30 (Darwin). Other systems use still other
 * values, so an unknown family falls back to the IP version nibble of the next byte
 * (ndpiReader takes anything but 2 as IPv6; fuzz-2021-10-13.pcap is such a frame).
 */
function decodeLoopback(data: Uint8Array, start: number, end: number, out: DecodedPacket, eitherOrder: boolean): DecodeSkipReason | null {
  if (end - start < 4) return 'truncated-link-header';
  const family = u32(data, start);
  let version = loopbackFamilyToIpVersion(family);
  if (version === 0 && eitherOrder) version = loopbackFamilyToIpVersion(u32le(data, start));
  if (version === 0 && end - start > 4) {
    const nibble = data[start + 4] >> 4;
    if (nibble === 4 || nibble === 6) version = nibble;
  }
  if (version === 0) return 'non-ip';
  out.etherType = version === 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6;
  return decodeIp(data, start + 4, end, out, 0, version);
}

function loopbackFamilyToIpVersion(family: number): 0 | 4 | 6 {
  if (family === 2) return 4;
  if (family === 24 || family === 28 || family === 30) return 6;
  return 0;
}
