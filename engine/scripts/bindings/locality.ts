/** Local / unicast tests on peer addresses, as ntopng's host objects answer them. */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** A matcher for a list of CIDRs ("192.168.1.0/24", "::1/128"); bad entries throw. */
export function networkMatcher(cidrs: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, bits] = cidr.split('/');
    const family = isIPv6(net!) ? 'ipv6' : 'ipv4';
    const prefix = bits === undefined ? (family === 'ipv6' ? 128 : 32) : Number(bits);
    list.addSubnet(net!, prefix, family);
  }
  return (ip) => list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
}

/** Broadcast or multicast: 224.0.0.0/4, 255.255.255.255, ff00::/8. */
export function isBroadOrMulticast(ip: string): boolean {
  if (isIPv4(ip)) {
    const first = Number(ip.split('.')[0]);
    return (first >= 224 && first <= 239) || ip === '255.255.255.255';
  }
  return ip.toLowerCase().startsWith('ff');
}
