import type { L7State } from '../l7-state';
import { RISK } from './ids';

/**
 * An ICMP (IPv4) message that cannot be right, checked on the flow's first packet: a type
 * in the unassigned range 44..252, a code above 15, a message shorter than its 8-byte
 * header, or a bad checksum. `message`: the ICMP header and data, as captured; `complete`
 * is false when the capture cut the packet (the checksum cannot be checked then).
 */
export function icmpRisks(state: L7State, message: Uint8Array, complete: boolean): void {
  if (message.length < 8) {
    if (complete) state.addRisk(RISK.MALFORMED_PACKET);
    return;
  }
  const type = message[0]!;
  const code = message[1]!;
  if ((type >= 44 && type <= 252) || code > 15 || (complete && internetChecksum(message) !== 0)) state.addRisk(RISK.MALFORMED_PACKET);
}

/** RFC 1071 one's-complement sum, folded and inverted: 0 for a message with a right checksum. */
export function internetChecksum(b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i + 1 < b.length; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  if (b.length % 2 === 1) sum += b[b.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
