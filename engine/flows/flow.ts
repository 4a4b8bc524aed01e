import { RunningStats } from './running-stats';
import { TcpDirectionState, TcpHandshake } from './tcp-state';
import type { TunnelKind } from '../decode/decoded';
import type { FlowKey } from './flow-key';

/** Counters of one direction of a flow (client→server or server→client). */
export class DirectionStats {
  packets = 0;
  /** Captured frame bytes including the link-layer header (what ndpiReader and ntopng count). */
  bytes = 0;
  /** Transport payload bytes. */
  goodputBytes = 0;
  /** IP fragments seen in this direction (first and later ones). */
  fragments = 0;
  /** Packet time (seconds) of the first and last packet; 0 before any. */
  firstSeen = 0;
  lastSeen = 0;
  /** OR of every TCP flag byte seen in this direction. */
  tcpFlags = 0;
  readonly packetLength = new RunningStats();
  /** Inter-arrival times in milliseconds. */
  readonly interArrival = new RunningStats();
  readonly tcp = new TcpDirectionState();
}

/** Why a flow left the table. */
export type FlowEndReason = 'idle' | 'end-of-capture' | 'evicted';

/** Where a flow is in its life, on packet time (ntopng's idle rules decide the move to ended). */
export type FlowState = 'active' | 'ended';

/**
 * One bidirectional flow. The client is the sender of the first packet seen (as
 * ndpiReader 4.2 does; it never swaps).
 */
export class Flow {
  readonly clientToServer = new DirectionStats();
  readonly serverToClient = new DirectionStats();
  readonly handshake = new TcpHandshake();
  state: FlowState = 'active';
  endReason: FlowEndReason | undefined;
  /** ICMP type/code of the first ICMP packet, -1 when not ICMP. */
  icmpType = -1;
  icmpCode = -1;
  /** Largest ICMP payload seen (bytes). */
  maxIcmpPayload = 0;

  /** @internal true when the client is the canonical "low" endpoint of the flow key. */
  clientIsLow = true;
  /** @internal next flow in the same hash bucket of the flow table. */
  nextInBucket: Flow | null = null;
  /** Idle bookkeeping: interface time (monotonic packet time) of the first and last packet. */
  firstActivity = 0;
  lastActivity = 0;
  /** @internal intrusive doubly linked list used by the idle tracker. */
  prevIdle: Flow | null = null;
  /** @internal */
  nextIdle: Flow | null = null;
  /** @internal which idle list holds the flow (0 = none). */
  idleList = 0;

  constructor(
    /** 1-based, in order of creation. */
    readonly id: number,
    readonly key: FlowKey,
    readonly vlan: number,
    readonly ipVersion: 4 | 6,
    /** IP protocol number. */
    readonly l4Proto: number,
    readonly clientIp: string,
    readonly clientPort: number,
    readonly serverIp: string,
    readonly serverPort: number,
    readonly tunnel: TunnelKind,
    /** Packet time of the first packet, seconds. */
    readonly firstSeen: number,
    /** Number of the packet that created the flow. */
    readonly firstPacket: number,
  ) {
    this.lastSeen = firstSeen;
  }

  /** Packet time of the last packet, seconds. */
  lastSeen: number;

  get packets(): number {
    return this.clientToServer.packets + this.serverToClient.packets;
  }

  get bytes(): number {
    return this.clientToServer.bytes + this.serverToClient.bytes;
  }

  get goodputBytes(): number {
    return this.clientToServer.goodputBytes + this.serverToClient.goodputBytes;
  }

  get durationSeconds(): number {
    return this.lastSeen - this.firstSeen;
  }

  get bidirectional(): boolean {
    return this.clientToServer.packets > 0 && this.serverToClient.packets > 0;
  }

  get isTcp(): boolean {
    return this.l4Proto === 6;
  }

  /** TCP flows that saw FIN or RST, or never completed the handshake, expire early. */
  get expiresEarly(): boolean {
    return this.l4Proto === 6 && (this.handshake.finSeen || this.handshake.rstSeen || !this.handshake.completed);
  }
}
