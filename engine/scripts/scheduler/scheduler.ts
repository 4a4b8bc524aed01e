/**
 * When each hook fires for each flow, and which scripts get it (spec §3; docs/hooks.md). The
 * scheduler is a FlowObserver placed after the L7 detector; it never runs Lua: it hands typed
 * `HookCall`s to a sink (the Lua driver later, tests now).
 *
 * Time: by default the clock is packet time (the spec's "suggested simulator model", §3.4). A
 * walk runs every 5 s of that clock, at multiples of 5 s since the epoch. To be exact the
 * pipeline calls `advanceTime(t)` before each packet enters the flow table and attaches the
 * table (`attachTable`), so that idle expiry is evaluated at every walk; as a bare observer the
 * scheduler catches up on the walks when it sees a packet, which is right except when a packet
 * ends a long silence (flows idled by that packet lose the periodic calls of the silence).
 * With `clock: 'wall'` the walks follow the wall clock as in ntopng reading a pcap (§3.4).
 */
import { FLOW_TIMING, PROFILE_RULES, DEFAULT_PROFILE, type Profile } from '../../../api/flow';
import type { CapturedPacket } from '../../capture/packet';
import type { Flow, FlowEndReason } from '../../flows/flow';
import type { FlowObserver } from '../../flows/table';
import { flowFacts, ScriptRegistry, type RealHookName, type ScriptDecl, type ScriptId } from './script-filter';

/** One call of a hook on a flow: what ntopng's C++ side hands to the Lua driver (spec §3.1). */
export interface HookCall {
  hook: RealHookName;
  flow: Flow;
  /** Seconds: the walk's time on the scheduler's clock (packet time, or wall clock). */
  now: number;
  /** periodicUpdate only: 0 on the flow's first call, then 1, 2, ... */
  updateCtr?: number;
  /** Scripts to run, in order (may be empty only with `emitEmpty`). */
  scripts: ScriptId[];
}

/** Where statusChanged reads a flow's status bitmap (the Lua layer implements it). */
export interface StatusSource {
  getStatusBitmap(flow: Flow): number | bigint;
}

/** What the scheduler drives when attached: the flow table (its clock, and ending every flow). */
export interface SchedulerTable {
  advanceTime(time: number): void;
  endAll(reason?: FlowEndReason): void;
}

export type SchedulerClock = 'packet' | 'wall';

export interface HookSchedulerOptions {
  /** Default 2019.11. */
  profile?: Profile;
  /** The scripts' declared fields, or a registry built from them. */
  scripts: readonly ScriptDecl[] | ScriptRegistry;
  sink(call: HookCall): void;
  /** 'packet' (default): walks on packet time. 'wall': walks on the wall clock, like ntopng on a pcap. */
  clock?: SchedulerClock;
  /** Wall clock in seconds (default Date.now() / 1000); tests pass a fake. */
  wallClock?(): number;
  /** Enables statusChanged (2019.11 only). */
  status?: StatusSource;
  /**
   * Called when the scheduler forces detection of a flow (5 s silent while undetected, or end
   * of capture), so that the detector can settle its labels (nDPI's guess) before protocolDetected.
   */
  giveUpDetection?(flow: Flow): void;
  /** Also deliver calls no script is selected for (default false). */
  emitEmpty?: boolean;
  /**
   * Shorter intervals than ntopng's (walk 5 s, periodicUpdate 30 s), for live demonstrations
   * and tests that cannot wait half a minute (docs/live.md). Not for comparing with ntopng.
   */
  timing?: SchedulerTiming;
}

export interface SchedulerTiming {
  walkSeconds?: number;
  periodicSeconds?: number;
}

export interface SchedulerStats {
  walks: number;
  /** Calls made by the C++ side per hook (with or without a selected script). */
  calls: Record<RealHookName, number>;
  /** Flows whose detection the scheduler forced. */
  forcedDetections: number;
}

// 4.2's per-flow monotonic guard (spec §3.3): the latest stage that ran.
const STAGE_NONE = 0;
const STAGE_DETECTED = 1;
const STAGE_PERIODIC = 2;
const STAGE_END = 3;

/** Walks run one by one after a jump in packet time when the table is attached (one day's worth). */
const MAX_EXACT_WALKS = 17_280;

interface Tracked {
  flow: Flow;
  /** protocolDetected was made pending (it may already have run). */
  detected: boolean;
  /** Walk index of the next periodicUpdate, -1 before the flow is active. */
  nextPeriodic: number;
  updateCtr: number;
  /** The flow table ended the flow (or the scheduler did at shutdown). */
  ended: boolean;
  /** flowEnd was delivered: the flow is forgotten. */
  gone: boolean;
  stage: number;
}

export class HookScheduler implements FlowObserver {
  readonly profile: Profile;
  readonly registry: ScriptRegistry;
  readonly clock: SchedulerClock;
  readonly stats: SchedulerStats = {
    walks: 0,
    calls: { protocolDetected: 0, periodicUpdate: 0, flowEnd: 0, statusChanged: 0 },
    forcedDetections: 0,
  };
  private readonly sink: (call: HookCall) => void;
  private readonly wallClock: () => number;
  private readonly status: StatusSource | undefined;
  private readonly giveUp: ((flow: Flow) => void) | undefined;
  private readonly emitEmpty: boolean;
  private readonly walkSeconds: number;
  private readonly periodicWalks: number;
  private readonly statusChangedFires: boolean;
  private readonly queuesLikeV42: boolean;

  /** Live (not yet flowEnd'ed) flows by id, in creation order. */
  private readonly tracked = new Map<number, Tracked>();
  private readonly undetected = new Set<Tracked>();
  private readonly detectedPending = new Set<Tracked>();
  private readonly endPending = new Set<Tracked>();
  /** Walk index → flows whose periodicUpdate is due at that walk. */
  private readonly periodicDue = new Map<number, Tracked[]>();
  private lastWalk: number | undefined;
  private table: SchedulerTable | undefined;
  private finished = false;
  /** Latest packet time seen. */
  private packetTime = -Infinity;

  constructor(options: HookSchedulerOptions) {
    this.profile = options.profile ?? DEFAULT_PROFILE;
    this.registry = options.scripts instanceof ScriptRegistry ? options.scripts : new ScriptRegistry(options.scripts, this.profile);
    if (this.registry.profile !== this.profile) throw new Error(`script registry is for profile ${this.registry.profile}, scheduler for ${this.profile}`);
    this.sink = options.sink;
    this.clock = options.clock ?? 'packet';
    this.wallClock = options.wallClock ?? (() => Date.now() / 1000);
    this.status = options.status;
    this.giveUp = options.giveUpDetection;
    this.emitEmpty = options.emitEmpty ?? false;
    this.walkSeconds = options.timing?.walkSeconds ?? FLOW_TIMING.walkSeconds;
    this.periodicWalks = Math.max(1, Math.round((options.timing?.periodicSeconds ?? FLOW_TIMING.periodicSeconds) / this.walkSeconds));
    this.statusChangedFires = PROFILE_RULES[this.profile].statusChangedFires && this.status !== undefined;
    this.queuesLikeV42 = PROFILE_RULES[this.profile].orderByPrio;
  }

  /**
   * Lets the scheduler move the table's clock to each walk's time (packet clock), so flows go
   * idle between walks as they would on a continuous clock, and end every flow in `finish()`.
   */
  attachTable(table: SchedulerTable): void {
    this.table = table;
  }

  /** Flows the scheduler still knows (not yet given flowEnd). */
  get liveFlows(): number {
    return this.tracked.size;
  }

  // ---------------------------------------------------------------------------------------
  // FlowObserver

  flowCreated(flow: Flow, packet?: CapturedPacket): void {
    if (this.finished) return;
    if (packet) this.advanceTime(packetSeconds(packet));
    const tr: Tracked = { flow, detected: false, nextPeriodic: -1, updateCtr: 0, ended: false, gone: false, stage: STAGE_NONE };
    this.tracked.set(flow.id, tr);
    // Without a detector there is nothing to wait for.
    if (flow.l7 === undefined || flow.l7.done) this.markDetected(tr);
    else this.undetected.add(tr);
  }

  flowPacket(flow: Flow, _fromClient?: boolean, packet?: CapturedPacket): void {
    if (this.finished) return;
    if (packet) this.advanceTime(packetSeconds(packet));
    const tr = this.tracked.get(flow.id);
    if (tr && !tr.detected && flow.l7?.done) this.markDetected(tr);
  }

  flowEnded(flow: Flow): void {
    const tr = this.tracked.get(flow.id);
    if (!tr || tr.ended) return;
    tr.ended = true;
    if (!tr.detected && flow.l7?.done) this.markDetected(tr);
    // Idle and evicted flows get flowEnd at the next walk; at the end of the capture `finish()` decides.
    if (flow.endReason !== 'end-of-capture') this.endPending.add(tr);
  }

  // ---------------------------------------------------------------------------------------
  // Clock

  /**
   * The clock moved to `now` (packet time): runs the walks due up to it. A live wall-clock timer
   * calls this too. With `clock: 'wall'` it only notes packet time and checks the wall clock.
   */
  advanceTime(now: number): void {
    if (this.finished) return;
    if (now > this.packetTime) this.packetTime = now;
    if (this.clock === 'wall') {
      this.wallTick();
      return;
    }
    if (this.lastWalk === undefined) {
      // The walk at or before the first packet saw no flows.
      this.lastWalk = Math.floor(now / this.walkSeconds);
      return;
    }
    const target = Math.floor(now / this.walkSeconds);
    const exactUntil = this.lastWalk + MAX_EXACT_WALKS;
    for (let k = this.lastWalk + 1; k <= target && !this.finished; k = this.nextWalk(k, target, exactUntil)) {
      this.table?.advanceTime(k * this.walkSeconds);
      this.lastWalk = k;
      this.walk(k, false);
    }
    this.lastWalk = Math.max(this.lastWalk, target);
  }

  /**
   * The next walk after `k` where something can happen, so that a jump in packet time does
   * not run millions of empty walks: with no flow, none; with the table attached, every walk
   * for the first day of a jump (a flow can go idle at any of them); otherwise, and after that
   * day, the next pending, due or give-up walk.
   */
  private nextWalk(k: number, target: number, exactUntil: number): number {
    if (this.tracked.size === 0) return target + 1;
    if (this.detectedPending.size > 0 || this.endPending.size > 0) return k + 1;
    // Exact idle timing costs one walk per 5 s; beyond a day of silence, jump between due walks.
    if (this.table && k < exactUntil) return k + 1;
    let next = target + 1;
    for (const at of this.periodicDue.keys()) if (at < next) next = at;
    for (const tr of this.undetected) {
      const giveUp = Math.floor((tr.flow.lastSeen + FLOW_TIMING.detectionGiveUpIdleSeconds) / this.walkSeconds) + 1;
      if (tr.flow.l7?.done || giveUp <= k + 1) return k + 1;
      if (giveUp < next) next = giveUp;
    }
    return Math.max(next, k + 1);
  }

  /** Wall-clock mode: one walk when the wall clock crossed a 5 s boundary (no catching up, like a timer). */
  wallTick(): void {
    if (this.finished || this.clock !== 'wall') return;
    const k = Math.floor(this.wallClock() / this.walkSeconds);
    if (this.lastWalk === undefined) {
      this.lastWalk = k;
      return;
    }
    if (k > this.lastWalk) {
      this.lastWalk = k;
      this.walk(k, false);
    }
  }

  /**
   * End of the capture (or Stop): ntopng forces detection of every remaining flow and its next
   * walk runs their pending hooks; then the shutdown idles every flow and lets only flowEnd
   * through. Call it after the last packet (before or after the table's `endAll`).
   */
  finish(): void {
    if (this.finished) return;
    let k: number;
    if (this.clock === 'wall') {
      const now = Math.floor(this.wallClock() / this.walkSeconds);
      k = this.lastWalk === undefined ? now + 1 : Math.max(this.lastWalk + 1, now);
    } else {
      const base = this.lastWalk ?? (Number.isFinite(this.packetTime) ? Math.floor(this.packetTime / this.walkSeconds) : 0);
      k = base + 1;
    }
    this.lastWalk = k;
    if (this.tracked.size > 0) this.walk(k, true);
    this.table?.endAll('end-of-capture');
    this.finished = true;
    const now = k * this.walkSeconds;
    for (const tr of [...this.tracked.values()]) {
      tr.ended = true;
      this.forget(tr);
      this.emit('flowEnd', tr, now);
    }
    this.endPending.clear();
  }

  // ---------------------------------------------------------------------------------------
  // The walk

  private markDetected(tr: Tracked): void {
    tr.detected = true;
    this.undetected.delete(tr);
    this.detectedPending.add(tr);
  }

  private walk(k: number, final: boolean): void {
    this.stats.walks++;
    const now = k * this.walkSeconds;

    // Detection: finished by the detector, or given up (housekeep: silent > 5 s; end of capture).
    for (const tr of this.undetected) {
      if (tr.flow.l7?.done) {
        this.markDetected(tr);
      } else if (final || now - tr.flow.lastSeen > FLOW_TIMING.detectionGiveUpIdleSeconds) {
        this.stats.forcedDetections++;
        this.giveUp?.(tr.flow);
        this.markDetected(tr);
      }
    }

    const due: Tracked[] = [];
    for (const [at, list] of this.periodicDue) {
      if (at > k) continue;
      this.periodicDue.delete(at);
      for (const tr of list) if (!tr.gone && tr.nextPeriodic === at) due.push(tr);
    }

    if (this.queuesLikeV42) this.walkQueues(k, now, due);
    else this.walkFlows(k, now, due);
  }

  /** 2019.11 and 4.0: flow by flow in creation order, protocolDetected → periodicUpdate → flowEnd → statusChanged (§3.2). */
  private walkFlows(k: number, now: number, due: Tracked[]): void {
    const touched = new Set<Tracked>([...this.detectedPending, ...due, ...this.endPending]);
    const dueSet = new Set(due);
    for (const tr of [...touched].sort(byId)) {
      const before = this.statusChangedFires ? this.status!.getStatusBitmap(tr.flow) : undefined;
      if (this.detectedPending.delete(tr)) {
        this.activate(tr, k);
        this.emit('protocolDetected', tr, now);
      }
      if (dueSet.has(tr)) this.periodic(tr, k, now);
      if (this.endPending.delete(tr)) {
        this.forget(tr);
        this.emit('flowEnd', tr, now);
      }
      if (this.statusChangedFires && this.status!.getStatusBitmap(tr.flow) !== before) this.emit('statusChanged', tr, now);
    }
  }

  /** 4.2: queues drained idle → protocolDetected → periodic, with the monotonic guard (§3.3). */
  private walkQueues(k: number, now: number, due: Tracked[]): void {
    const ends = [...this.endPending].sort(byId);
    this.endPending.clear();
    for (const tr of ends) {
      tr.stage = STAGE_END;
      this.forget(tr);
      this.emit('flowEnd', tr, now);
    }
    const detected = [...this.detectedPending].sort(byId);
    this.detectedPending.clear();
    for (const tr of detected) {
      if (tr.stage > STAGE_DETECTED) continue;
      tr.stage = STAGE_DETECTED;
      this.activate(tr, k);
      this.emit('protocolDetected', tr, now);
    }
    for (const tr of due.sort(byId)) {
      if (tr.stage > STAGE_PERIODIC || tr.gone) continue;
      tr.stage = STAGE_PERIODIC;
      this.periodic(tr, k, now);
    }
  }

  private activate(tr: Tracked, k: number): void {
    if (tr.nextPeriodic >= 0 || tr.gone) return;
    this.schedulePeriodic(tr, k + this.periodicWalks);
  }

  private periodic(tr: Tracked, k: number, now: number): void {
    const ctr = tr.updateCtr++;
    if (!tr.gone) this.schedulePeriodic(tr, k + this.periodicWalks);
    this.emit('periodicUpdate', tr, now, ctr);
  }

  private schedulePeriodic(tr: Tracked, at: number): void {
    tr.nextPeriodic = at;
    let list = this.periodicDue.get(at);
    if (!list) this.periodicDue.set(at, (list = []));
    list.push(tr);
  }

  private forget(tr: Tracked): void {
    tr.gone = true;
    this.tracked.delete(tr.flow.id);
    this.undetected.delete(tr);
    this.detectedPending.delete(tr);
    this.endPending.delete(tr);
  }

  private emit(hook: RealHookName, tr: Tracked, now: number, updateCtr?: number): void {
    this.stats.calls[hook]++;
    const flow = tr.flow;
    if (!this.emitEmpty && !this.registry.has(hook, flow.l4Proto)) return;
    const scripts = this.registry.select(hook, flowFacts(flow), updateCtr);
    if (scripts.length === 0 && !this.emitEmpty) return;
    const call: HookCall = { hook, flow, now, scripts };
    if (updateCtr !== undefined) call.updateCtr = updateCtr;
    this.sink(call);
  }
}

function byId(a: Tracked, b: Tracked): number {
  return a.flow.id - b.flow.id;
}

function packetSeconds(packet: CapturedPacket): number {
  return packet.sec + packet.nsec / 1e9;
}
