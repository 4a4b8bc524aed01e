/**
 * Jabber (XMPP) in clear as nDPI 4.2 finds it: a payload packet, from either side, that
 * starts with "<?xml version=" or "<stream:stream " and names the streams namespace,
 * xmlns:stream='http://etherx.jabber.org/streams' (either quote), somewhere after its
 * 13th byte; the search stops at a NUL byte, as C's string functions do. Packets that do
 * not match leave Jabber undecided until the flow's third payload packet, and after the
 * fifth it is ruled out. (nDPI then looks for im.truphone.com to say Truphone, a protocol
 * our catalog does not list; its file-transfer port tracking only runs after detection.)
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { matchExact, payloadPacketCount } from './util';

const MAX_PACKETS = 5;
const UNDECIDED_PACKETS = 2;
const SEARCH_FROM = 13;
const NAMESPACES = [
  "xmlns:stream='http://etherx.jabber.org/streams'",
  'xmlns:stream="http://etherx.jabber.org/streams"',
];

/** True when `needle` occurs in p[from, end) before any NUL byte (nDPI's ndpi_strnstr). */
function containsBeforeNul(p: Uint8Array, from: number, needle: string): boolean {
  for (let i = from; i + needle.length <= p.length; i++) {
    if (p[i] === 0) return false;
    if (matchExact(p, i, needle)) return true;
  }
  return false;
}

/** True when the payload opens an XMPP stream the way nDPI 4.2 requires. */
export function isJabberStreamOpening(p: Uint8Array): boolean {
  const opens = matchExact(p, 0, '<?xml version=') || matchExact(p, 0, '<stream:stream ');
  return opens && NAMESPACES.some((ns) => containsBeforeNul(p, SEARCH_FROM, ns));
}

export const JABBER: Dissector = {
  protocol: 'Jabber',
  transports: ['tcp'],
  inspect(ctx: DissectorContext): Verdict {
    const count = payloadPacketCount(ctx);
    if (count > MAX_PACKETS) return 'no';
    if (isJabberStreamOpening(ctx.payload)) return {};
    return count > UNDECIDED_PACKETS ? 'no' : 'maybe';
  },
};
