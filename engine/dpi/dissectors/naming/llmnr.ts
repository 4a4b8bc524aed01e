import type { Dissector } from '../../dissector';
import { inspectDnsFamily } from './dns-message';

/** LLMNR: a DNS message on port 5355 (nDPI picks the name from the ports; see dns-message.ts). */
export const LLMNR: Dissector = {
  protocol: 'LLMNR',
  transports: ['tcp', 'udp'],
  ports: [5355],
  inspect: (ctx) => inspectDnsFamily('LLMNR', ctx),
};
