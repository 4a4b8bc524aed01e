import type { Dissector } from '../../dissector';
import { startsWithAscii } from './bytes';

/** Spotify LAN discovery: UDP 57621 ↔ 57621 starting with "SpotUdp". */
export const SPOTIFY: Dissector = {
  protocol: 'Spotify',
  transports: ['udp'],
  ports: [57621],
  inspect(ctx) {
    const p = ctx.payload;
    return ctx.srcPort === 57621 && ctx.dstPort === 57621 && startsWithAscii(p, 'SpotUdp') ? {} : 'no';
  },
};
