/**
 * RDP on TCP, as nDPI 4.2 recognises it: a TPKT header (version 3, length = payload
 * length) carrying an X.224 Connection Request or Connection Confirm whose length
 * indicator covers the rest of the packet.
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { scratchOf, u16, u8 } from './bytes';

const PROTOCOL = 'RDP';

export function isRdpConnectionPdu(p: Uint8Array): boolean {
  if (p.length <= 10) return false;
  if (p[0] !== 3 || p[1] !== 0) return false;
  if (u16(p, 2) !== p.length || u8(p, 4) !== p.length - 5) return false;
  const code = p[5] & 0xf0;
  return (code === 0xe0 || code === 0xd0) && u16(p, 6) === 0;
}

export const rdpDissector: Dissector = {
  protocol: PROTOCOL,
  transports: ['tcp'],
  ports: [3389],
  inspect(ctx: DissectorContext): Verdict {
    if (isRdpConnectionPdu(ctx.payload)) return {};
    const s = scratchOf<{ seen: number }>(ctx.state.scratch, PROTOCOL, () => ({ seen: 0 }));
    return ++s.seen >= 2 ? 'no' : 'maybe';
  },
};
