/**
 * NATS as nDPI 4.2 finds it: a payload that starts with one of the protocol's operations
 * and holds a CR LF before any NUL byte. Payloads under 5 bytes, "+OK" and "-ERR" (which
 * Redis and POP3 replies also start with) neither decide nor rule NATS out; anything else
 * rules it out. nDPI gives NATS no default port, so it is always on a non-standard one.
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts), where a
 * Redis client's inline "PING" comes out as NATS.
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { matchExact } from './util';

/** In nDPI's order; the first that starts the payload is the one that counts. */
const OPERATIONS = ['INFO {', 'CONNECT {', 'PUB ', 'SUB ', 'UNSUB ', 'MSG ', 'PING', 'PONG', '+OK', '-ERR'];
const UNDECIDED = new Set(['+OK', '-ERR']);

/** True when CR LF occurs in the payload before any NUL (nDPI searches it as a C string). */
function hasCrlf(p: Uint8Array): boolean {
  for (let i = 0; i + 1 < p.length; i++) {
    if (p[i] === 0) return false;
    if (p[i] === 0x0d && p[i + 1] === 0x0a) return true;
  }
  return false;
}

/** nDPI 4.2's answer for one payload: NATS, not NATS, or no decision yet. */
export function natsVerdict(p: Uint8Array): 'yes' | 'no' | 'undecided' {
  if (p.length < 5) return 'undecided'; // too short to tell, not a refusal
  for (const op of OPERATIONS) {
    if (!matchExact(p, 0, op)) continue;
    if (UNDECIDED.has(op)) return 'undecided';
    if (hasCrlf(p)) return 'yes';
  }
  return 'no';
}

export const NATS: Dissector = {
  protocol: 'Nats',
  transports: ['tcp'],
  inspect(ctx: DissectorContext): Verdict {
    const verdict = natsVerdict(ctx.payload);
    return verdict === 'yes' ? {} : verdict === 'no' ? 'no' : 'maybe';
  },
};
