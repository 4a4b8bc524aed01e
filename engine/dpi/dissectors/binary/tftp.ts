/**
 * TFTP (RFC 1350) as nDPI 4.2 finds it, on UDP and any port. The first byte is zero and
 * the second the opcode:
 * - a read or write request (1, 2) decides at once: it must end with NUL, just after a
 *   mode of "netascii", "octet" or "mail" (any case); the file name is not checked;
 * - DATA (3, at most 4 + 512 bytes), ACK (4, exactly 4 bytes) and ERROR (5: a code below
 *   8, a NUL at the end) are counted, and the fourth of them decides;
 * - anything else (another opcode, under 4 bytes, a size out of bounds) rules it out.
 * Block numbers are not followed. Checked against ndpiReader 4.2
 * (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { matchCI } from '../text/util';
import { defaultPortsOf } from '../../../../api/ndpi';

const RRQ = 1, WRQ = 2, DATA = 3, ACK = 4, ERROR = 5;
const MAX_DATA_BYTES = 4 + 512;
const MODES = ['netascii', 'octet', 'mail'];
/** Transfer packets (DATA, ACK, ERROR) seen before the one that decides. */
const TRANSFER_PACKETS_BEFORE = 3;

/** What one packet tells: a request decides, a transfer packet counts, anything else rules TFTP out. */
export function tftpPacketKind(p: Uint8Array): 'request' | 'transfer' | 'no' {
  if (p.length < 4 || p[0] !== 0) return 'no';
  const last = p.length - 1;
  switch (p[1]) {
    case RRQ:
    case WRQ:
      if (p[last] !== 0) return 'no';
      return MODES.some((mode) => matchCI(p, last - mode.length, mode)) ? 'request' : 'no';
    case DATA:
      return p.length <= MAX_DATA_BYTES ? 'transfer' : 'no';
    case ACK:
      return p.length === 4 ? 'transfer' : 'no';
    case ERROR:
      return p.length >= 5 && p[last] === 0 && p[2] === 0 && p[3]! <= 7 ? 'transfer' : 'no';
    default:
      return 'no';
  }
}

export const TFTP: Dissector = {
  protocol: 'TFTP',
  transports: ['udp'],
  ports: defaultPortsOf('TFTP'),
  inspect(ctx: DissectorContext): Verdict {
    const kind = tftpPacketKind(ctx.payload);
    if (kind !== 'transfer') return kind === 'request' ? {} : 'no';
    const seen = (ctx.state.scratch.get('TFTP') as number | undefined) ?? 0;
    if (seen >= TRANSFER_PACKETS_BEFORE) return {};
    ctx.state.scratch.set('TFTP', seen + 1);
    return 'maybe';
  },
};
