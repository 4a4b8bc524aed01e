/**
 * Transport names as ndpiReader prints them in its flow list (and as the ground-truth
 * files carry them): a few names, otherwise the IP protocol number.
 */
const NDPI_READER_L4_NAMES: { [proto: number]: string } = {
  1: 'ICMP',
  2: 'IGMP',
  6: 'TCP',
  17: 'UDP',
  58: 'ICMPV6',
  112: 'VRRP',
};

export function l4Name(proto: number): string {
  return NDPI_READER_L4_NAMES[proto] ?? String(proto);
}
