/**
 * Memcached's text protocol as nDPI 4.2 finds it, on TCP and UDP and any port. Each
 * payload packet (either way) that starts with a command ("get ", "set ", "stats"...) or
 * a reply ("STORED\r\n", "VALUE ", "END\r\n", "STAT "...) counts, case matters, and the
 * second one found decides. Over UDP the 8-byte frame header comes first: its reserved
 * bytes (6, 7) must be zero and the datagram count (4, 5) not zero, else Memcached is
 * ruled out. A payload under 5 bytes (13 over UDP) rules it out too, and so does having
 * no second match once the flow is past 5 payload packets.
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { matchExact, payloadPacketCount, scratch } from './util';
import { defaultPortsOf } from '../../../../api/ndpi';

const MIN_BYTES = 5; // "END\r\n", the shortest message nDPI knows
const UDP_HEADER_BYTES = 8;
const MATCHES_NEEDED = 2;
const MAX_PACKETS = 5;

/** The starts of commands and replies nDPI 4.2 knows. */
const PREFIXES = [
  'set ', 'add ', 'replace ', 'append ', 'prepend ', 'cas ', 'get ', 'gets ', 'delete ', 'incr ', 'decr ',
  'touch ', 'gat ', 'gats ', 'stats',
  'ERROR\r\n', 'CLIENT_ERROR ', 'SERVER_ERROR ', 'STORED\r\n', 'NOT_STORED\r\n', 'EXISTS\r\n', 'NOT_FOUND\r\n',
  'END\r\n', 'DELETED\r\n', 'TOUCHED\r\n', 'STAT ',
];

/** True when the text at `at` starts with a command or reply nDPI knows. */
export function isMemcachedMessage(p: Uint8Array, at: number): boolean {
  return PREFIXES.some((prefix) => matchExact(p, at, prefix));
}

/** Where the text starts in a UDP datagram, or undefined when the frame header is refused. */
export function memcachedUdpText(p: Uint8Array): number | undefined {
  if (p.length < MIN_BYTES + UDP_HEADER_BYTES) return undefined;
  if ((p[4] === 0 && p[5] === 0) || p[6] !== 0 || p[7] !== 0) return undefined;
  return UDP_HEADER_BYTES;
}

export const MEMCACHED: Dissector = {
  protocol: 'Memcached',
  transports: ['tcp', 'udp'],
  ports: defaultPortsOf('Memcached'),
  inspect(ctx: DissectorContext): Verdict {
    const packets = payloadPacketCount(ctx);
    const p = ctx.payload;
    const at = ctx.transport === 'udp' ? memcachedUdpText(p) : p.length < MIN_BYTES ? undefined : 0;
    if (at === undefined) return 'no';
    const matches = scratch(ctx, 'Memcached', () => ({ count: 0 }));
    if (isMemcachedMessage(p, at)) matches.count++;
    if (matches.count >= MATCHES_NEEDED) return {};
    return packets > MAX_PACKETS ? 'no' : 'maybe';
  },
};
