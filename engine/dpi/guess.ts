import { protocolForDefaultPort } from '../../api/ndpi';
import type { Flow } from '../flows/flow';

/** Protocols without ports that nDPI labels from the IP protocol number alone. */
const BY_IP_PROTOCOL: { [proto: number]: string } = {
  1: 'ICMP', 2: 'IGMP', 4: 'IP_in_IP', 47: 'GRE', 50: 'IPsec', 51: 'IPsec', 58: 'ICMPV6', 89: 'OSPF', 112: 'VRRP', 132: 'SCTP',
};

export function labelByIpProtocol(l4Proto: number): string | undefined {
  return BY_IP_PROTOCOL[l4Proto];
}

/**
 * nDPI's last resort for a flow no dissector recognised: the protocol whose default port
 * the flow uses ("Match by port"), from the api/ catalog's port table. Server port first,
 * then client port.
 */
export function guessByPort(flow: Flow): string | undefined {
  const l4 = flow.l4Proto === 6 ? 'TCP' : flow.l4Proto === 17 ? 'UDP' : undefined;
  if (!l4) return undefined;
  return (protocolForDefaultPort(l4, flow.serverPort) ?? protocolForDefaultPort(l4, flow.clientPort))?.name;
}
