/**
 * STUN (RFC 5389, and RFC 3489 without the magic cookie) as nDPI 4.2 labels it, over UDP
 * and IPv4: a message whose length field accounts for the whole payload (under 512 bytes)
 * and whose type is one of the first methods (Binding, Allocate, Refresh, Send, Data,
 * CreatePermission, ChannelBind, in any class), or a flow on UDP port 3478, whatever it
 * carries. Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 *
 * Not done: nDPI's applications over STUN (WhatsApp and Skype/Teams calls, Zoom, Signal,
 * Facebook and Google VoIP, named by vendor attributes, REALM values and addresses) and
 * its cache of STUN endpoints shared across flows.
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';

const STUN_PORT = 3478;
const HEADER_BYTES = 20;
const MAX_BYTES = 512;

/** True when the payload is one STUN message nDPI 4.2 accepts. */
export function isStunMessage(p: Uint8Array): boolean {
  if (p.length >= MAX_BYTES || p.length < HEADER_BYTES) return false;
  const type = (p[0]! << 8) | p[1]!;
  const length = (p[2]! << 8) | p[3]!;
  if (type === 0 || length + HEADER_BYTES !== p.length) return false;
  // The class bits (0x0110) masked out, the method must be at most 0x00B; 0x0800 is
  // a type nDPI also accepts.
  return (type & 0x3eef) <= 0x000b || type === 0x0800;
}

/** The text form some servers answer with ("RSP/1.0 STUN_..."). */
function isStunText(p: Uint8Array): boolean {
  return p.length >= 13 && p[0] === 0x52 && p[1] === 0x53 && p[2] === 0x50 && p[3] === 0x2f &&
    p[7] === 0x20 && p[8] === 0x53 && p[9] === 0x54 && p[10] === 0x55 && p[11] === 0x4e && p[12] === 0x5f;
}

export const STUN: Dissector = {
  protocol: 'STUN',
  transports: ['udp'],
  ports: [STUN_PORT],
  portRisk: false,
  inspect(ctx: DissectorContext): Verdict {
    if (ctx.flow.ipVersion !== 4) return 'no';
    const destination = ctx.fromClient ? ctx.flow.serverIPv4! : ctx.flow.clientIPv4!;
    if (destination === 0xffffffff || destination >>> 28 === 0xe) return 'no'; // broadcast, multicast
    if (ctx.srcPort === STUN_PORT || ctx.dstPort === STUN_PORT) return {};
    return isStunMessage(ctx.payload) || isStunText(ctx.payload) ? {} : 'no';
  },
};
