import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { matchExact, payloadPacketCount, u16 } from './util';

/**
 * SIP as nDPI 4.2 finds it: within the first 5 payload packets, a request line
 * "METHOD sip:" (method all upper or all lower case) or a status line "SIP/2.0 ",
 * possibly behind a 4-byte TURN ChannelData prefix.
 */

const METHODS = ['NOTIFY', 'REGISTER', 'INVITE', 'BYE', 'ACK', 'CANCEL', 'PUBLISH', 'SUBSCRIBE', 'MESSAGE', 'OPTIONS'];

function either(p: Uint8Array, offset: number, word: string): boolean {
  return matchExact(p, offset, word) || matchExact(p, offset, word.toLowerCase());
}

/** True when the payload opens a SIP message. */
export function looksLikeSip(payload: Uint8Array): boolean {
  let p = payload;
  if (p.length > 4 && p.length - 4 === u16(p, 2)) p = p.subarray(4);
  if (p.length < 14) return false;
  if (either(p, 0, 'SIP/2.0 ')) return true;
  for (const m of METHODS) {
    if (either(p, 0, `${m} `) && either(p, m.length + 1, 'SIP:')) return true;
  }
  return false;
}

export const SIP: Dissector = {
  protocol: 'SIP',
  transports: ['udp', 'tcp'],
  ports: [5060, 5061],
  inspect(ctx: DissectorContext): Verdict {
    if (payloadPacketCount(ctx) > 5) return 'no';
    const p = ctx.payload;
    if (looksLikeSip(p)) return {};
    if (ctx.transport === 'udp') return 'maybe';
    if (p.length === 4 && p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0) return 'maybe';
    return 'no';
  },
};
