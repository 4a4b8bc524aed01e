/**
 * Per-flow TCP bookkeeping: the three-way handshake and sequence-number anomalies
 * (retransmissions, out-of-order, lost segments, keep-alives), the way ntopng classifies
 * them so that `flow.isTwhOK()`, `flow.getTCPStats()` and the idle rules can be answered.
 */

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

/** Sequence-number state of one direction of a TCP flow. */
export class TcpDirectionState {
  /** Next sequence number we expect from this sender; -1 until the first segment. */
  nextSeq = -1;
  /** Sequence number of the previous segment from this sender. */
  lastSeq = -1;
  retransmissions = 0;
  outOfOrder = 0;
  lost = 0;
  keepAlive = 0;

  /**
   * Classifies one segment. `seq` and `payload` are the TCP sequence number and payload
   * length; SYN and FIN each consume one sequence number.
   */
  observe(seq: number, payload: number, flags: number): void {
    const consumed = payload + (flags & TCP_SYN ? 1 : 0) + (flags & TCP_FIN ? 1 : 0);
    const previous = this.lastSeq;
    if (consumed > 0) this.lastSeq = seq;
    if (this.nextSeq < 0 || flags & TCP_SYN) {
      this.nextSeq = (seq + consumed) >>> 0;
      return;
    }
    if (flags & TCP_RST) return;
    const delta = seqDiff(seq, this.nextSeq);
    if (delta === 0) {
      this.nextSeq = (seq + consumed) >>> 0;
    } else if (delta < 0) {
      // Behind what we expected. As ntopng tells them apart: a keep-alive probe re-sends
      // the last byte (or nothing); the same segment start as the previous segment is a
      // retransmission; anything else arrived out of order.
      if (delta === -1 && payload <= 1 && !(flags & (TCP_FIN | TCP_SYN))) this.keepAlive++;
      else if (consumed === 0) return; // a pure duplicate ACK, not a data anomaly
      else if (seq === previous) this.retransmissions++;
      else this.outOfOrder++;
      if (seqDiff(seq + consumed, this.nextSeq) > 0) this.nextSeq = (seq + consumed) >>> 0;
    } else {
      // Ahead of what we expected: the bytes in between were not captured (or not sent yet).
      this.lost++;
      this.nextSeq = (seq + consumed) >>> 0;
    }
  }

  /** Retransmissions + out-of-order + lost: what ntopng calls the direction's TCP issues. */
  get issues(): number {
    return this.retransmissions + this.outOfOrder + this.lost;
  }
}

/** Signed distance a - b in 32-bit sequence space. */
export function seqDiff(a: number, b: number): number {
  return ((a - b) | 0);
}

/** Handshake progress, driven by the flags of each segment and its direction. */
export class TcpHandshake {
  synSeen = false;
  synAckSeen = false;
  /** The client's ACK after the server's SYN-ACK was seen: ntopng's "3WH OK". */
  completed = false;
  finSeen = false;
  rstSeen = false;

  observe(flags: number, fromClient: boolean): void {
    if (flags & TCP_FIN) this.finSeen = true;
    if (flags & TCP_RST) this.rstSeen = true;
    if (flags & TCP_SYN) {
      if (flags & TCP_ACK) {
        if (!fromClient) this.synAckSeen = true;
      } else if (fromClient) {
        this.synSeen = true;
      }
      return;
    }
    if (!this.completed && fromClient && this.synSeen && this.synAckSeen && flags & TCP_ACK) {
      this.completed = true;
    }
  }
}
