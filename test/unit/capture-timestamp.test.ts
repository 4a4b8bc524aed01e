/**
 * 64-bit pcapng timestamps to seconds + nanoseconds, checked against BigInt arithmetic
 * for every resolution family: decimal (s .. ps), power of two, and values above 2^53.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimestampSplitter, toTimestampWords } from '../../engine/capture/timestamp';
import { unitsFromTsresol } from '../../engine/capture/pcapng-interface';
import { SeededRandom } from '../support/seeded-random';

function reference(hi: number, lo: number, units: number): [number, number] {
  const ts = (BigInt(hi) << 32n) | BigInt(lo);
  const u = BigInt(units);
  return [Number(ts / u), Number(((ts % u) * 1_000_000_000n) / u)];
}

const RESOLUTIONS = [0, 1, 3, 6, 7, 9, 10, 12, 0x80 | 0, 0x80 | 10, 0x80 | 20, 0x80 | 30, 0x80 | 32, 0x80 | 40];

test('unitsFromTsresol: decimal and power-of-two resolutions, and the unusable ones', () => {
  assert.equal(unitsFromTsresol(6), 1e6);
  assert.equal(unitsFromTsresol(9), 1e9);
  assert.equal(unitsFromTsresol(0), 1);
  assert.equal(unitsFromTsresol(0x80 | 20), 1048576);
  assert.equal(unitsFromTsresol(18), 1e18);
  assert.equal(unitsFromTsresol(19), undefined);
  assert.equal(unitsFromTsresol(0x80 | 64), undefined);
});

test('split agrees with BigInt for random 64-bit timestamps at every resolution', () => {
  const random = new SeededRandom(42);
  for (const tsresol of RESOLUTIONS) {
    const units = unitsFromTsresol(tsresol)!;
    const splitter = new TimestampSplitter(units);
    for (let i = 0; i < 2000; i++) {
      // Mix small high words (fast path) and large ones (long division / BigInt).
      const hi = i % 2 === 0 ? random.int(0x200000) : random.int(0x100000000);
      const lo = random.int(0x100000000);
      splitter.split(hi, lo);
      const [sec, nsec] = reference(hi, lo, units);
      assert.equal(splitter.nsec, nsec, `nsec, tsresol 0x${tsresol.toString(16)}, ${hi}:${lo}`);
      if (sec <= Number.MAX_SAFE_INTEGER) {
        assert.equal(splitter.sec, sec, `sec, tsresol 0x${tsresol.toString(16)}, ${hi}:${lo}`);
        assert.equal(splitter.exact, true);
      } else {
        assert.equal(splitter.exact, false, 'seconds above 2^53 are flagged as approximate');
      }
    }
  }
});

test('a nanosecond timestamp of today (about 1.7e18 units, far above 2^53) splits exactly', () => {
  const [hi, lo] = toTimestampWords(1_700_000_000, 123_456_789, 1e9);
  assert.ok(hi >= 0x200000, 'the test value really is above 2^53');
  const splitter = new TimestampSplitter(1e9);
  splitter.split(hi, lo);
  assert.deepEqual([splitter.sec, splitter.nsec, splitter.exact], [1_700_000_000, 123_456_789, true]);
  // The naive float gets it wrong, which is why the splitter exists.
  const naive = hi * 2 ** 32 + lo;
  assert.notEqual(naive % 1e9, 123_456_789);
});

test('toTimestampWords and split are inverse for whole units', () => {
  const random = new SeededRandom(7);
  for (const units of [1e6, 1e9, 2 ** 20, 1e3]) {
    const splitter = new TimestampSplitter(units);
    for (let i = 0; i < 500; i++) {
      const sec = random.int(4_000_000_000);
      // What the reader produces for a whole number of units: the nanoseconds, floored.
      const nsec = Math.floor((random.int(units) * 1e9) / units);
      const [hi, lo] = toTimestampWords(sec, nsec, units);
      splitter.split(hi, lo);
      assert.deepEqual([splitter.sec, splitter.nsec], [sec, nsec]);
    }
  }
});
