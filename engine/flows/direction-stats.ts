import { seqDiff, TCP_FIN, TCP_RST, TCP_SYN } from './tcp-flags';

/**
 * Counters of one direction of a flow (client→server or server→client): a read-only
 * view; the flow table updates the numbers with `countPacket` and `observeTcpSegment`.
 *
 * Every number lives in one array of doubles per flow (this direction's slots start at
 * `base`), not in object fields: a flow lives for many packets, so it survives young
 * garbage collections, and V8 keeps each double-valued object field in a heap number of
 * its own, copied at every collection. A plain array of doubles keeps
 * them unboxed in one on-heap block (a Float64Array would too, but its off-heap backing
 * store costs about 1 µs to allocate per flow). See `newValueArray`.
 */
export class DirectionStats {
  constructor(
    private readonly v: number[],
    private readonly base: number,
  ) {}

  get packets(): number { return this.v[this.base + PACKETS]; }
  /** Captured frame bytes including the link-layer header (what ndpiReader and ntopng count). */
  get bytes(): number { return this.v[this.base + BYTES]; }
  /** Transport payload bytes. */
  get goodputBytes(): number { return this.v[this.base + GOODPUT]; }
  /** IP fragments seen in this direction (first and later ones). */
  get fragments(): number { return this.v[this.base + FRAGMENTS]; }
  /** Packet time (seconds) of the first and last packet; 0 before any. */
  get firstSeen(): number { return this.v[this.base + FIRST_SEEN]; }
  get lastSeen(): number { return this.v[this.base + LAST_SEEN]; }
  /** OR of every TCP flag byte seen in this direction. */
  get tcpFlags(): number { return this.v[this.base + TCP_FLAGS]; }
  /** Frame lengths, bytes. */
  get packetLength(): SeriesStats { return seriesStats(this.v, this.base + LENGTH); }
  /** Inter-arrival times, milliseconds. */
  get interArrival(): SeriesStats { return seriesStats(this.v, this.base + IAT); }
  get retransmissions(): number { return this.v[this.base + RETRANSMISSIONS]; }
  get outOfOrder(): number { return this.v[this.base + OUT_OF_ORDER]; }
  get lost(): number { return this.v[this.base + LOST]; }
  get keepAlive(): number { return this.v[this.base + KEEP_ALIVE]; }
  /** Retransmissions + out-of-order + lost: what ntopng calls the direction's TCP issues. */
  get tcpIssues(): number { return this.retransmissions + this.outOfOrder + this.lost; }
}

/** Min/max/mean/stddev of a series (the whole flow, so the population stddev). */
export interface SeriesStats {
  count: number;
  min: number;
  max: number;
  average: number;
  stddev: number;
}

// Slots of one direction; a series takes 5 (count, min, max, sum, sum of squares).
const PACKETS = 0;
const BYTES = 1;
const GOODPUT = 2;
const FRAGMENTS = 3;
const FIRST_SEEN = 4;
const LAST_SEEN = 5;
const TCP_FLAGS = 6;
const LENGTH = 7;
const IAT = 12;
const NEXT_SEQ = 17;
const LAST_SEQ = 18;
const RETRANSMISSIONS = 19;
const OUT_OF_ORDER = 20;
const LOST = 21;
const KEEP_ALIVE = 22;
export const DIRECTION_SLOTS = 23;

/** Sets up the slots of a new direction (no sequence number seen yet). */
export function initDirection(v: number[], b: number): void {
  v[b + NEXT_SEQ] = -1;
  v[b + LAST_SEQ] = -1;
}

/**
 * A zeroed array of `length` doubles in V8's unboxed double representation: copying a
 * template that already holds doubles keeps that representation (an array filled with
 * integer zeros would start as small integers and be converted on the first fractional
 * value).
 */
export function newValueArray(length: number): number[] {
  let template = templates.get(length);
  if (!template) {
    template = Array.from({ length }, () => 0.5);
    template.fill(0);
    templates.set(length, template);
  }
  return template.slice();
}

const templates = new Map<number, number[]>();

function addToSeries(v: number[], at: number, value: number): void {
  const n = v[at];
  if (n === 0 || value < v[at + 1]) v[at + 1] = value;
  if (n === 0 || value > v[at + 2]) v[at + 2] = value;
  v[at] = n + 1;
  v[at + 3] += value;
  v[at + 4] += value * value;
}

function seriesStats(v: number[], at: number): SeriesStats {
  const count = v[at];
  const average = count === 0 ? 0 : v[at + 3] / count;
  const variance = count < 2 ? 0 : v[at + 4] / count - average * average;
  return { count, min: v[at + 1], max: v[at + 2], average, stddev: variance > 0 ? Math.sqrt(variance) : 0 };
}

/**
 * Counts one packet on the direction whose slots start at `b`: its time (s), captured
 * frame length and payload length. (Functions over the array, not methods of the view,
 * so the per-packet path allocates nothing.)
 */
export function countPacket(v: number[], b: number, time: number, frameLength: number, payload: number, fragment: boolean): void {
  if (v[b + PACKETS] === 0) v[b + FIRST_SEEN] = time;
  else addToSeries(v, b + IAT, time > v[b + LAST_SEEN] ? (time - v[b + LAST_SEEN]) * 1000 : 0);
  v[b + PACKETS]++;
  v[b + BYTES] += frameLength;
  v[b + GOODPUT] += payload;
  v[b + LAST_SEEN] = time;
  if (fragment) v[b + FRAGMENTS]++;
  addToSeries(v, b + LENGTH, frameLength);
}

/**
 * Classifies one TCP segment the way ntopng tells sequence anomalies apart. `seq` and
 * `payload` are the TCP sequence number and payload length; SYN and FIN each consume
 * one sequence number.
 */
export function observeTcpSegment(v: number[], b: number, seq: number, payload: number, flags: number): void {
  v[b + TCP_FLAGS] = (v[b + TCP_FLAGS] | flags) & 0xff;
  const consumed = payload + (flags & TCP_SYN ? 1 : 0) + (flags & TCP_FIN ? 1 : 0);
  const previous = v[b + LAST_SEQ];
  if (consumed > 0) v[b + LAST_SEQ] = seq;
  const next = v[b + NEXT_SEQ];
  if (next < 0 || flags & TCP_SYN) {
    v[b + NEXT_SEQ] = (seq + consumed) >>> 0;
    return;
  }
  if (flags & TCP_RST) return;
  const delta = seqDiff(seq, next);
  if (delta === 0) {
    v[b + NEXT_SEQ] = (seq + consumed) >>> 0;
  } else if (delta < 0) {
    // Behind what we expected: a keep-alive probe re-sends the last byte (or nothing);
    // the same segment start as the previous segment is a retransmission; anything
    // else arrived out of order.
    if (delta === -1 && payload <= 1 && !(flags & (TCP_FIN | TCP_SYN))) v[b + KEEP_ALIVE]++;
    else if (consumed === 0) return; // a pure duplicate ACK, not a data anomaly
    else if (seq === previous) v[b + RETRANSMISSIONS]++;
    else v[b + OUT_OF_ORDER]++;
    if (seqDiff(seq + consumed, next) > 0) v[b + NEXT_SEQ] = (seq + consumed) >>> 0;
  } else {
    // Ahead of what we expected: the bytes in between were not captured (or not sent yet).
    v[b + LOST]++;
    v[b + NEXT_SEQ] = (seq + consumed) >>> 0;
  }
}
