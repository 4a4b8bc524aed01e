import { LAYER_IPV6, type DecodedPacket, type DecodeSkipReason } from './decoded';
import { u16, u32 } from './bytes';

const IPV6_HEADER = 40;

// Next-header values that are extension headers the decoder walks through.
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTHENTICATION = 51;
const DESTINATION_OPTIONS = 60;
const MOBILITY = 135;
const HIP = 139;
const SHIM6 = 140;
const EXPERIMENT_1 = 253;
const EXPERIMENT_2 = 254;

/**
 * Reads an IPv6 header and its extension-header chain into `out`. The chain is walked
 * through hop-by-hop, routing, destination options, mobility, HIP, shim6, the
 * experimental values and AH (whose length is in 4-byte units); it ends at any other
 * next-header value, which becomes `l4Proto` (so ESP (50) and No Next Header (59) end it
 * and become protocol-number flows).
 *
 * A fragment header with a non-zero offset marks a later fragment: the walk stops there
 * and `l4Proto` is the fragment header's next header, as IPv4 later fragments keep the
 * protocol field. ndpiReader 4.2 keys the first fragment on its ports and drops the
 * others (dns_fragmented.pcap: each fragmented answer counts one packet, the first).
 *
 * An extension header that runs past the payload length is 'bad-ip-header'; one that
 * runs past the captured bytes (but not the payload length) is 'truncated-ip-header'.
 */
export function parseIpv6(data: Uint8Array, off: number, end: number, out: DecodedPacket): DecodeSkipReason | null {
  const captured = end - off;
  if (captured < IPV6_HEADER) return 'truncated-ip-header';
  out.layers |= LAYER_IPV6;
  const payloadLength = u16(data, off + 4);
  out.ipVersion = 6;
  out.ipOffset = off;
  out.srcAddrOffset = off + 8;
  out.dstAddrOffset = off + 24;
  out.ttl = data[off + 7];
  out.fragmentId = 0;
  out.fragmentOffset = 0;
  out.moreFragments = false;
  out.laterFragment = false;
  if (IPV6_HEADER + payloadLength > captured) out.ipTruncated = true;

  const ipEnd = off + IPV6_HEADER + payloadLength;
  const limit = ipEnd < end ? ipEnd : end;
  let next = data[off + 6];
  let p = off + IPV6_HEADER;
  chain: for (;;) {
    let length: number;
    switch (next) {
      case HOP_BY_HOP:
      case ROUTING:
      case DESTINATION_OPTIONS:
      case MOBILITY:
      case HIP:
      case SHIM6:
      case EXPERIMENT_1:
      case EXPERIMENT_2:
        if (p + 2 > limit) return p + 2 > ipEnd ? 'bad-ip-header' : 'truncated-ip-header';
        length = (data[p + 1] + 1) << 3;
        break;
      case AUTHENTICATION:
        if (p + 2 > limit) return p + 2 > ipEnd ? 'bad-ip-header' : 'truncated-ip-header';
        length = (data[p + 1] + 2) << 2;
        break;
      case FRAGMENT: {
        if (p + 8 > limit) return p + 8 > ipEnd ? 'bad-ip-header' : 'truncated-ip-header';
        const offsetAndFlags = u16(data, p + 2);
        out.fragmentOffset = offsetAndFlags & 0xfff8;
        out.moreFragments = (offsetAndFlags & 1) !== 0;
        out.fragmentId = u32(data, p + 4);
        next = data[p];
        p += 8;
        if (out.fragmentOffset !== 0) {
          out.laterFragment = true;
          break chain;
        }
        continue;
      }
      default:
        break chain;
    }
    if (p + length > limit) return p + length > ipEnd ? 'bad-ip-header' : 'truncated-ip-header';
    next = data[p];
    p += length;
  }
  out.l4Proto = next;
  out.l4Offset = p;
  out.ipPayloadLength = ipEnd - p;
  return null;
}
