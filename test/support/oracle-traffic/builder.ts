/**
 * Builds a capture of numbered conversations for checking our labels against ndpiReader
 * 4.2 run on the same file (test/integration/dissectors-vs-ndpi.test.ts). Each
 * conversation is one flow named by its client port (41000 and up; server ports are all
 * below 41000), so both tools' flows can be matched by that port alone.
 */
import { PcapWriter } from '../../../engine/capture';
import { TcpSession, type TimedFrame } from '../../../scripts/samples/conversations';
import { udpFrame } from '../../../scripts/samples/frames';

export interface TrafficCase {
  /** The client port, which names the flow in both tools' output. */
  clientPort: number;
  what: string;
}

/** A named set of conversations (one capture), and the differences from nDPI it accepts. */
export interface TrafficSet {
  name: string;
  build(t: TrafficBuilder): void;
  /** Cases (by `what`) where nDPI 4.2 differs for a reason the set's comment gives. */
  knownGaps?: readonly string[];
}

export const FIRST_CLIENT_PORT = 41000;
const CLIENT = '10.0.0.2';
const SERVER = '10.0.0.9';

export class TrafficBuilder {
  readonly cases: TrafficCase[] = [];
  private readonly frames: TimedFrame[] = [];
  private time = 1700000000;
  private clientPort = FIRST_CLIENT_PORT;

  /** One UDP flow: the messages in order, each from the client (true) or the server. */
  udp(serverPort: number, what: string, messages: [fromClient: boolean, payload: number[]][], client = CLIENT, server = SERVER): void {
    const port = this.clientPort++;
    let t = (this.time += 10);
    for (const [fromClient, payload] of messages) {
      this.frames.push({ time: (t += 0.01), frame: fromClient ? udpFrame(client, port, server, serverPort, payload) : udpFrame(server, serverPort, client, port, payload) });
    }
    this.cases.push({ clientPort: port, what });
  }

  /** One TCP connection: handshake, what `talk` sends, close. */
  tcp(serverPort: number, what: string, talk: (s: TcpSession) => TcpSession): void {
    const port = this.clientPort++;
    this.frames.push(...talk(new TcpSession(CLIENT, port, SERVER, serverPort, (this.time += 10)).handshake()).close().frames);
    this.cases.push({ clientPort: port, what });
  }

  /** `n` bytes that are no protocol's (deterministic from `seed`). */
  garbage(n: number, seed: number): number[] {
    return Array.from({ length: n }, (_, i) => (seed * 131 + i * 71 + 7) & 0xff);
  }

  pcap(): Uint8Array {
    const writer = new PcapWriter({ linkType: 1, resolution: 'us' });
    for (const { time, frame } of [...this.frames].sort((a, b) => a.time - b.time)) {
      const sec = Math.floor(time);
      writer.packet({ sec, nsec: Math.round((time - sec) * 1e6) * 1000, data: frame });
    }
    return writer.toBytes();
  }
}

/** The client port of a flow from its two ports (see FIRST_CLIENT_PORT). */
export function caseKey(a: number, b: number): number {
  return a >= FIRST_CLIENT_PORT ? a : b;
}
