import type { Dissector } from '../../dissector';
import { inspectDnsFamily } from './dns-message';

/** DNS: a DNS message on port 53 (nDPI picks the name from the ports; see dns-message.ts). */
export const DNS: Dissector = {
  protocol: 'DNS',
  transports: ['tcp', 'udp'],
  ports: [53],
  inspect: (ctx) => inspectDnsFamily('DNS', ctx),
};
