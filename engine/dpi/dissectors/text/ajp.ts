import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { payloadPacketCount, u16 } from './util';

/**
 * AJP (Apache JServ Protocol) as nDPI 4.2 finds it, from the first payload packet: magic
 * 0x1234 (web server to container) with a forward-request, shutdown, ping or CPing code,
 * or magic "AB" (container to web server) with a body-chunk, headers, end-response,
 * get-body-chunk or CPong code, and a non-zero length.
 */

const TO_CONTAINER = new Set([2, 7, 8, 10]);
const TO_SERVER = new Set([3, 4, 5, 6, 9]);

export function looksLikeAjp(p: Uint8Array): boolean {
  if (p.length < 5) return false;
  const magic = u16(p, 0);
  const length = u16(p, 2);
  const code = p[4]!;
  if (length === 0) return false;
  if (magic === 0x1234) return TO_CONTAINER.has(code);
  if (magic === 0x4142) return TO_SERVER.has(code);
  return false;
}

export const AJP: Dissector = {
  protocol: 'AJP',
  transports: ['tcp'],
  ports: [8009],
  inspect(ctx: DissectorContext): Verdict {
    if (payloadPacketCount(ctx) > 20) return 'no';
    return looksLikeAjp(ctx.payload) ? {} : 'no';
  },
};
