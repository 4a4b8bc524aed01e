import type { Dissector, DissectorContext, Verdict } from '../../dissector';

/**
 * RTP as nDPI 4.2 finds it, on UDP only, from a single packet: sent to a port above
 * 1023 (not 30303, Ethereum's), version 2 (first byte 0x80 or 0xA0), at least 12 bytes,
 * payload type in 0-34 or 96-127 and outside 72-76 (where RTCP packet types fall).
 */
export function looksLikeRtp(p: Uint8Array): boolean {
  if (p.length < 12) return false;
  if (p[0] !== 0x80 && p[0] !== 0xa0) return false;
  const type = p[1]! & 0x7f;
  if (type >= 72 && type <= 76) return false;
  return type <= 34 || (type >= 96 && type <= 127);
}

export const RTP: Dissector = {
  protocol: 'RTP',
  transports: ['udp'],
  inspect(ctx: DissectorContext): Verdict {
    if (ctx.srcPort === 30303 || ctx.dstPort === 30303 || ctx.dstPort <= 1023) return 'no';
    return looksLikeRtp(ctx.payload) ? {} : 'no';
  },
};
