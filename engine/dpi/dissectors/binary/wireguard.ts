/**
 * WireGuard as nDPI 4.2 finds it, on UDP and any port. Every message must be 32 bytes at
 * least with its three reserved bytes zero, and of a known type; then the flow is
 * confirmed by two messages that agree on a peer's index:
 * - a handshake initiation (type 1, 148 bytes) answered from the other side by a
 *   response (type 2, 92 bytes) or a cookie reply (type 3, 64 bytes) whose receiver
 *   index is the initiator's sender index (another index rules the flow out);
 * - transport data (type 4): one packet each way records each side's receiver index, and
 *   the next one must repeat its side's index (else the flow is ruled out).
 * A transport packet also makes nDPI suspect WireGuard before any confirmation, so a
 * flow that never confirms still ends as WireGuard, "Match by IP" (L7State.suspected).
 * A handshake message of the wrong size rules the flow out. Checked against ndpiReader 4.2
 * (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { u32le } from '../secure/bytes';
import { defaultPortsOf } from '../../../../api/ndpi';

const INITIATION = 1, RESPONSE = 2, COOKIE_REPLY = 3, TRANSPORT = 4;
const MIN_BYTES = 32; // transport header (16) and the authentication tag (16)
const INITIATION_BYTES = 148, RESPONSE_BYTES = 92, COOKIE_REPLY_BYTES = 64;

/** What one flow has shown so far (kept in the flow's scratch state). */
interface Progress {
  /** 'handshake' after an initiation, 'transport' after transport data; none before. */
  phase?: 'handshake' | 'transport';
  /** Which side sent the initiation, or the first transport packet. */
  firstFromClient?: boolean;
  /** The initiator's sender index, or each side's receiver index (transport). */
  initiatorIndex?: number;
  clientIndex?: number;
  serverIndex?: number;
  /** Both sides sent a transport packet: the next one is checked. */
  bothSides?: boolean;
}

/** True when the payload can be a WireGuard message at all: long enough, reserved bytes zero. */
export function isWireguardHeader(p: Uint8Array): boolean {
  return p.length >= MIN_BYTES && p[1] === 0 && p[2] === 0 && p[3] === 0;
}

/** Checks one packet against the flow's progress: a verdict, updating `progress`. */
export function wireguardStep(progress: Progress, p: Uint8Array, fromClient: boolean): 'no' | 'maybe' | 'yes' {
  if (!isWireguardHeader(p)) return 'no';
  const type = p[0];
  if (type === INITIATION && p.length === INITIATION_BYTES) {
    // An initiation always starts over.
    progress.phase = 'handshake';
    progress.firstFromClient = fromClient;
    progress.initiatorIndex = u32le(p, 4);
    return 'maybe';
  }
  if ((type === RESPONSE && p.length === RESPONSE_BYTES) || (type === COOKIE_REPLY && p.length === COOKIE_REPLY_BYTES)) {
    if (progress.phase !== 'handshake' || progress.firstFromClient === fromClient) return 'maybe';
    const receiver = u32le(p, type === RESPONSE ? 8 : 4);
    return receiver === progress.initiatorIndex ? 'yes' : 'no';
  }
  if (type === TRANSPORT) {
    const receiver = u32le(p, 4);
    if (progress.phase === undefined) {
      progress.phase = 'transport';
      progress.firstFromClient = fromClient;
    } else if (progress.phase === 'transport' && !progress.bothSides) {
      if (progress.firstFromClient === fromClient) return 'maybe';
      progress.bothSides = true;
    } else if (progress.phase === 'transport') {
      return receiver === (fromClient ? progress.clientIndex : progress.serverIndex) ? 'yes' : 'no';
    } else {
      return 'maybe';
    }
    if (fromClient) progress.clientIndex = receiver;
    else progress.serverIndex = receiver;
    return 'maybe';
  }
  return 'no'; // another type, or a handshake message of the wrong size
}

export const WIREGUARD: Dissector = {
  protocol: 'WireGuard',
  transports: ['udp'],
  ports: defaultPortsOf('WireGuard'),
  inspect(ctx: DissectorContext): Verdict {
    let progress = ctx.state.scratch.get('WireGuard') as Progress | undefined;
    if (!progress) ctx.state.scratch.set('WireGuard', (progress = {}));
    const p = ctx.payload;
    if (isWireguardHeader(p) && p[0] === TRANSPORT && ctx.state.suspected === undefined) ctx.state.suspected = 'WireGuard';
    const step = wireguardStep(progress, p, ctx.fromClient);
    return step === 'yes' ? {} : step;
  },
};
