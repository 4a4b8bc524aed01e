import type { Dissector } from '../../dissector';
import { u32 } from './bytes';
import { TextBuilder } from '../../util/latin1';

/** Builds the name read from a packet (one string per name, not per character). */
const nameBuilder = new TextBuilder();

/**
 * DHCP: BOOTP between ports 67/68 with the DHCP magic cookie and a message-type option
 * (53) of 1..8; the host name is option 12, lower case.
 */
const MAGIC = 0x63825363;
const MAX_HOST_CHARS = 79;

export const DHCP: Dissector = {
  protocol: 'DHCP',
  transports: ['udp'],
  ports: [67, 68],
  inspect(ctx) {
    const p = ctx.payload;
    const portOk = (port: number) => port === 67 || port === 68;
    if (p.length < 244 || !portOk(ctx.srcPort) || !portOk(ctx.dstPort) || u32(p, 236) !== MAGIC) return 'no';
    let validType = false;
    let host: string | undefined;
    let i = 240;
    while (i + 2 < p.length) {
      const id = p[i];
      if (id === 0xff) break;
      const length = p[i + 1];
      if (id === 53 && length >= 1) {
        const type = p[i + 2];
        if (type >= 1 && type <= 8) validType = true;
      } else if (id === 12 && length > 0 && host === undefined) {
        const name = nameBuilder.reset();
        for (let k = 0; k < length && k < MAX_HOST_CHARS && i + 2 + k < p.length; k++) {
          const c = p[i + 2 + k];
          name.push(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
        }
        host = name.text();
      }
      i += length + 2;
    }
    if (!validType) return 'no';
    return host !== undefined ? { host } : {};
  },
};
