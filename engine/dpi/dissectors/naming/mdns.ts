import type { Dissector } from '../../dissector';
import { inspectDnsFamily } from './dns-message';

/** MDNS: a DNS message on port 5353 (nDPI picks the name from the ports; see dns-message.ts). */
export const MDNS: Dissector = {
  protocol: 'MDNS',
  transports: ['tcp', 'udp'],
  ports: [5353],
  inspect: (ctx) => inspectDnsFamily('MDNS', ctx),
};
