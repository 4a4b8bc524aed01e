import type { Dissector } from '../../dissector';
import { containsAscii } from './bytes';

/** Dropbox LAN sync: UDP to 17500, a "host_int" JSON key (from 17500) or "Bus17Cmd" (other ports). */
export const DROPBOX: Dissector = {
  protocol: 'Dropbox',
  transports: ['udp'],
  ports: [17500],
  inspect(ctx) {
    const p = ctx.payload;
    if (ctx.dstPort !== 17500 || p.length <= 10) return 'no';
    const marker = ctx.srcPort === 17500 ? '"host_int"' : 'Bus17Cmd';
    return containsAscii(p, marker) ? {} : 'no';
  },
};
