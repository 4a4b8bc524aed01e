/**
 * BitTorrent: the peer-wire handshake on TCP ("\x13BitTorrent protocol", either side),
 * and on UDP the DHT's bencoded KRPC messages ("d1:ad2:id20:" queries, "d1:rd2:id20:"
 * replies) or a uTP packet carrying the handshake. nDPI 4.2 also labels later flows of
 * the same peers from a cache ("DPI (cache)"); that needs state across flows, which a
 * dissector does not have (see the report).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { scratchOf, startsWith, u8 } from './bytes';

const PROTOCOL = 'BitTorrent';
const HANDSHAKE = '\x13BitTorrent protocol';
const DHT_PREFIXES = ['d1:ad2:id20:', 'd1:rd2:id20:', 'd1:ei'];

function tcpVerdict(p: Uint8Array, seen: number): Verdict {
  if (startsWith(p, HANDSHAKE)) return {};
  // The handshake can arrive split: wait while the bytes are a prefix of it.
  if (p.length < HANDSHAKE.length && startsWith(HANDSHAKE_BYTES, String.fromCharCode(...p))) return 'maybe';
  return seen >= 2 ? 'no' : 'maybe';
}

const HANDSHAKE_BYTES = new Uint8Array([...HANDSHAKE].map((c) => c.charCodeAt(0)));

function udpVerdict(p: Uint8Array): Verdict {
  for (const prefix of DHT_PREFIXES) if (startsWith(p, prefix)) return {};
  // uTP header (20 bytes; type 0-4 in the high nibble, version 1) followed by the handshake.
  const first = u8(p, 0);
  if (first >= 0 && (first & 0x0f) === 1 && first >> 4 <= 4 && startsWith(p, HANDSHAKE, 20)) return {};
  return 'no';
}

export const bittorrentDissector: Dissector = {
  protocol: PROTOCOL,
  transports: ['tcp', 'udp'],
  ports: [6881, 6882, 6883, 6884, 6885, 6886, 6887, 6888, 6889, 51413],
  inspect(ctx: DissectorContext): Verdict {
    if (ctx.transport === 'udp') return udpVerdict(ctx.payload);
    const s = scratchOf<{ seen: number }>(ctx.state.scratch, PROTOCOL, () => ({ seen: 0 }));
    s.seen++;
    return tcpVerdict(ctx.payload, s.seen);
  },
};
