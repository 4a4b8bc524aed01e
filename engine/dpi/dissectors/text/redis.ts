/**
 * Redis (RESP) as nDPI 4.2 finds it: it only looks at the first byte of the latest
 * payload packet of each side. Once both sides have spoken, one side's byte must be '*'
 * (a command as an array) and the other's '+' or ':' (a simple string or integer reply);
 * otherwise Redis is ruled out. A bulk ('$') or error ('-') reply, or an inline command,
 * is not Redis to nDPI. It gives up after 20 payload packets.
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { payloadPacketCount, scratch } from './util';
import { defaultPortsOf } from '../../../../api/ndpi';

const MAX_PACKETS = 20;
const ARRAY = 0x2a; // '*'
const SIMPLE = 0x2b; // '+'
const INTEGER = 0x3a; // ':'

/** True when the two sides' first bytes make a Redis command and reply (either way round). */
export function isRedisExchange(client: number, server: number): boolean {
  const reply = (c: number) => c === SIMPLE || c === INTEGER;
  return (client === ARRAY && reply(server)) || (server === ARRAY && reply(client));
}

interface RedisState {
  /** First byte of each side's latest payload, 0 until that side speaks (as in nDPI). */
  client: number;
  server: number;
}

export const REDIS: Dissector = {
  protocol: 'Redis',
  transports: ['tcp'],
  ports: defaultPortsOf('Redis'),
  inspect(ctx: DissectorContext): Verdict {
    if (payloadPacketCount(ctx) > MAX_PACKETS) return 'no';
    const s = scratch<RedisState>(ctx, 'Redis', () => ({ client: 0, server: 0 }));
    if (ctx.fromClient) s.client = ctx.payload[0]!;
    else s.server = ctx.payload[0]!;
    if (s.client === 0 || s.server === 0) return 'maybe';
    return isRedisExchange(s.client, s.server) ? {} : 'no';
  },
};
