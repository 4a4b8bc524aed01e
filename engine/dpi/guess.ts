import type { Flow } from '../flows/flow';

/**
 * nDPI's last resort for a flow no dissector recognised: the protocol whose default port
 * the flow uses ("Match by port"). Server port first, then client port.
 */
const DEFAULT_PORTS: { tcp: { [port: number]: string }; udp: { [port: number]: string } } = {
  tcp: { 21: 'FTP_CONTROL', 22: 'SSH', 25: 'SMTP', 43: 'Whois-DAS', 53: 'DNS', 80: 'HTTP', 110: 'POP3', 139: 'NetBIOS', 143: 'IMAP', 443: 'TLS', 993: 'IMAPS', 8080: 'HTTP_Proxy' },
  udp: { 53: 'DNS', 67: 'DHCP', 68: 'DHCP', 123: 'NTP', 137: 'NetBIOS', 138: 'NetBIOS', 443: 'QUIC', 1900: 'SSDP', 5353: 'MDNS', 5355: 'LLMNR' },
};

/** Protocols without ports that nDPI labels from the IP protocol number alone. */
const BY_IP_PROTOCOL: { [proto: number]: string } = {
  1: 'ICMP', 2: 'IGMP', 4: 'IP_in_IP', 47: 'GRE', 50: 'IPsec', 51: 'IPsec', 58: 'ICMPV6', 89: 'OSPF', 112: 'VRRP', 132: 'SCTP',
};

export function labelByIpProtocol(l4Proto: number): string | undefined {
  return BY_IP_PROTOCOL[l4Proto];
}

export function guessByPort(flow: Flow): string | undefined {
  const table = flow.l4Proto === 6 ? DEFAULT_PORTS.tcp : flow.l4Proto === 17 ? DEFAULT_PORTS.udp : undefined;
  if (!table) return undefined;
  return table[flow.serverPort] ?? table[flow.clientPort];
}
