import { LAYER_IPV4, type DecodedPacket, type DecodeSkipReason } from './decoded';
import { u16 } from './bytes';

const IPV4_MIN_HEADER = 20;

/**
 * Reads an IPv4 header at `off` (options included) into `out`: addresses, protocol,
 * TTL, fragment fields, claimed payload length, and where the transport header starts.
 * `end` is where the captured bytes (or the enclosing packet) stop.
 *
 * A header that does not fit in the captured bytes is 'truncated-ip-header'; a header
 * that contradicts itself (header length under 20, total length under the header
 * length) is 'bad-ip-header'. A total length beyond the captured bytes is not an error:
 * it sets `ipTruncated` (ndpiReader drops such packets; the flow table decides).
 */
export function parseIpv4(data: Uint8Array, off: number, end: number, out: DecodedPacket): DecodeSkipReason | null {
  const captured = end - off;
  if (captured < IPV4_MIN_HEADER) return 'truncated-ip-header';
  out.layers |= LAYER_IPV4;
  const headerLength = (data[off] & 0x0f) << 2;
  if (headerLength < IPV4_MIN_HEADER) return 'bad-ip-header';
  if (headerLength > captured) return 'truncated-ip-header';
  const totalLength = u16(data, off + 2);
  if (totalLength < headerLength) return 'bad-ip-header';

  out.ipVersion = 4;
  out.ipOffset = off;
  out.srcAddrOffset = off + 12;
  out.dstAddrOffset = off + 16;
  out.ttl = data[off + 8];
  out.l4Proto = data[off + 9];
  out.fragmentId = u16(data, off + 4);
  const flagsAndOffset = u16(data, off + 6);
  out.fragmentOffset = (flagsAndOffset & 0x1fff) << 3;
  out.moreFragments = (flagsAndOffset & 0x2000) !== 0;
  out.laterFragment = out.fragmentOffset !== 0;
  out.ipPayloadLength = totalLength - headerLength;
  if (totalLength > captured) out.ipTruncated = true;
  out.l4Offset = off + headerLength;
  return null;
}
