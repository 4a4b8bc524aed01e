/**
 * MongoDB as nDPI 4.2 finds it: any one payload packet among the flow's first six, from
 * either side, with more than the 16-byte wire header, a little-endian message length
 * from 4 to 1,000,000 (not compared with the packet's size) and a known op code:
 * OP_REPLY (1), 2001 to 2007 (update, insert, reserved, query, get-more, delete,
 * kill-cursors) or OP_MSG (2013). Any other packet rules MongoDB out at once, so
 * OP_COMPRESSED (2012) is not MongoDB to nDPI 4.2, and neither is a header cut short.
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { payloadPacketCount } from '../text/util';
import { u32le } from '../secure/bytes';
import { defaultPortsOf } from '../../../../api/ndpi';

const HEADER_BYTES = 16;
const MAX_LENGTH = 1_000_000;
const MAX_PACKETS = 6;
const OP_REPLY = 1;
const OP_MSG = 2013;

/** True when the payload starts with a wire-protocol header nDPI 4.2 accepts. */
export function isMongoMessage(p: Uint8Array): boolean {
  if (p.length <= HEADER_BYTES) return false;
  const length = u32le(p, 0);
  if (length < 4 || length > MAX_LENGTH) return false;
  const op = u32le(p, 12);
  return op === OP_REPLY || op === OP_MSG || (op >= 2001 && op <= 2007);
}

export const MONGODB: Dissector = {
  protocol: 'MongoDB',
  transports: ['tcp'],
  ports: defaultPortsOf('MongoDB'),
  inspect(ctx: DissectorContext): Verdict {
    if (payloadPacketCount(ctx) > MAX_PACKETS) return 'no';
    return isMongoMessage(ctx.payload) ? {} : 'no';
  },
};
