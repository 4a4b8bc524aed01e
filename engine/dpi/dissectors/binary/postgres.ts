/**
 * PostgreSQL as nDPI 4.2 finds it, from the start of the conversation only. The first
 * payload packet (either side) must be either an SSLRequest (8 bytes: length 8 and the
 * code 80877103) or a StartupMessage (a 4-byte big-endian length equal to the packet's,
 * then a protocol version below 4.0). The next payload packet, which must come from the
 * other side, decides: after an SSLRequest a single 'S' or 'N' byte; after a startup an
 * Authentication message ('R', its length covering the rest, and a request code below 10).
 * Anything else rules PostgreSQL out, so a server asking for SASL (code 10, the SCRAM
 * default since PostgreSQL 14) or a cancel request followed by nothing is not PostgreSQL
 * to nDPI 4.2 (the flow then gets the port guess on 5432).
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { scratch } from '../text/util';
import { u32 } from '../secure/bytes';
import { defaultPortsOf } from '../../../../api/ndpi';

const SSL_REQUEST_CODE = 80877103; // 0x04d2162f
const VERSION_LIMIT = 0x00040000;
const AUTH_CODE_LIMIT = 10;

/** What the first payload packet was: an SSLRequest, a startup message, or neither. */
export function postgresOpening(p: Uint8Array): 'ssl' | 'startup' | undefined {
  if (p.length <= 7 || u32(p, 0) !== p.length) return undefined;
  const code = u32(p, 4);
  if (code === SSL_REQUEST_CODE) return 'ssl';
  return code < VERSION_LIMIT ? 'startup' : undefined;
}

/** True when `p` is the answer nDPI 4.2 expects to the opening. */
export function isPostgresAnswer(opening: 'ssl' | 'startup', p: Uint8Array): boolean {
  if (opening === 'ssl') return p.length === 1 && (p[0] === 0x53 || p[0] === 0x4e); // 'S' | 'N'
  return p.length > 8 && p[0] === 0x52 && u32(p, 1) === p.length - 1 && u32(p, 5) < AUTH_CODE_LIMIT;
}

interface PostgresState {
  opening?: 'ssl' | 'startup';
  /** Side that sent the opening. */
  openedByClient: boolean;
}

export const POSTGRES: Dissector = {
  protocol: 'PostgreSQL',
  transports: ['tcp'],
  ports: defaultPortsOf('PostgreSQL'),
  inspect(ctx: DissectorContext): Verdict {
    const s = scratch<PostgresState>(ctx, 'PostgreSQL', () => ({ openedByClient: true }));
    if (s.opening === undefined) {
      s.opening = postgresOpening(ctx.payload);
      s.openedByClient = ctx.fromClient;
      return s.opening === undefined ? 'no' : 'maybe';
    }
    if (ctx.fromClient === s.openedByClient) return 'no';
    return isPostgresAnswer(s.opening, ctx.payload) ? {} : 'no';
  },
};
