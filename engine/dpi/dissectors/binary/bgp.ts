/**
 * BGP (RFC 4271) as nDPI 4.2 finds it: TCP on port 179 only (either side), and the
 * first payload packet decides. It must be longer than 18 bytes, start with the 16-byte
 * all-ones marker, carry a message length no greater than the payload and a type below 5
 * (OPEN, UPDATE, NOTIFICATION, KEEPALIVE; 0 passes too). Anything else rules BGP out, so
 * BGP on another port is never found (port 2605 only gets the "Match by port" guess).
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';

const BGP_PORT = 179;
const MARKER_BYTES = 16;
const TYPE_OFFSET = 18;
const TYPE_LIMIT = 5;

/** True when the payload is a BGP message header nDPI 4.2 accepts (ports aside). */
export function isBgpMessage(p: Uint8Array): boolean {
  if (p.length <= TYPE_OFFSET || p[TYPE_OFFSET]! >= TYPE_LIMIT) return false;
  for (let i = 0; i < MARKER_BYTES; i++) if (p[i] !== 0xff) return false;
  return ((p[16]! << 8) | p[17]!) <= p.length;
}

export const BGP: Dissector = {
  protocol: 'BGP',
  transports: ['tcp'],
  ports: [BGP_PORT],
  inspect(ctx: DissectorContext): Verdict {
    const onPort = ctx.srcPort === BGP_PORT || ctx.dstPort === BGP_PORT;
    return onPort && isBgpMessage(ctx.payload) ? {} : 'no';
  },
};
