import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { endsWithCrlf, isValidHostname, text } from './util';

/**
 * Whois-DAS as nDPI 4.2 finds it: on TCP port 43 or 4343, a CR LF-terminated payload
 * whose text is a valid host name (a query such as "example.com"). The query sent to
 * the server becomes the flow's host name.
 */

const PORTS = [43, 4343];
const HOST_MAX = 79;

export const WHOIS_DAS: Dissector = {
  protocol: 'Whois-DAS',
  transports: ['tcp'],
  ports: PORTS,
  inspect(ctx: DissectorContext): Verdict {
    const p = ctx.payload;
    if (!PORTS.includes(ctx.srcPort) && !PORTS.includes(ctx.dstPort)) return 'no';
    if (p.length <= 2 || !endsWithCrlf(p) || !isValidHostname(p, 0, p.length - 2)) return 'no';
    if (!PORTS.includes(ctx.dstPort)) return {};
    let host = text(p, 0, p.length - 2).toLowerCase();
    if (host.length > HOST_MAX) host = host.slice(host.length - HOST_MAX);
    return host.length > 0 ? { host } : {};
  },
};
