/**
 * VNC (RFB, RFC 6143) as nDPI 4.2 finds it: the first two payload packets are 12-byte
 * ProtocolVersion messages, one each way, each starting "RFB 003" or "RFB 004" and ending
 * with a newline (the minor version digits are not read). Any other packet before that
 * rules VNC out. nDPI flags every VNC flow as a "Desktop/File Sharing Session".
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { matchExact, scratch } from './util';
import { defaultPortsOf } from '../../../../api/ndpi';

const VERSION_BYTES = 12;

/** True when the payload is a ProtocolVersion message as nDPI 4.2 checks it. */
export function isRfbVersion(p: Uint8Array): boolean {
  return p.length === VERSION_BYTES && (matchExact(p, 0, 'RFB 003') || matchExact(p, 0, 'RFB 004')) && p[11] === 0x0a;
}

interface VncState {
  /** Direction of the first version message (true: from the client), once seen. */
  firstFromClient?: boolean;
}

export const VNC: Dissector = {
  protocol: 'VNC',
  transports: ['tcp'],
  ports: defaultPortsOf('VNC'),
  inspect(ctx: DissectorContext): Verdict {
    const s = scratch<VncState>(ctx, 'VNC', () => ({}));
    if (!isRfbVersion(ctx.payload)) return 'no';
    if (s.firstFromClient === undefined) {
      s.firstFromClient = ctx.fromClient;
      return 'maybe';
    }
    return s.firstFromClient !== ctx.fromClient ? {} : 'no';
  },
};
