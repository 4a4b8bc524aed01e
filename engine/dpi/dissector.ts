import type { Flow } from '../flows/flow';
import type { L7State } from './l7-state';

/**
 * One protocol dissector (one module each under dissectors/). The detector hands it the
 * payload of each packet of a flow, both directions, until the flow's protocol is
 * decided; a dissector keeps what it needs across packets in `ctx.state.scratch`.
 *
 * Payload bytes are hostile: a dissector must never throw (the detector still catches
 * and counts it as a bug) and must never read outside `payload`.
 */
export interface Dissector {
  /** The nDPI protocol name it recognises (the master name for "master.app" labels). */
  readonly protocol: string;
  /** Transports it runs on. */
  readonly transports: readonly ('tcp' | 'udp')[];
  /**
   * Ports where the protocol usually lives; dissectors whose ports match a flow are
   * tried first (a hint only: every dissector sees every flow until it excludes itself).
   */
  readonly ports?: readonly number[];
  /**
   * When this dissector ruled a flow out, the flow gets no "Match by port" guess of this
   * protocol at the end (nDPI 4.2 leaves such SNMP flows Unknown; for most protocols it
   * still guesses by port).
   */
  readonly noPortGuessOnceExcluded?: boolean;
  /**
   * False when nDPI 4.2 never flags this protocol as "Known Protocol on Non Standard
   * Port" (STUN off port 3478 is not flagged, QUIC off 443 is).
   */
  readonly portRisk?: false;
  inspect(ctx: DissectorContext): Verdict;
}

export interface DissectorContext {
  readonly flow: Flow;
  /** The L7 state of the flow, where a dissector records labels and details. */
  readonly state: L7State;
  /** The transport payload of this packet (a view; copy what you keep). */
  readonly payload: Uint8Array;
  /** True when the packet goes client → server. */
  readonly fromClient: boolean;
  /** Ports of this packet's sender and receiver. */
  readonly srcPort: number;
  readonly dstPort: number;
  /** 'tcp' or 'udp'. */
  readonly transport: 'tcp' | 'udp';
  /** Packet time, seconds. */
  readonly time: number;
  /** The packet is the first fragment of a fragmented IP datagram (later ones never reach dissectors). */
  readonly ipFragmented: boolean;
}

/**
 * What a dissector says about the flow after a packet:
 * - 'no': not this protocol, do not ask again for this flow;
 * - 'maybe': could be, show me more packets;
 * - a Detection: it is this protocol.
 */
export type Verdict = 'no' | 'maybe' | Detection;

export interface Detection {
  /** Application name when the dissector knows it (e.g. "SMBv23" under "NetBIOS"); else the protocol alone. */
  app?: string;
  /** Host/server name to record (SNI, HTTP Host, DNS query...), used for application labels. */
  host?: string;
  /**
   * Keep handing this dissector the flow's packets after detection, to fill details that
   * come later (the HTTP response code, the TLS certificate, the DNS answer).
   */
  moreDetails?: boolean;
}
