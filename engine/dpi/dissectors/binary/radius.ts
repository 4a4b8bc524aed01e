/**
 * RADIUS (RFC 2865) as nDPI 4.2 finds it: a UDP packet to or from port 1812, 1813 or
 * 18013, of 20 to 4096 bytes, whose code is 1 to 13 and whose length field is the
 * payload's size. nDPI looks at no other port, and a flow on those ports that fails the
 * check still gets the "Match by port" guess. Checked against ndpiReader 4.2
 * (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';

/** Authentication, accounting, and the accounting port some servers use. */
const PORTS = [1812, 1813, 18013];
const MIN_BYTES = 20, MAX_BYTES = 4096;
/** Codes up to 13 (Status-Client); later ones such as Disconnect-Request (40) are not accepted. */
const MAX_CODE = 13;

/** True when the payload is a RADIUS packet as nDPI 4.2 checks it. */
export function isRadiusPacket(p: Uint8Array): boolean {
  if (p.length < MIN_BYTES || p.length > MAX_BYTES) return false;
  const code = p[0]!;
  return code >= 1 && code <= MAX_CODE && ((p[2]! << 8) | p[3]!) === p.length;
}

export const RADIUS: Dissector = {
  protocol: 'Radius',
  transports: ['udp'],
  ports: PORTS,
  inspect(ctx: DissectorContext): Verdict {
    if (!PORTS.includes(ctx.srcPort) && !PORTS.includes(ctx.dstPort)) return 'no';
    return isRadiusPacket(ctx.payload) ? {} : 'no';
  },
};
