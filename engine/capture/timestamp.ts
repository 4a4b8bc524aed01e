/**
 * Turns a pcapng 64-bit timestamp (two 32-bit words, in units of 1/unitsPerSecond s)
 * into whole seconds plus nanoseconds, exactly.
 *
 * Why not one float: a nanosecond timestamp of today is about 1.7e18, far above 2^53,
 * so `hi * 2^32 + lo` would lose the last few hundred nanoseconds. We divide in pieces
 * small enough to stay exact, and fall back to BigInt only for resolutions finer than
 * 2^-32 s (picoseconds and the like), which real captures practically never use.
 */

const TWO_32 = 4294967296;
const TWO_16 = 65536;
/** Below this high word, hi * 2^32 + lo is < 2^53 and exact as a double. */
const EXACT_HI_LIMIT = 0x200000;
const NS_PER_SECOND = 1e9;

export class TimestampSplitter {
  /** Result of the last split: whole seconds (before any if_tsoffset). */
  sec = 0;
  /** Result of the last split: nanoseconds within `sec`. */
  nsec = 0;
  /** False when the seconds value exceeded 2^53 and is only approximate. */
  exact = true;

  private readonly units: number;
  /** When 1e9 is a whole multiple of the unit, nanoseconds = remainder * this. */
  private readonly nsPerUnit: number;
  private readonly unitsBig: bigint;

  constructor(unitsPerSecond: number) {
    this.units = unitsPerSecond;
    this.nsPerUnit = NS_PER_SECOND % unitsPerSecond === 0 ? NS_PER_SECOND / unitsPerSecond : 0;
    this.unitsBig = BigInt(unitsPerSecond);
  }

  split(hi: number, lo: number): void {
    const u = this.units;
    this.exact = true;
    if (hi < EXACT_HI_LIMIT) {
      // Common case for microsecond captures: the whole value fits a double exactly.
      const ts = hi * TWO_32 + lo;
      let sec = Math.floor(ts / u);
      let rem = ts - sec * u;
      if (rem < 0) { sec -= 1; rem += u; } else if (rem >= u) { sec += 1; rem -= u; }
      this.sec = sec;
      this.nsec = this.toNanoseconds(rem);
      return;
    }
    if (u > TWO_32) {
      this.splitBig(hi, lo);
      return;
    }
    // Long division by 16-bit digits: every intermediate stays below u * 2^16 <= 2^48.
    const qHi = Math.floor(hi / u);
    let r = hi - qHi * u;
    let cur = r * TWO_16 + (lo >>> 16);
    const q1 = Math.floor(cur / u);
    r = cur - q1 * u;
    cur = r * TWO_16 + (lo & 0xffff);
    const q0 = Math.floor(cur / u);
    r = cur - q0 * u;
    const sec = qHi * TWO_32 + q1 * TWO_16 + q0;
    this.sec = sec;
    this.exact = sec <= Number.MAX_SAFE_INTEGER;
    this.nsec = this.toNanoseconds(r);
  }

  private toNanoseconds(rem: number): number {
    if (this.nsPerUnit !== 0) return rem * this.nsPerUnit;
    const scaled = rem * NS_PER_SECOND;
    if (scaled <= Number.MAX_SAFE_INTEGER) {
      let ns = Math.floor(scaled / this.units);
      // Guard the floor against a quotient rounded up to the next integer.
      if (ns * this.units > scaled) ns -= 1;
      return ns;
    }
    return Number((BigInt(rem) * 1_000_000_000n) / this.unitsBig);
  }

  private splitBig(hi: number, lo: number): void {
    const ts = (BigInt(hi) << 32n) | BigInt(lo);
    const sec = ts / this.unitsBig;
    const rem = ts % this.unitsBig;
    this.sec = Number(sec);
    this.exact = sec <= BigInt(Number.MAX_SAFE_INTEGER);
    this.nsec = Number((rem * 1_000_000_000n) / this.unitsBig);
  }
}

/**
 * The other direction, for the writer: seconds + nanoseconds to a count of units split
 * into high and low 32-bit words. Not on any hot path, so BigInt keeps it obviously exact.
 * Rounds to the nearest unit, so that writing back what the reader produced (nanoseconds
 * floored from a unit such as 2^-20 s) gives the original unit count again.
 */
export function toTimestampWords(sec: number, nsec: number, unitsPerSecond: number): [number, number] {
  const units = BigInt(unitsPerSecond);
  const total = BigInt(sec) * units + (BigInt(nsec) * units * 2n + 1_000_000_000n) / 2_000_000_000n;
  const masked = BigInt.asUintN(64, total);
  return [Number(masked >> 32n), Number(masked & 0xffffffffn)];
}
