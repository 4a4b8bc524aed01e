import type { Dissector } from '../../dissector';

/** Teredo: UDP port 3544 carrying at least an IPv6 header's worth of bytes, not to IPv4 multicast. */
export const TEREDO: Dissector = {
  protocol: 'Teredo',
  transports: ['udp'],
  ports: [3544],
  inspect(ctx) {
    if (ctx.srcPort !== 3544 && ctx.dstPort !== 3544) return 'no';
    if (ctx.flow.ipVersion !== 4) return 'no';
    const destination = ctx.fromClient ? ctx.flow.serverIp : ctx.flow.clientIp;
    const firstOctet = Number(destination.split('.')[0]);
    if (firstOctet >= 224 && firstOctet <= 239) return 'no';
    return ctx.payload.length >= 40 ? {} : 'no';
  },
};
