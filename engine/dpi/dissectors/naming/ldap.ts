import type { Dissector } from '../../dissector';

/**
 * LDAP: a BER SEQUENCE holding a message id and a bind request/response (short form), or
 * a long-form (0x84) length with a bind, search or search-result operation.
 */
export const LDAP: Dissector = {
  protocol: 'LDAP',
  transports: ['tcp', 'udp'],
  ports: [389],
  inspect(ctx) {
    const p = ctx.payload;
    if (p.length < 14 || p[0] !== 0x30) return 'no';
    const bind = (b: number) => b === 0x60 || b === 0x61;
    if (p[1] === 0x0c && p.length === 14 && p[13] === 0x00 && p[2] === 0x02) {
      if (p[3] === 0x01 && bind(p[5]) && p[6] === 0x07) return {};
      if (p[3] === 0x02 && bind(p[6]) && p[7] === 0x07) return {};
    }
    const op = (b: number) => b === 0x60 || b === 0x61 || b === 0x63 || b === 0x64;
    if (p[1] === 0x84 && p.length >= 0x84 && p[2] === 0 && p[3] === 0 && p[6] === 0x02) {
      if (p[7] === 0x01 && op(p[9]) && p[10] === 0x84) return {};
      if (p[7] === 0x02 && op(p[10]) && p[11] === 0x84) return {};
    }
    return 'no';
  },
};
