import type { Dissector } from '../../dissector';

/** DHCPv6: client port 546 ↔ server port 547, a message type of 1..13. */
export const DHCPV6: Dissector = {
  protocol: 'DHCPV6',
  transports: ['udp'],
  ports: [546, 547],
  inspect(ctx) {
    const p = ctx.payload;
    const ports = (ctx.srcPort === 546 && ctx.dstPort === 547) || (ctx.srcPort === 547 && ctx.dstPort === 546);
    return ports && p.length >= 4 && p[0] >= 1 && p[0] <= 13 ? {} : 'no';
  },
};
