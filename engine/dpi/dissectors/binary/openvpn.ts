/**
 * OpenVPN as nDPI 4.2 finds it, on TCP (after the 2-byte record length) and UDP, any
 * port. Only payloads of 40 bytes or more are looked at:
 * - UDP only: the flow's first packet decides at once when it is 112 bytes with opcode
 *   byte (top five bits) 168 or 192, or 80 bytes with 184, 88, 160, 168 or 200;
 * - a client hard reset (opcode 1 or 7) among the first five such packets records the
 *   session id (bytes 1-8) when its packet id (after the session id and an HMAC of 20,
 *   else 16 bytes) is 1;
 * - a server hard reset (opcode 2 or 8) from the second such packet to the sixth, whose
 *   packet id is 1 too, decides when the session id after its acknowledgement array
 *   equals the recorded one (all zeros if none was recorded);
 * - any other packet of 40 bytes or more (or a server reset that fails) rules OpenVPN out,
 *   and so does the flow passing 5 payload packets.
 * The direction of the resets is not checked. Checked against ndpiReader 4.2
 * (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { payloadPacketCount, scratch } from '../text/util';
import { u32 } from '../secure/bytes';
import { defaultPortsOf } from '../../../../api/ndpi';

const MIN_BYTES = 40;
const OPCODE_MASK = 0xf8;
const CLIENT_RESET_V1 = 1 << 3, CLIENT_RESET_V2 = 7 << 3;
const SERVER_RESET_V1 = 2 << 3, SERVER_RESET_V2 = 8 << 3;
const HMAC_SIZES = [20, 16]; // SHA-1 (OpenVPN's default) tried first, then 128-bit HMACs
const SESSION_ID_BYTES = 8;
const RESET_LIMIT = 5;
const MAX_PACKETS = 5;
/** Lengths and opcode bytes of a first UDP packet that nDPI 4.2 takes for OpenVPN as they are. */
const FIRST_UDP_SHAPES: Record<number, readonly number[]> = { 112: [168, 192], 80: [184, 88, 160, 168, 200] };

interface OpenvpnState {
  /** Packets of 40 bytes or more seen (nDPI's ovpn_counter). */
  resets: number;
  sessionId: number[];
}

/** The HMAC size whose packet id (just after it) reads 1, or undefined. */
export function hmacSize(m: Uint8Array): number | undefined {
  return HMAC_SIZES.find((h) => m.length >= 1 + SESSION_ID_BYTES + h + 4 && u32(m, 1 + SESSION_ID_BYTES + h) === 1);
}

/** True when a server hard reset acknowledges `sessionId`. */
function serverResetMatches(m: Uint8Array, sessionId: number[]): boolean {
  const h = hmacSize(m);
  if (h === undefined) return false;
  let at = 1 + SESSION_ID_BYTES + h + 8; // packet id and time
  const acks = m[at] ?? 0;
  if (acks === 0) return false;
  at += 1 + acks * 4;
  if (at + SESSION_ID_BYTES > m.length) return false;
  return sessionId.every((b, i) => m[at + i] === b);
}

export const OPENVPN: Dissector = {
  protocol: 'OpenVPN',
  transports: ['tcp', 'udp'],
  ports: defaultPortsOf('OpenVPN'),
  inspect(ctx: DissectorContext): Verdict {
    const packets = payloadPacketCount(ctx);
    const p = ctx.payload;
    if (p.length >= MIN_BYTES) {
      if (ctx.transport === 'udp' && packets === 1 && FIRST_UDP_SHAPES[p.length]?.includes(p[0]! & OPCODE_MASK)) return {};
      const m = ctx.transport === 'tcp' ? p.subarray(2) : p;
      const s = scratch<OpenvpnState>(ctx, 'OpenVPN', () => ({ resets: 0, sessionId: new Array(SESSION_ID_BYTES).fill(0) }));
      const opcode = m[0]! & OPCODE_MASK;
      let failed = false;
      if (s.resets < RESET_LIMIT && (opcode === CLIENT_RESET_V1 || opcode === CLIENT_RESET_V2)) {
        if (hmacSize(m) !== undefined) s.sessionId = Array.from(m.subarray(1, 1 + SESSION_ID_BYTES));
      } else if (s.resets >= 1 && s.resets <= RESET_LIMIT && (opcode === SERVER_RESET_V1 || opcode === SERVER_RESET_V2)) {
        if (serverResetMatches(m, s.sessionId)) return {};
        failed = true;
      } else {
        failed = true;
      }
      s.resets++;
      if (failed) return 'no';
    }
    return packets > MAX_PACKETS ? 'no' : 'maybe';
  },
};
