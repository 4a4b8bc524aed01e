import type { Dissector } from '../../dissector';
import { startsWithAscii } from './bytes';

/** SSDP: UDP datagrams that start with an M-SEARCH or NOTIFY request line, or a "200 OK" reply. */
export const SSDP: Dissector = {
  protocol: 'SSDP',
  transports: ['udp'],
  ports: [1900],
  inspect(ctx) {
    const p = ctx.payload;
    if (p.length >= 19) {
      if (startsWithAscii(p, 'M-SEARCH * HTTP/1.1') || startsWithAscii(p, 'NOTIFY * HTTP/1.1')) return {};
      if (startsWithAscii(p, 'HTTP/1.1 200 OK\r\n')) return {};
    }
    return 'no';
  },
};
