/**
 * MySQL as nDPI 4.2 finds it: the flow's first payload packet (either way) must be the
 * server's greeting, one packet of at least 39 bytes whose 3-byte length covers the rest,
 * with sequence id 0, a server version starting with a digit from 1 to 8 and a dot, and
 * the authentication plugin name at the end starting with "mysql_" (22 bytes from the end:
 * "mysql_native_password" and its NUL). Anything else rules MySQL out at once, so MySQL 8's
 * "caching_sha2_password" greeting is not MySQL to nDPI 4.2 (later versions accept it).
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { matchExact } from '../text/util';
import { defaultPortsOf } from '../../../../api/ndpi';

const MIN_BYTES = 39;
/** Where the plugin name starts, counted from the end of the payload. */
const PLUGIN_FROM_END = 22;

/** True when the payload is a server greeting nDPI 4.2 accepts. */
export function isMysqlGreeting(p: Uint8Array): boolean {
  if (p.length < MIN_BYTES) return false;
  const length = p[0]! | (p[1]! << 8) | (p[2]! << 16);
  if (length !== p.length - 4 || p[3] !== 0) return false;
  const major = p[5]!;
  if (major < 0x31 || major > 0x38 || p[6] !== 0x2e) return false;
  return matchExact(p, p.length - PLUGIN_FROM_END, 'mysql_');
}

export const MYSQL: Dissector = {
  protocol: 'MySQL',
  transports: ['tcp'],
  ports: defaultPortsOf('MySQL'),
  inspect(ctx: DissectorContext): Verdict {
    return isMysqlGreeting(ctx.payload) ? {} : 'no';
  },
};
