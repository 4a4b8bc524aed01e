import type { CapturedPacket } from '../capture/packet';
import type { DecodedPacket } from '../decode/decoded';
import { Flow, type FlowEndReason } from './flow';
import { FlowKey } from './flow-key';
import { FragmentMap } from './fragment-map';
import { IdleTracker } from './idle-tracker';
import { NTOPNG_FLOW_TABLE, type FlowTableOptions } from './options';

/** What the stages after the flow table (L7 detector, hook scheduler) plug into. */
export interface FlowObserver {
  /** A new flow, before its first packet is counted. */
  flowCreated?(flow: Flow, packet: CapturedPacket, decoded: DecodedPacket): void;
  /** A packet counted on a flow (the first one too). */
  flowPacket?(flow: Flow, fromClient: boolean, packet: CapturedPacket, decoded: DecodedPacket): void;
  /** The flow left the table (`flow.endReason` says why); it gets no more packets. */
  flowEnded?(flow: Flow): void;
}

/** Why the flow table did not count a decoded packet. */
export type FlowSkipReason = 'later-fragment-dropped' | 'orphan-fragment' | 'truncated-dropped';

export interface FlowTableStats {
  flowsCreated: number;
  flowsEnded: { [reason in FlowEndReason]: number };
  /** Largest number of flows alive at once. */
  peakFlows: number;
}

/**
 * Bidirectional flows keyed by VLAN, protocol and both endpoints, with per-direction
 * counters and ntopng's idle rules on packet time.
 */
export class FlowTable {
  /** Live flows by id: creation order, for listing and for ending them all. */
  private readonly flows = new Map<number, Flow>();
  /** Hash buckets: key hash → first flow of a chain linked by `nextInBucket`. */
  private readonly buckets = new Map<number, Flow>();
  private readonly key = new FlowKey();
  private readonly idle: IdleTracker;
  private readonly fragments = new FragmentMap();
  private readonly options: FlowTableOptions;
  private nextId = 1;
  /** Interface time: the latest packet time seen (packet timestamps can go backwards). */
  private interfaceTime = -Infinity;
  readonly stats: FlowTableStats = {
    flowsCreated: 0,
    flowsEnded: { idle: 0, 'end-of-capture': 0, evicted: 0 },
    peakFlows: 0,
  };

  constructor(
    private readonly observer: FlowObserver = {},
    options: Partial<FlowTableOptions> = {},
  ) {
    this.options = { ...NTOPNG_FLOW_TABLE, ...options };
    this.idle = new IdleTracker(this.options.idleTimeoutSeconds, this.options.tcpEarlyTimeoutSeconds);
  }

  get size(): number {
    return this.flows.size;
  }

  /** Live flows in creation order. */
  liveFlows(): IterableIterator<Flow> {
    return this.flows.values();
  }

  /** Latest packet time seen, seconds (or -Infinity before any packet). */
  get now(): number {
    return this.interfaceTime;
  }

  /**
   * Counts one decoded packet on its flow (creating the flow when needed). Returns why
   * the packet was not counted, or null.
   */
  add(packet: CapturedPacket, d: DecodedPacket): FlowSkipReason | null {
    const time = packet.sec + packet.nsec / 1e9;
    this.advanceTime(time);

    if (d.ipTruncated && this.options.truncatedPackets === 'drop') return 'truncated-dropped';

    let flow: Flow | undefined;
    let fromClient: boolean;
    if (d.laterFragment) {
      if (this.options.laterFragments === 'drop') return 'later-fragment-dropped';
      const owner = this.fragments.find(packet.data, d);
      if (!owner || owner.flow.state === 'ended') return 'orphan-fragment';
      flow = owner.flow;
      fromClient = owner.fromClient;
    } else {
      const key = this.key.set(packet.data, d);
      flow = this.lookup(key);
      if (flow === undefined) {
        flow = this.create(key, time, packet, d);
        fromClient = true;
      } else {
        fromClient = key.sourceIsLow === flow.clientIsLow;
      }
      if (d.moreFragments && d.fragmentOffset === 0) this.fragments.remember(packet.data, d, flow, fromClient, this.interfaceTime);
    }

    this.count(flow, fromClient, time, packet, d);
    if (this.options.expireIdleFlows) this.idle.touch(flow);
    this.observer.flowPacket?.(flow, fromClient, packet, d);
    return null;
  }

  /** Moves packet time forward (also without packets, e.g. on a live timer) and ends idle flows. */
  advanceTime(time: number): void {
    if (!(time > this.interfaceTime)) return;
    this.interfaceTime = time;
    if (!this.options.expireIdleFlows) return;
    for (let flow = this.idle.nextExpired(time); flow; flow = this.idle.nextExpired(time)) {
      this.end(flow, 'idle');
    }
  }

  /** Ends every remaining flow, in creation order (end of capture, or Stop in live mode). */
  endAll(reason: FlowEndReason = 'end-of-capture'): void {
    for (const flow of [...this.flows.values()]) this.end(flow, reason);
    this.fragments.clear();
  }

  private lookup(key: FlowKey): Flow | undefined {
    for (let flow: Flow | null | undefined = this.buckets.get(key.hash); flow; flow = flow.nextInBucket) {
      if (flow.hasKey(key)) return flow;
    }
    return undefined;
  }

  private create(key: FlowKey, time: number, packet: CapturedPacket, d: DecodedPacket): Flow {
    if (this.flows.size >= this.options.maxFlows) {
      const victim = this.idle.leastRecent() ?? this.flows.values().next().value;
      if (victim) this.end(victim, 'evicted');
    }
    const flow = new Flow(
      this.nextId++,
      key,
      d.vlan,
      d.ipVersion,
      d.l4Proto,
      d.srcPort,
      d.dstPort,
      d.tunnel,
      time,
      packet.number,
      this.interfaceTime,
    );
    flow.nextInBucket = this.buckets.get(key.hash) ?? null;
    this.buckets.set(key.hash, flow);
    if (d.icmpType >= 0) {
      flow.icmpType = d.icmpType;
      flow.icmpCode = d.icmpCode;
    }
    this.flows.set(flow.id, flow);
    this.stats.flowsCreated++;
    if (this.flows.size > this.stats.peakFlows) this.stats.peakFlows = this.flows.size;
    this.observer.flowCreated?.(flow, packet, d);
    return flow;
  }

  private count(flow: Flow, fromClient: boolean, time: number, packet: CapturedPacket, d: DecodedPacket): void {
    const payload = d.laterFragment ? 0 : d.payloadLength;
    flow.countPacket(fromClient, time, packet.capturedLength, payload, d.fragmentOffset !== 0 || d.moreFragments, this.interfaceTime);
    if (d.laterFragment) return;
    if (d.l4Proto === 6) flow.observeTcp(fromClient, d.tcpFlags, d.tcpSeq, d.payloadLength);
    else if (d.icmpType >= 0) flow.noteIcmpPayload(d.payloadLength);
  }

  private unlinkFromBucket(flow: Flow): void {
    const hash = flow.keyHash;
    const head = this.buckets.get(hash);
    if (head === flow) {
      if (flow.nextInBucket) this.buckets.set(hash, flow.nextInBucket);
      else this.buckets.delete(hash);
    } else {
      for (let prev: Flow | null | undefined = head; prev; prev = prev.nextInBucket) {
        if (prev.nextInBucket === flow) {
          prev.nextInBucket = flow.nextInBucket;
          break;
        }
      }
    }
    flow.nextInBucket = null;
  }

  private end(flow: Flow, reason: FlowEndReason): void {
    if (flow.state === 'ended') return;
    flow.state = 'ended';
    flow.endReason = reason;
    this.idle.remove(flow);
    this.flows.delete(flow.id);
    this.unlinkFromBucket(flow);
    this.stats.flowsEnded[reason]++;
    this.observer.flowEnded?.(flow);
  }
}
