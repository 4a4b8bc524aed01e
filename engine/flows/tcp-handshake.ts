import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from './tcp-flags';

/**
 * Three-way-handshake progress of a TCP flow as bits of one number (kept on the flow,
 * so a flow needs no extra object for it).
 */
export const HANDSHAKE_SYN = 1;
export const HANDSHAKE_SYN_ACK = 2;
/** The client's ACK after the server's SYN-ACK was seen: ntopng's "3WH OK". */
export const HANDSHAKE_COMPLETED = 4;
export const HANDSHAKE_FIN = 8;
export const HANDSHAKE_RST = 16;

/** The handshake state after one segment with `flags`, sent by the client or the server. */
export function nextHandshakeState(state: number, flags: number, fromClient: boolean): number {
  if (flags & TCP_FIN) state |= HANDSHAKE_FIN;
  if (flags & TCP_RST) state |= HANDSHAKE_RST;
  if (flags & TCP_SYN) {
    if (flags & TCP_ACK) {
      if (!fromClient) state |= HANDSHAKE_SYN_ACK;
    } else if (fromClient) {
      state |= HANDSHAKE_SYN;
    }
    return state;
  }
  if (fromClient && flags & TCP_ACK && (state & (HANDSHAKE_SYN | HANDSHAKE_SYN_ACK)) === (HANDSHAKE_SYN | HANDSHAKE_SYN_ACK)) {
    state |= HANDSHAKE_COMPLETED;
  }
  return state;
}
