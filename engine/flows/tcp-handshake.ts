import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from './tcp-flags';

/** Three-way-handshake progress of a TCP flow, driven by each segment's flags and direction. */
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
