import type { Dissector, DissectorContext, Verdict } from '../../dissector';

/**
 * RTCP as nDPI 4.2 finds it. UDP: the payload must be a whole chain of RTCP sections
 * (each 4 * (length + 1) bytes), and the first one a sender or receiver report (0x80 or
 * 0x81, then 0xC8 or 0xC9, then a zero byte). TCP: only on port 554, by a fixed prefix.
 */

/** True when the payload splits exactly into RTCP sections by their length fields. */
export function rtcpSectionsFit(p: Uint8Array): boolean {
  let offset = 0;
  while (offset < p.length) {
    if (offset + 4 > p.length) return false;
    const words = (p[offset + 2]! << 8) | p[offset + 3]!;
    const size = (words + 1) * 4;
    if (offset + size > p.length) return false;
    offset += size;
  }
  return true;
}

const TCP_PREFIX = [0x00, 0x00, 0x01, 0x01, 0x08, 0x0a, 0x00, 0x01];

export const RTCP: Dissector = {
  protocol: 'RTCP',
  transports: ['udp', 'tcp'],
  inspect(ctx: DissectorContext): Verdict {
    const p = ctx.payload;
    if (ctx.transport === 'tcp') {
      if (ctx.srcPort !== 554 && ctx.dstPort !== 554) return 'no';
      if (p.length > 13 && TCP_PREFIX.every((b, i) => p[i] === b)) return {};
      return 'maybe';
    }
    if (!rtcpSectionsFit(p)) return 'no';
    if (p.length >= 3 && (p[0] === 0x80 || p[0] === 0x81) && (p[1] === 0xc8 || p[1] === 0xc9) && p[2] === 0x00) return {};
    return 'maybe';
  },
};
