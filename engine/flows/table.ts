import type { CapturedPacket } from '../capture/packet';
import type { DecodedPacket } from '../decode/decoded';
import { Flow, type FlowEndReason } from './flow';
import { FlowKey } from './flow-key';
import { FragmentMap } from './fragment-map';
import { IdleTracker } from './idle-tracker';
import { NTOPNG_FLOW_TABLE, type FlowTableOptions } from './options';

/** Hash buckets of a new table (a power of two; doubled as flows are added). */
const INITIAL_BUCKETS = 1024;

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
  /**
   * Live flows in creation order (for listing and for ending them all): an intrusive
   * list through `Flow.prevCreated/nextCreated`, so adding and removing a flow allocates
   * nothing (a Map rehashed as it grew and shrank).
   */
  private oldest: Flow | null = null;
  private newest: Flow | null = null;
  private live = 0;
  /**
   * Hash buckets: `buckets[hash & mask]` is the first flow of a chain linked by
   * `nextInBucket`. A plain array, doubled when flows outnumber buckets, so the lookup
   * every packet makes is one indexed load (a Map lookup cost more than the rest of it).
   */
  private buckets: (Flow | null)[] = new Array<Flow | null>(INITIAL_BUCKETS).fill(null);
  private mask = INITIAL_BUCKETS - 1;
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
    return this.live;
  }

  /** Live flows in creation order. */
  *liveFlows(): IterableIterator<Flow> {
    for (let flow = this.oldest; flow; flow = flow.nextCreated) yield flow;
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
    // advanceTime, written out: passing the time to a call that is not inlined boxes it.
    if (time > this.interfaceTime) {
      this.interfaceTime = time;
      if (this.options.expireIdleFlows) this.endIdleFlows();
    }

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

    this.count(flow, fromClient, packet, d);
    if (this.options.expireIdleFlows) this.idle.touch(flow);
    this.observer.flowPacket?.(flow, fromClient, packet, d);
    return null;
  }

  /** Moves packet time forward (also without packets, e.g. on a live timer) and ends idle flows. */
  advanceTime(time: number): void {
    if (!(time > this.interfaceTime)) return;
    this.interfaceTime = time;
    if (this.options.expireIdleFlows) this.endIdleFlows();
  }

  /** Ends the flows idle at the interface time. */
  private endIdleFlows(): void {
    for (let flow = this.idle.nextExpired(this.interfaceTime); flow; flow = this.idle.nextExpired(this.interfaceTime)) {
      this.end(flow, 'idle');
    }
  }

  /** Ends every remaining flow, in creation order (end of capture, or Stop in live mode). */
  endAll(reason: FlowEndReason = 'end-of-capture'): void {
    for (const flow of [...this.liveFlows()]) this.end(flow, reason);
    this.fragments.clear();
  }

  private lookup(key: FlowKey): Flow | undefined {
    for (let flow: Flow | null = this.buckets[key.hash & this.mask]!; flow; flow = flow.nextInBucket) {
      if (flow.hasKey(key)) return flow;
    }
    return undefined;
  }

  private create(key: FlowKey, time: number, packet: CapturedPacket, d: DecodedPacket): Flow {
    if (this.live >= this.options.maxFlows) {
      const victim = this.idle.leastRecent() ?? this.oldest;
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
    if (this.live >= this.buckets.length) this.growBuckets();
    const bucket = key.hash & this.mask;
    flow.nextInBucket = this.buckets[bucket]!;
    this.buckets[bucket] = flow;
    if (d.icmpType >= 0) {
      flow.icmpType = d.icmpType;
      flow.icmpCode = d.icmpCode;
    }
    flow.prevCreated = this.newest;
    if (this.newest) this.newest.nextCreated = flow;
    else this.oldest = flow;
    this.newest = flow;
    this.live++;
    this.stats.flowsCreated++;
    if (this.live > this.stats.peakFlows) this.stats.peakFlows = this.live;
    this.observer.flowCreated?.(flow, packet, d);
    return flow;
  }

  private count(flow: Flow, fromClient: boolean, packet: CapturedPacket, d: DecodedPacket): void {
    // The time is computed again here rather than passed in: a double argument to a call
    // V8 does not inline is boxed, one heap number per packet.
    const time = packet.sec + packet.nsec / 1e9;
    const payload = d.laterFragment ? 0 : d.payloadLength;
    flow.countPacket(fromClient, time, packet.capturedLength, payload, d.fragmentOffset !== 0 || d.moreFragments, this.interfaceTime);
    if (d.laterFragment) return;
    if (d.l4Proto === 6) flow.observeTcp(fromClient, d.tcpFlags, d.tcpSeq, d.payloadLength);
    else if (d.icmpType >= 0) flow.noteIcmpPayload(d.payloadLength);
  }

  /** Doubles the bucket array and re-chains every live flow (amortised O(1) per flow). */
  private growBuckets(): void {
    const buckets = new Array<Flow | null>(this.buckets.length * 2).fill(null);
    const mask = buckets.length - 1;
    for (let flow = this.oldest; flow; flow = flow.nextCreated) {
      const bucket = flow.keyHash & mask;
      flow.nextInBucket = buckets[bucket]!;
      buckets[bucket] = flow;
    }
    this.buckets = buckets;
    this.mask = mask;
  }

  private unlinkFromBucket(flow: Flow): void {
    const bucket = flow.keyHash & this.mask;
    const head = this.buckets[bucket];
    if (head === flow) {
      this.buckets[bucket] = flow.nextInBucket;
    } else {
      for (let prev = head; prev; prev = prev.nextInBucket) {
        if (prev.nextInBucket === flow) {
          prev.nextInBucket = flow.nextInBucket;
          break;
        }
      }
    }
    flow.nextInBucket = null;
  }

  private unlinkFromCreationOrder(flow: Flow): void {
    if (flow.prevCreated) flow.prevCreated.nextCreated = flow.nextCreated;
    else this.oldest = flow.nextCreated;
    if (flow.nextCreated) flow.nextCreated.prevCreated = flow.prevCreated;
    else this.newest = flow.prevCreated;
    flow.prevCreated = flow.nextCreated = null;
    this.live--;
  }

  private end(flow: Flow, reason: FlowEndReason): void {
    if (flow.state === 'ended') return;
    flow.state = 'ended';
    flow.endReason = reason;
    this.idle.remove(flow);
    this.unlinkFromCreationOrder(flow);
    this.unlinkFromBucket(flow);
    this.stats.flowsEnded[reason]++;
    this.observer.flowEnded?.(flow);
  }
}
