import type { TunnelKind } from '../decode/decoded';
import type { L7State } from '../dpi/l7-state';
import { formatIPv4Word, formatIPv6Words } from './address';
import { countPacket, DIRECTION_SLOTS, DirectionStats, initDirection, newValueArray, observeTcpSegment } from './direction-stats';
import { KEY_SLOTS, type FlowKey } from './flow-key';
import { HANDSHAKE_COMPLETED, HANDSHAKE_FIN, HANDSHAKE_RST, nextHandshakeState } from './tcp-handshake';

/** Why a flow left the table. */
export type FlowEndReason = 'idle' | 'end-of-capture' | 'evicted';

/** Where a flow is in its life, on packet time (ntopng's idle rules decide the move to ended). */
export type FlowState = 'active' | 'ended';

// Slots of `values`: client→server, server→client, the flow's own numbers, its key.
const C2S = 0;
const S2C = DIRECTION_SLOTS;
const LAST_SEEN = 2 * DIRECTION_SLOTS;
const FIRST_ACTIVITY = LAST_SEEN + 1;
const LAST_ACTIVITY = LAST_SEEN + 2;
const MAX_ICMP_PAYLOAD = LAST_SEEN + 3;
const KEY = LAST_SEEN + 4;
const VALUE_SLOTS = KEY + KEY_SLOTS;

/**
 * One bidirectional flow. The client is the sender of the first packet seen (as
 * ndpiReader 4.2 does; it never swaps).
 *
 * A flow lives for many packets, so it survives young garbage collections and is copied
 * by each of them: it is kept to two objects, itself and one array of unboxed doubles
 * holding every counter and its key. Address strings and the per-direction views are
 * made when first asked for.
 */
export class Flow {
  /** @internal every number of the flow (see the slot constants). */
  readonly values = newValueArray(VALUE_SLOTS);
  state: FlowState = 'active';
  endReason: FlowEndReason | undefined;
  /** ICMP type/code of the first ICMP packet, -1 when not ICMP. */
  icmpType = -1;
  icmpCode = -1;
  /** @internal TCP handshake bits (tcp-handshake.ts). */
  handshakeState = 0;
  /** What the L7 detector found (undefined when it does not run). */
  l7: L7State | undefined;

  /** @internal next flow in the same hash bucket of the flow table. */
  nextInBucket: Flow | null = null;
  /** @internal the flow table's list of live flows in creation order. */
  prevCreated: Flow | null = null;
  /** @internal */
  nextCreated: Flow | null = null;
  /** @internal intrusive doubly linked list used by the idle tracker. */
  prevIdle: Flow | null = null;
  /** @internal */
  nextIdle: Flow | null = null;
  /** @internal which idle list holds the flow (0 = none). */
  idleList = 0;

  private clientText: string | undefined;
  private serverText: string | undefined;
  private c2sView: DirectionStats | undefined;
  private s2cView: DirectionStats | undefined;

  constructor(
    /** 1-based, in order of creation. */
    readonly id: number,
    key: FlowKey,
    readonly vlan: number,
    readonly ipVersion: 4 | 6,
    /** IP protocol number. */
    readonly l4Proto: number,
    readonly clientPort: number,
    readonly serverPort: number,
    readonly tunnel: TunnelKind,
    /** Packet time of the first packet, seconds. */
    readonly firstSeen: number,
    /** Number of the packet that created the flow. */
    readonly firstPacket: number,
    /** Interface time (latest packet time seen by the table) when the flow was created. */
    firstActivity: number,
  ) {
    const v = this.values;
    this.keyHash = key.hash;
    this.clientIsLow = key.sourceIsLow;
    key.storeInto(v, KEY);
    initDirection(v, C2S);
    initDirection(v, S2C);
    v[LAST_SEEN] = firstSeen;
    v[FIRST_ACTIVITY] = firstActivity;
    v[LAST_ACTIVITY] = firstActivity;
  }

  /** @internal hash of the flow key. */
  readonly keyHash: number;
  /** @internal true when the client is the key's "low" endpoint. */
  readonly clientIsLow: boolean;

  /** @internal whether `key` names this flow. */
  hasKey(key: FlowKey): boolean {
    return key.matches(this.values, KEY);
  }

  get clientIp(): string {
    return (this.clientText ??= this.address(this.clientIsLow ? KEY : KEY + 4));
  }

  get serverIp(): string {
    return (this.serverText ??= this.address(this.clientIsLow ? KEY + 4 : KEY));
  }

  /** The client's / server's IPv4 address as a 32-bit number (undefined for IPv6 flows). */
  get clientIPv4(): number | undefined {
    return this.ipVersion === 4 ? this.values[this.clientIsLow ? KEY : KEY + 4] : undefined;
  }

  get serverIPv4(): number | undefined {
    return this.ipVersion === 4 ? this.values[this.clientIsLow ? KEY + 4 : KEY] : undefined;
  }

  get clientToServer(): DirectionStats {
    return (this.c2sView ??= new DirectionStats(this.values, C2S));
  }

  get serverToClient(): DirectionStats {
    return (this.s2cView ??= new DirectionStats(this.values, S2C));
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

  /** The TCP three-way handshake completed (ntopng's `isTwhOK`). */
  get threeWayHandshake(): boolean {
    return (this.handshakeState & HANDSHAKE_COMPLETED) !== 0;
  }

  get finSeen(): boolean {
    return (this.handshakeState & HANDSHAKE_FIN) !== 0;
  }

  get rstSeen(): boolean {
    return (this.handshakeState & HANDSHAKE_RST) !== 0;
  }

  get packets(): number {
    return this.values[C2S] + this.values[S2C];
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
    return this.values[C2S] > 0 && this.values[S2C] > 0;
  }

  get isTcp(): boolean {
    return this.l4Proto === 6;
  }

  /** TCP flows that saw FIN or RST, or never completed the handshake, expire early. */
  get expiresEarly(): boolean {
    const state = this.handshakeState;
    return this.l4Proto === 6 && ((state & (HANDSHAKE_FIN | HANDSHAKE_RST)) !== 0 || (state & HANDSHAKE_COMPLETED) === 0);
  }

  /** @internal the table counts one packet (time in s, captured frame length, payload length). */
  countPacket(fromClient: boolean, time: number, frameLength: number, payload: number, fragment: boolean, interfaceTime: number): void {
    const v = this.values;
    countPacket(v, fromClient ? C2S : S2C, time, frameLength, payload, fragment);
    if (time > v[LAST_SEEN]) v[LAST_SEEN] = time;
    v[LAST_ACTIVITY] = interfaceTime;
  }

  /** @internal the table reports one TCP segment. */
  observeTcp(fromClient: boolean, flags: number, seq: number, payload: number): void {
    this.handshakeState = nextHandshakeState(this.handshakeState, flags, fromClient);
    observeTcpSegment(this.values, fromClient ? C2S : S2C, seq, payload, flags);
  }

  /** @internal */
  noteIcmpPayload(length: number): void {
    if (length > this.values[MAX_ICMP_PAYLOAD]) this.values[MAX_ICMP_PAYLOAD] = length;
  }

  private address(at: number): string {
    const v = this.values;
    return this.ipVersion === 4 ? formatIPv4Word(v[at]) : formatIPv6Words(v[at], v[at + 1], v[at + 2], v[at + 3]);
  }
}
