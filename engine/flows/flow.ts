import type { TunnelKind } from '../decode/decoded';
import { DIRECTION_SLOTS, DirectionStats, newValueArray } from './direction-stats';
import { TcpHandshake } from './tcp-handshake';

/** Why a flow left the table. */
export type FlowEndReason = 'idle' | 'end-of-capture' | 'evicted';

/** Where a flow is in its life, on packet time (ntopng's idle rules decide the move to ended). */
export type FlowState = 'active' | 'ended';

// Flow-level slots after the two directions' slots in `values`.
const LAST_SEEN = 2 * DIRECTION_SLOTS;
const FIRST_ACTIVITY = LAST_SEEN + 1;
const LAST_ACTIVITY = LAST_SEEN + 2;
const MAX_ICMP_PAYLOAD = LAST_SEEN + 3;
const VALUE_SLOTS = LAST_SEEN + 4;

/**
 * One bidirectional flow. The client is the sender of the first packet seen (as
 * ndpiReader 4.2 does; it never swaps). Numbers live in one array of doubles (see
 * DirectionStats for why).
 */
export class Flow {
  private readonly values = newValueArray(VALUE_SLOTS);
  readonly clientToServer = new DirectionStats(this.values, 0);
  readonly serverToClient = new DirectionStats(this.values, DIRECTION_SLOTS);
  readonly handshake = new TcpHandshake();
  state: FlowState = 'active';
  endReason: FlowEndReason | undefined;
  /** ICMP type/code of the first ICMP packet, -1 when not ICMP. */
  icmpType = -1;
  icmpCode = -1;

  /** @internal true when the client is the canonical "low" endpoint of the flow key. */
  clientIsLow = true;
  /** @internal next flow in the same hash bucket of the flow table. */
  nextInBucket: Flow | null = null;
  /** @internal intrusive doubly linked list used by the idle tracker. */
  prevIdle: Flow | null = null;
  /** @internal */
  nextIdle: Flow | null = null;
  /** @internal which idle list holds the flow (0 = none). */
  idleList = 0;

  constructor(
    /** 1-based, in order of creation. */
    readonly id: number,
    /** @internal the flow key as stored words (see FlowKey.toWords). */
    readonly keyWords: Uint32Array,
    /** @internal hash of the key. */
    readonly keyHash: number,
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
    /** Interface time (latest packet time seen by the table) when the flow was created. */
    firstActivity: number,
  ) {
    this.values[LAST_SEEN] = firstSeen;
    this.values[FIRST_ACTIVITY] = firstActivity;
    this.values[LAST_ACTIVITY] = firstActivity;
  }

  /** Packet time of the last packet, seconds. */
  get lastSeen(): number {
    return this.values[LAST_SEEN];
  }

  /** Interface time of the flow's first and last packet (idle rules use these). */
  get firstActivity(): number {
    return this.values[FIRST_ACTIVITY];
  }

  get lastActivity(): number {
    return this.values[LAST_ACTIVITY];
  }

  /** Largest ICMP payload seen (bytes). */
  get maxIcmpPayload(): number {
    return this.values[MAX_ICMP_PAYLOAD];
  }

  /** @internal the table records a packet's times. */
  touch(time: number, interfaceTime: number): void {
    if (time > this.values[LAST_SEEN]) this.values[LAST_SEEN] = time;
    this.values[LAST_ACTIVITY] = interfaceTime;
  }

  /** @internal */
  noteIcmpPayload(length: number): void {
    if (length > this.values[MAX_ICMP_PAYLOAD]) this.values[MAX_ICMP_PAYLOAD] = length;
  }

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
