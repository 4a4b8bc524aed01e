import type { Flow } from './flow';

/**
 * Finds flows that went idle, on packet time, in O(1) per packet.
 *
 * ntopng's rule (spec §3.2): a TCP flow that saw FIN or RST, or never completed its
 * handshake, is idle 15 s after its last packet (and not before 15 s after it started);
 * any other flow after `idleTimeout` (60 s by default). Flows are kept on two lists,
 * one per timeout, each ordered by last activity (a touched flow moves to the tail), so
 * the expired ones are always at the heads.
 */
export class IdleTracker {
  private readonly heads: (Flow | null)[] = [null, null, null];
  private readonly tails: (Flow | null)[] = [null, null, null];

  constructor(
    private readonly idleTimeout: number,
    private readonly earlyTimeout: number,
  ) {}

  /** Moves the flow to the tail of the list its current state belongs to. */
  touch(flow: Flow): void {
    const list = flow.expiresEarly ? EARLY : NORMAL;
    if (flow.idleList === list && this.tails[list] === flow) return;
    this.remove(flow);
    flow.idleList = list;
    flow.prevIdle = this.tails[list];
    flow.nextIdle = null;
    if (this.tails[list]) this.tails[list]!.nextIdle = flow;
    else this.heads[list] = flow;
    this.tails[list] = flow;
  }

  remove(flow: Flow): void {
    const list = flow.idleList;
    if (list === 0) return;
    if (flow.prevIdle) flow.prevIdle.nextIdle = flow.nextIdle;
    else this.heads[list] = flow.nextIdle;
    if (flow.nextIdle) flow.nextIdle.prevIdle = flow.prevIdle;
    else this.tails[list] = flow.prevIdle;
    flow.prevIdle = flow.nextIdle = null;
    flow.idleList = 0;
  }

  /** The next flow that is idle at interface time `now`, or null. */
  nextExpired(now: number): Flow | null {
    const early = this.heads[EARLY];
    if (early && now > early.lastActivity + this.earlyTimeout && now > early.firstActivity + this.earlyTimeout) {
      return early;
    }
    const normal = this.heads[NORMAL];
    if (normal && now > normal.lastActivity + this.idleTimeout) return normal;
    return null;
  }

  /** The least recently active flow of all, for eviction when the table is full. */
  leastRecent(): Flow | null {
    const early = this.heads[EARLY];
    const normal = this.heads[NORMAL];
    if (!early) return normal;
    if (!normal) return early;
    return early.lastActivity <= normal.lastActivity ? early : normal;
  }
}

const NORMAL = 1;
const EARLY = 2;
