import type { Dissector } from '../../dissector';

/** NTP: port 123, at least a 48-byte header, version 0..4. */
export const NTP: Dissector = {
  protocol: 'NTP',
  transports: ['udp'],
  ports: [123],
  inspect(ctx) {
    const p = ctx.payload;
    if ((ctx.srcPort !== 123 && ctx.dstPort !== 123) || p.length < 48) return 'no';
    const version = (p[0] >> 3) & 0x07;
    return version <= 4 ? {} : 'no';
  },
};
