import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { payloadPacketCount, scratch } from './util';

/**
 * Telnet as nDPI 4.2 finds it: the third packet made only of option negotiation
 * (IAC commands: 0xFF, then a command byte, options up to 0x28) labels the flow.
 */

/** True when the payload opens with IAC negotiation and holds nothing but IAC sequences and data. */
export function isIacNegotiation(p: Uint8Array): boolean {
  if (p.length < 3) return false;
  if (!(p[0] === 0xff && p[1]! > 0xf9 && p[1] !== 0xff && p[2]! < 0x28)) return false;
  for (let a = 3; a < p.length - 2; a++) {
    if (p[a] !== 0xff) continue;
    const cmd = p[a + 1]!;
    if (cmd >= 0xf0 && cmd <= 0xfa) continue;
    if (cmd >= 0xfb && cmd !== 0xff && p[a + 2]! <= 0x28) continue;
    return false;
  }
  return true;
}

export const TELNET: Dissector = {
  protocol: 'Telnet',
  transports: ['tcp'],
  ports: [23],
  inspect(ctx: DissectorContext): Verdict {
    const count = payloadPacketCount(ctx);
    const s = scratch(ctx, 'Telnet', () => ({ stage: 0 }));
    if (isIacNegotiation(ctx.payload)) {
      if (s.stage === 2) return {};
      s.stage++;
      return 'maybe';
    }
    if ((count < 12 && s.stage > 0) || count < 6) return 'maybe';
    return 'no';
  },
};
