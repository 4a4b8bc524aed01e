import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { payloadPacketCount, scratch } from './util';

/**
 * Z39.50 as nDPI 4.2 finds it, within the first 8 payload packets: each packet must be
 * a BER PDU of a Z39.50 type (tags 20-36 or 43-48) holding at least 6 well-formed
 * elements; the fourth such packet labels the flow, if traffic went both ways.
 */

const MIN_SEQUENCES = 6;

/** Counts well-formed elements after the PDU header, -1 when the packet is not Z39.50. */
export function countSequences(p: Uint8Array, max: number): number {
  if (p.length < 2) return -1;
  const pdu = p[0]! & 0x1f;
  if ((pdu < 20 || pdu > 36) && (pdu < 43 || pdu > 48)) return -1;
  let offset = 2;
  let n = 0;
  while (n++ < max) {
    if (offset + 2 >= p.length) return -1;
    if ((p[offset]! & 0x1f) === 0x1f) return n; // complex tags are not decoded
    const length = p[offset + 1]!;
    if (length >= p.length - offset + 1) return -1;
    offset += length + 2;
    if (offset === p.length) return n;
  }
  return n - 1;
}

export const Z3950: Dissector = {
  protocol: 'Z39.50',
  transports: ['tcp'],
  ports: [210],
  inspect(ctx: DissectorContext): Verdict {
    const p = ctx.payload;
    const count = payloadPacketCount(ctx);
    if (p.length < 6 || count > 8) return 'no';
    const n = countSequences(p, MIN_SEQUENCES);
    if (n < 0) return 'no';
    if (n < MIN_SEQUENCES) return 'maybe';
    const s = scratch(ctx, 'Z39.50', () => ({ stage: 0 }));
    if (s.stage === 3) {
      return ctx.flow.clientToServer.packets > 0 && ctx.flow.serverToClient.packets > 0 ? {} : 'no';
    }
    s.stage++;
    return 'maybe';
  },
};
