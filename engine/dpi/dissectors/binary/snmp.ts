/**
 * SNMP as nDPI 4.2 finds it: a UDP packet to or from port 161 or 162 holding exactly one
 * BER SEQUENCE whose first element is the version 0 (v1), 1 (v2c) or 3 (v3). Off those
 * ports nDPI does not look, and a flow on them that fails the check is left Unknown: no
 * "Match by port" (checked against ndpiReader 4.2, test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';

const PORTS = [161, 162];

/** A BER length at `at`: [value, bytes used], in the short form or 0x81/0x82 long forms. */
function berLength(p: Uint8Array, at: number): [number, number] | undefined {
  if (at >= p.length) return undefined;
  const first = p[at]!;
  if (first <= 0x80) return [first, 1];
  if (first === 0x81 && at + 1 < p.length) return [p[at + 1]!, 2];
  if (first === 0x82 && at + 2 < p.length) return [(p[at + 1]! << 8) | p[at + 2]!, 3];
  return undefined;
}

/** True when the payload is an SNMP message as nDPI 4.2 checks it. */
export function isSnmpMessage(p: Uint8Array): boolean {
  if (p.length <= 16 || p[0] !== 0x30) return false;
  const length = berLength(p, 1);
  if (!length || length[0] <= 2 || 1 + length[1] + length[0] !== p.length) return false;
  // The version INTEGER (02 01 vv) follows the SEQUENCE header; nDPI reads its value byte.
  const version = p[1 + length[1] + 2];
  return version === 0 || version === 1 || version === 3;
}

export const SNMP: Dissector = {
  protocol: 'SNMP',
  transports: ['udp'],
  ports: PORTS,
  noPortGuessOnceExcluded: true,
  inspect(ctx: DissectorContext): Verdict {
    if (!PORTS.includes(ctx.srcPort) && !PORTS.includes(ctx.dstPort)) return 'no';
    return isSnmpMessage(ctx.payload) ? {} : 'no';
  },
};
