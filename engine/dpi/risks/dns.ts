import type { L7State } from '../l7-state';
import { RISK } from './ids';

/**
 * DNS risks, checked on every DNS message the dissector reads (the query and, after
 * detection, the response), as nDPI 4.2 does.
 */

/** Classic DNS over UDP fits 512 bytes; larger answers invite amplification. */
const UDP_DNS_LIMIT = 512;
/** Longest name a question may hold, in wire bytes without the final zero. */
const MAX_NAME_BYTES = 253;

/**
 * Per-message checks of a flow labelled DNS (not MDNS or LLMNR): a UDP message over
 * 512 bytes, a message cut into IP fragments.
 */
export function dnsMessageRisks(state: L7State, transport: 'tcp' | 'udp', payloadLength: number, ipFragmented: boolean): void {
  if (transport === 'udp' && payloadLength > UDP_DNS_LIMIT) state.addRisk(RISK.DNS_LARGE_PACKET);
  if (ipFragmented) state.addRisk(RISK.DNS_FRAGMENTED);
}

/** The query name holds bytes that are not printable (DNS, MDNS and LLMNR alike). */
export function dnsNameRisks(state: L7State, nonPrintable: boolean): void {
  if (nonPrintable) state.addRisk(RISK.INVALID_CHARACTERS);
}

/**
 * The question section does not hold together: a name runs past the message, is longer
 * than 253 bytes, or its query type is 0. `at` is where the questions start.
 */
export function questionsMalformed(p: Uint8Array, at: number, questions: number): boolean {
  let x = at;
  for (let q = 0; q < questions && x < p.length; q++) {
    let i = x;
    let total = 0;
    while (i < p.length) {
      const len = p[i]!;
      if (len === 0) {
        total++;
        break;
      }
      if ((len & 0xc0) === 0xc0) {
        // A compression pointer ends the name (2 bytes; nDPI counts its first one).
        total++;
        i++;
        break;
      }
      i += len + 1;
      total += len + 1;
    }
    if (i + 4 > p.length || (p[i + 1] === 0 && p[i + 2] === 0) || total > MAX_NAME_BYTES) return true;
    x = i + 5;
  }
  return false;
}

export function dnsQuestionRisks(state: L7State, p: Uint8Array, at: number, questions: number): void {
  if (questionsMalformed(p, at, questions)) state.addRisk(RISK.MALFORMED_PACKET);
}
