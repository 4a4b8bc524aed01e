import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { u32, u8 } from './bytes';

/**
 * Kerberos v5 on port 88 (UDP, or TCP with its 4-byte record length): an AS/TGS request
 * or reply or a KRB-ERROR, recognised from its DER framing: the application tag, a
 * SEQUENCE, the protocol version 5 and a message type that agrees with the tag.
 */
const PORT = 88;
/** nDPI ignores TCP records announced longer than this. */
const MAX_RECORD = 12000;

/** Offset after a DER length at `at`, or -1. */
function skipLength(p: Uint8Array, at: number): number {
  const first = u8(p, at);
  if (first < 0) return -1;
  if (first < 0x80) return at + 1;
  const bytes = first & 0x7f;
  if (bytes < 1 || bytes > 3 || at + 1 + bytes > p.length) return -1;
  return at + 1 + bytes;
}

/** The Kerberos message type at `base` (10 AS-REQ, 11 AS-REP, 12 TGS-REQ, 13 TGS-REP, 30 KRB-ERROR), or -1. */
export function kerberosMessageType(p: Uint8Array, base: number): number {
  const tag = u8(p, base);
  if (tag !== 0x6a && tag !== 0x6b && tag !== 0x6c && tag !== 0x6d && tag !== 0x7e) return -1;
  let x = skipLength(p, base + 1);
  if (x < 0 || u8(p, x) !== 0x30) return -1;
  x = skipLength(p, x + 1);
  if (x < 0) return -1;
  const request = tag === 0x6a || tag === 0x6c;
  // Requests: pvno is field [1], msg-type [2]; replies and errors: pvno [0], msg-type [1].
  const pvnoTag = request ? 0xa1 : 0xa0;
  if (u8(p, x) !== pvnoTag || u8(p, x + 1) !== 3 || u8(p, x + 2) !== 2 || u8(p, x + 3) !== 1 || u8(p, x + 4) !== 5) return -1;
  x += 5;
  if (u8(p, x) !== pvnoTag + 1 || u8(p, x + 1) !== 3 || u8(p, x + 2) !== 2 || u8(p, x + 3) !== 1) return -1;
  const type = u8(p, x + 4);
  return type === (tag & 0x1f) ? type : -1;
}

function inspect(ctx: DissectorContext): Verdict {
  if (ctx.srcPort !== PORT && ctx.dstPort !== PORT) return 'no';
  const p = ctx.payload;
  let base = 0;
  if (ctx.transport === 'tcp') {
    const record = u32(p, 0);
    if (record < 0 || record >= MAX_RECORD || record < p.length - 4) return 'no';
    base = 4; // a record longer than this segment continues in the next ones; its head is here
  }
  return kerberosMessageType(p, base) >= 0 ? {} : 'no';
}

export const KERBEROS: Dissector = {
  protocol: 'Kerberos',
  transports: ['tcp', 'udp'],
  ports: [PORT],
  inspect,
};
