/**
 * The engine side of flow statuses, alerts and scores (spec §4): what ntopng's C++ Flow keeps
 * (status bitmap, predominant status, alerted status and score, flow and host scores), per flow,
 * with each profile's rules for the C-level calls. The Lua side (driver.ts) reproduces ntopng's
 * flow driver on top of it: triggerStatus, the alert candidate of a dispatch and the alert step.
 *
 * Every change is reported to `sink` as a typed event; the runner turns them into hits.
 */
import { MAX_SCORE, statusTypes, type Profile } from '../../../api/flow';
import type { Flow } from '../../flows/flow';
import type { CallSite } from '../bindings/context';

/** ntopng clamps host scores set with setClientScore/setServerScore (2019.11) to this range. */
const MAX_HOST_SCORE_2019 = 65534;
/** 2019.11: getScore() of a flow whose score was never set. */
const SCORE_UNSET_2019 = 65535;

export interface FlowStatusState {
  bitmap: bigint;
  /** 2019.11/4.0: the status ntopng treats as predominant (0 = normal). */
  predominant: number;
  alerted: boolean;
  alertedStatus: number;
  alertedScore: number;
  /** Flow score: set by setScore (2019.11), accumulated from statuses (4.x); undefined = never set. */
  score: number | undefined;
  /** JSON of the alert (status_info), once alerted. */
  statusInfo: string | undefined;
  /** 4.2 setCustomInfo. */
  customInfo: string | undefined;
}

export type StatusEvent =
  | { kind: 'status'; action: 'set' | 'clear'; flow: Flow; id: number; key: string; site: CallSite }
  | { kind: 'score'; flow: Flow; site: CallSite; flowScore: number; clientScore: number; serverScore: number; total: { flow: number; client: number; server: number }; how: 'add' | 'set' }
  | {
    kind: 'alert'; flow: Flow; site: CallSite; script: string; id: number; key: string; alertType: number | string;
    severityId: number; score: number | undefined; json: string | undefined; replaced: number | undefined; now: number;
  };

export class StatusBook {
  /** Weak: a flow's state goes with the flow (statusChanged still reads it after flowEnd). */
  private readonly states = new WeakMap<Flow, FlowStatusState>();
  private readonly hostScores = new Map<string, number>();
  private readonly keysById = new Map<number, string>();
  private readonly prioById = new Map<number, number>();
  readonly maxScore: number | undefined;
  /** The predominant status as the running dispatch sees it (2019.11), stored at its end. */
  private pred: { flow: Flow; id: number; prio: number; changed: boolean } | undefined;

  constructor(readonly profile: Profile, private readonly sink: (e: StatusEvent) => void) {
    this.maxScore = MAX_SCORE[profile];
    // ids as the built-in flow_consts numbers them (modules/data.ts: 4.0 in catalog order)
    statusTypes(profile).forEach((s, i) => {
      this.keysById.set(s.id ?? i, s.key);
      this.prioById.set(s.id ?? i, s.prio ?? 0);
    });
  }

  /** A new dispatch of the driver starts on `flow`. */
  beginDispatch(): void {
    this.pred = undefined;
  }

  /** End of the dispatch: a changed predominant status is stored (the driver's setPredominantStatus). */
  endDispatch(): void {
    const p = this.pred;
    if (p?.changed) this.state(p.flow).predominant = p.id;
    this.pred = undefined;
  }

  private predOf(flow: Flow): { flow: Flow; id: number; prio: number; changed: boolean } {
    if (!this.pred || this.pred.flow !== flow) {
      const id = this.states.get(flow)?.predominant ?? 0;
      this.pred = { flow, id, prio: this.prioById.get(id) ?? 0, changed: false };
    }
    return this.pred;
  }

  /** 2019.11 flow.setStatus: sets the bit and keeps the dispatch's predominant status (by prio). */
  setWithPrio(flow: Flow, id: number, site: CallSite): boolean {
    const changed = this.set(flow, id, site);
    if (changed) {
      const p = this.predOf(flow);
      const prio = this.prioById.get(id) ?? 0;
      if (prio > p.prio) Object.assign(p, { id, prio, changed: true });
    }
    return changed;
  }

  /** 2019.11 flow.clearStatus: clears the bit; when it was the predominant one, recomputes it. */
  clearWithPrio(flow: Flow, id: number, site: CallSite): boolean {
    const changed = this.clear(flow, id, site);
    if (changed) {
      const p = this.predOf(flow);
      if (p.id === id) {
        let best = 0;
        let bestPrio = -1;
        const bitmap = this.bitmap(flow);
        for (const [sid, prio] of this.prioById) {
          if ((bitmap & (1n << BigInt(sid))) !== 0n && prio > bestPrio) { best = sid; bestPrio = prio; }
        }
        Object.assign(p, { id: best, prio: Math.max(0, bestPrio), changed: true });
      }
    }
    return changed;
  }

  /** The flow's state, created on first use. */
  state(flow: Flow): FlowStatusState {
    let s = this.states.get(flow);
    if (!s) {
      s = { bitmap: 0n, predominant: 0, alerted: false, alertedStatus: 0, alertedScore: 0, score: undefined, statusInfo: undefined, customInfo: undefined };
      this.states.set(flow, s);
    }
    return s;
  }

  peek(flow: Flow): FlowStatusState | undefined {
    return this.states.get(flow);
  }

  bitmap(flow: Flow): bigint {
    return this.states.get(flow)?.bitmap ?? 0n;
  }

  keyOf(id: number): string {
    return this.keysById.get(id) ?? `status_${id}`;
  }

  isSet(flow: Flow, id: number): boolean {
    return validId(id) && (this.bitmap(flow) & (1n << BigInt(id))) !== 0n;
  }

  /**
   * The C setter. 2019.11: sets the bit. 4.0: scores count only when the bit was not set yet.
   * 4.2: the flow score is added on every call. Returns true when the bit changed.
   */
  set(flow: Flow, id: number, site: CallSite, scores?: { flow: number; client: number; server: number }): boolean {
    if (!validId(id)) return false;
    const s = this.state(flow);
    const bit = 1n << BigInt(id);
    const changed = (s.bitmap & bit) === 0n;
    if (changed) {
      s.bitmap |= bit;
      this.sink({ kind: 'status', action: 'set', flow, id, key: this.keyOf(id), site });
    }
    if (scores && (changed || this.profile === '4.2')) this.addScores(flow, s, scores, site);
    return changed;
  }

  clear(flow: Flow, id: number, site: CallSite): boolean {
    if (!validId(id)) return false;
    const s = this.state(flow);
    const bit = 1n << BigInt(id);
    if ((s.bitmap & bit) === 0n) return false;
    s.bitmap &= ~bit;
    this.sink({ kind: 'status', action: 'clear', flow, id, key: this.keyOf(id), site });
    return true;
  }

  private addScores(flow: Flow, s: FlowStatusState, scores: { flow: number; client: number; server: number }, site: CallSite): void {
    const f = clampScore(scores.flow, this.maxScore);
    const c = clampScore(scores.client, this.maxScore);
    const v = clampScore(scores.server, this.maxScore);
    if (f === 0 && c === 0 && v === 0) return;
    s.score = (s.score ?? 0) + f;
    const client = this.addHost(hostKey(flow.clientIp, flow.vlan), c);
    const server = this.addHost(hostKey(flow.serverIp, flow.vlan), v);
    this.sink({ kind: 'score', flow, site, flowScore: f, clientScore: c, serverScore: v, total: { flow: s.score, client, server }, how: 'add' });
  }

  private addHost(key: string, delta: number): number {
    const total = (this.hostScores.get(key) ?? 0) + delta;
    this.hostScores.set(key, total);
    return total;
  }

  /** 2019.11 setScore / setClientScore / setServerScore: set (not add) one score. */
  setScore(flow: Flow, which: 'flow' | 'client' | 'server', value: number, site: CallSite): void {
    const s = this.state(flow);
    const cli = hostKey(flow.clientIp, flow.vlan);
    const srv = hostKey(flow.serverIp, flow.vlan);
    if (which === 'flow') s.score = Math.trunc(value);
    else this.hostScores.set(which === 'client' ? cli : srv, Math.max(0, Math.min(MAX_HOST_SCORE_2019, Math.trunc(value))));
    const total = { flow: s.score ?? 0, client: this.hostScores.get(cli) ?? 0, server: this.hostScores.get(srv) ?? 0 };
    this.sink({
      kind: 'score', flow, site, how: 'set', total,
      flowScore: which === 'flow' ? total.flow : 0, clientScore: which === 'client' ? total.client : 0, serverScore: which === 'server' ? total.server : 0,
    });
  }

  /** getScore(): 2019.11 answers 65535 until setScore; 4.x the accumulated score. */
  score(flow: Flow): number {
    const s = this.states.get(flow)?.score;
    return s ?? (this.profile === '2019.11' ? SCORE_UNSET_2019 : 0);
  }

  hostScore(ip: string, vlan: number): number {
    return this.hostScores.get(hostKey(ip, vlan)) ?? 0;
  }

  /**
   * The C triggerAlert. 2019.11: only the first alert of a flow. 4.0/4.2: the driver has already
   * checked that the score beats the alerted one, so a later alert replaces the earlier.
   */
  alert(
    flow: Flow, id: number, alertType: number | string, severityId: number, now: number, json: string | undefined,
    score: number | undefined, site: CallSite, script: string,
  ): boolean {
    const s = this.state(flow);
    if (this.profile === '2019.11' && s.alerted) return false;
    const replaced = s.alerted ? s.alertedStatus : undefined;
    s.alerted = true;
    s.alertedStatus = id;
    s.alertedScore = score ?? 0;
    s.statusInfo = json;
    this.sink({ kind: 'alert', flow, site, script, id, key: this.keyOf(id), alertType, severityId, score, json, replaced, now });
    return true;
  }
}

function validId(id: number): boolean {
  return Number.isInteger(id) && id >= 0 && id < 64;
}

function clampScore(v: number, max: number | undefined): number {
  if (!Number.isFinite(v)) return 0;
  const n = Math.trunc(v);
  return Math.max(0, max === undefined ? n : Math.min(max, n));
}

const hostKey = (ip: string, vlan: number): string => `${ip}@${vlan}`;
