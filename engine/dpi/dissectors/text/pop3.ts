import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { endsWithCrlf, matchCI, payloadPacketCount, scratch } from './util';
import { RISK } from '../../risks/ids';

/**
 * POP3 as nDPI 4.2 finds it: server "+OK"/"-ERR" replies and distinct client commands
 * (AUTH, APOP, USER, PASS, CAPA, LIST, STAT, UIDL, RETR, DELE, STLS) add up; three, with
 * at least one server reply, on a CR LF-terminated packet make POP3.
 */

const COMMANDS = ['AUTH', 'APOP', 'USER', 'PASS', 'CAPA', 'LIST', 'STAT', 'UIDL', 'RETR', 'DELE', 'STLS'];

interface PopScratch {
  replies: number;
  commands: number;
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

export const POP3: Dissector = {
  protocol: 'POP3',
  transports: ['tcp'],
  ports: [110],
  inspect(ctx: DissectorContext): Verdict {
    const p = ctx.payload;
    const count = payloadPacketCount(ctx);
    const s = scratch<PopScratch>(ctx, 'POP3', () => ({ replies: 0, commands: 0 }));
    let known = false;
    if ((p.length > 3 && p[0] === 0x2b && matchCI(p, 1, 'OK')) || (p.length > 4 && p[0] === 0x2d && matchCI(p, 1, 'ERR'))) {
      s.replies++;
      known = true;
    } else if (p.length > 4) {
      const i = COMMANDS.findIndex((c) => matchCI(p, 0, c));
      if (i >= 0) {
        s.commands |= 1 << i;
        known = true;
        // USER and PASS carry the login in clear text.
        if (COMMANDS[i] === 'USER' || COMMANDS[i] === 'PASS') ctx.state.addRisk(RISK.CLEAR_TEXT_CREDENTIALS);
      }
    }
    if (known) {
      if (p.length > 2 && endsWithCrlf(p) && popcount(s.commands) + s.replies >= 3 && s.replies > 0) return {};
      return 'maybe';
    }
    if ((endsWithCrlf(p) || s.commands !== 0 || s.replies !== 0) && count < 12) return 'maybe';
    return 'no';
  },
};
