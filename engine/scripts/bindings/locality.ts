/** Local / unicast tests on peer addresses, as ntopng's host objects answer them. */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * A matcher for a list of CIDRs ("192.168.1.0/24", "::1/128"); bad entries throw. IPv4 addresses
 * are tested arithmetically (node's BlockList builds a SocketAddress per check, which was a large
 * part of a hook call); the answers for other addresses are cached.
 */
export function networkMatcher(cidrs: readonly string[]): (ip: string) => boolean {
  const slow = blockListMatcher(cidrs);
  const v4: [number, number][] = [];
  for (const cidr of cidrs) {
    const [net, bits] = cidr.split('/');
    if (!isIPv4(net!)) continue;
    const prefix = bits === undefined ? 32 : Number(bits);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    v4.push([(ipv4Number(net!) & mask) >>> 0, mask]);
  }
  // IPv4 is answered in place (cheaper than a cache lookup, and a capture with more distinct
  // addresses than the cache holds made it churn); other addresses are cached
  const cache = new Map<string, boolean>();
  return (ip) => {
    const n = ipv4Number(ip);
    if (n >= 0) {
      for (const [net, mask] of v4) if (((n & mask) >>> 0) === net) return true;
      return false;
    }
    let hit = cache.get(ip);
    if (hit !== undefined) return hit;
    hit = slow(ip);
    if (cache.size >= 65536) cache.clear();
    cache.set(ip, hit);
    return hit;
  };
}

/** The number of a dotted IPv4 address, or -1 when the text is not one. */
function ipv4Number(ip: string): number {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return -1;
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || part > 255) return -1;
  return n * 256 + part;
}

function blockListMatcher(cidrs: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, bits] = cidr.split('/');
    const family = isIPv6(net!) ? 'ipv6' : 'ipv4';
    const prefix = bits === undefined ? (family === 'ipv6' ? 128 : 32) : Number(bits);
    list.addSubnet(net!, prefix, family);
  }
  return (ip) => list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
}

/**
 * Broadcast or multicast: 224.0.0.0/4, 255.255.255.255, ff00::/8. Addresses come from the flow
 * table, always well formed: the first octet is read in place (isIPv4's regular expression and a
 * split per call were most of flow.isUnicast's time).
 */
export function isBroadOrMulticast(ip: string): boolean {
  const n = ipv4Number(ip);
  if (n >= 0) return (n >= 0xe0000000 && n <= 0xefffffff) || n === 0xffffffff;
  return ip.length >= 2 && (ip.charCodeAt(0) | 32) === 102 && (ip.charCodeAt(1) | 32) === 102;
}
