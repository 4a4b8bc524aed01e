/**
 * Seeded, deterministic fuzzing of the parser with mutated real captures: bit flips,
 * overwritten bytes, lying length fields, truncations, inserted, deleted and duplicated
 * spans. Whatever the bytes, push()/end() must not throw, and every packet must be real
 * bytes of the input at the record it claims, within the size limit. A share of the
 * mutants is also fed in random chunks, which must not change a single result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CAPTURE_ISSUE_REASONS, DEFAULT_MAX_CAPTURED_LENGTH } from '../../engine/capture';
import { collect, packetRecord, type Collected } from '../support/capture-collect';
import { SeededRandom } from '../support/seeded-random';
import { SHARED_CAPTURES, sharedCapturePath } from '../support/shared-pcaps';

// CAPTURE_FUZZ_MUTANTS / CAPTURE_FUZZ_SEED allow longer local runs; CI uses the defaults.
const MUTANTS = Number(process.env.CAPTURE_FUZZ_MUTANTS ?? 4000);
const SEED = Number(process.env.CAPTURE_FUZZ_SEED ?? 20240611);
const CHUNKED_EVERY = 8;
/** Small and medium captures of both containers, both byte orders, ns, odd link types. */
const SOURCES = SHARED_CAPTURES
  .map((name) => ({ name, bytes: readFileSync(sharedCapturePath(name)) as Uint8Array }))
  .filter(({ bytes }) => bytes.length <= 80_000);

/** Record offsets of the clean file, to aim length patches and duplications at real fields. */
const RECORDS = new Map(SOURCES.map(({ name, bytes }) => [name, collect(bytes).packets.map((p) => p.offset)]));

const INTERESTING_U32 = [0, 1, 3, 8, 12, 15, 16, 31, 32, 0x7fff, 0xffff, 0x10000, 262144, 262145, 0x7fffffff, 0x80000000, 0xffffffff];

function mutate(bytes: Uint8Array, records: number[], random: SeededRandom): { bytes: Uint8Array; kind: string } {
  const n = bytes.length;
  const at = () => random.int(n);
  switch (random.int(9)) {
    case 0: {
      const out = bytes.slice();
      for (let k = random.between(1, 8); k > 0; k--) { const i = at(); out[i] = out[i]! ^ (1 << random.int(8)); }
      return { bytes: out, kind: 'bit flips' };
    }
    case 1: {
      const out = bytes.slice();
      const fill = random.pick([0x00, 0xff, -1]);
      const start = at();
      for (let i = start; i < Math.min(n, start + random.between(1, 16)); i++) out[i] = fill < 0 ? random.int(256) : fill;
      return { bytes: out, kind: `overwrite ${fill < 0 ? 'random' : fill}` };
    }
    case 2: return { bytes: bytes.slice(0, at()), kind: 'truncation' };
    case 3: {
      const i = at();
      const span = random.next() < 0.5 ? random.bytes(random.between(1, 64)) : bytes.slice(at(), at() + random.between(1, 64));
      return { bytes: new Uint8Array([...bytes.subarray(0, i), ...span, ...bytes.subarray(i)]), kind: 'insertion' };
    }
    case 4: {
      const i = at();
      return { bytes: new Uint8Array([...bytes.subarray(0, i), ...bytes.subarray(i + random.between(1, 64))]), kind: 'deletion' };
    }
    case 5: {
      // Duplicate a whole record or block (bounded by the next record) at another record boundary.
      if (records.length < 2) return { bytes: bytes.slice(0, at()), kind: 'truncation' };
      const r = random.int(records.length - 1);
      const record = bytes.slice(records[r]!, records[r + 1]!);
      const to = records[random.int(records.length)]!;
      return { bytes: new Uint8Array([...bytes.subarray(0, to), ...record, ...bytes.subarray(to)]), kind: 'duplicated record' };
    }
    case 6: {
      // Lie in a length field: pcap caplen/origlen, or pcapng block length / captured length.
      const out = bytes.slice();
      const base = records.length > 0 ? random.pick(records) : 0;
      const field = base + random.pick([4, 8, 12, 20, 24]);
      if (field + 4 <= n) new DataView(out.buffer).setUint32(field, random.pick(INTERESTING_U32), random.next() < 0.8);
      return { bytes: out, kind: 'length lie' };
    }
    case 7: {
      // Headers are where parsers break: hit the first 64 bytes.
      const out = bytes.slice();
      const i = random.int(Math.min(64, n));
      out[i] = random.int(256);
      return { bytes: out, kind: 'header byte' };
    }
    default: {
      const out = bytes.slice();
      for (let k = random.between(2, 40); k > 0; k--) out[at()] = random.int(256);
      return { bytes: out, kind: 'scattered bytes' };
    }
  }
}

function checkInvariants(input: Uint8Array, got: Collected, label: string): void {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const pcapng = input.length >= 4 && view.getUint32(0) === 0x0a0d0d0a;
  got.packets.forEach((p, index) => {
    assert.equal(p.number, index + 1, `${label}: consecutive numbers`);
    assert.equal(p.capturedLength, p.data.length, `${label}: capturedLength = data.length`);
    assert.ok(p.capturedLength <= DEFAULT_MAX_CAPTURED_LENGTH, `${label}: within the limit`);
    assert.ok(Number.isFinite(p.sec) && Number.isInteger(p.nsec) && p.nsec >= 0 && p.nsec < 1e9, `${label}: sane time`);
    assert.ok(p.offset >= 0 && p.offset < input.length, `${label}: offset inside the input`);
    // The bytes are the input's own bytes right after the record header the packet claims.
    let header = 16;
    if (pcapng) {
      const le = view.getUint32(p.offset, true);
      const type = le === 3 || view.getUint32(p.offset, false) === 3 ? 3 : 6;
      header = type === 3 ? 12 : 28;
    }
    const expected = input.subarray(p.offset + header, p.offset + header + p.capturedLength);
    assert.ok(Buffer.from(p.data).equals(expected), `${label}: packet ${p.number} data is the input at its record`);
  });
  for (const issue of got.issues) {
    assert.ok(Object.hasOwn(CAPTURE_ISSUE_REASONS, issue.reason), `${label}: known reason ${issue.reason}`);
    assert.ok(issue.offset >= 0 && issue.offset <= input.length, `${label}: issue offset inside the input`);
    assert.ok(issue.message.length > 10 && !issue.message.includes('\n'), `${label}: one-line message: ${JSON.stringify(issue.message)}`);
    if (issue.fatal) {
      assert.equal(got.issues.length, 1, `${label}: a fatal issue is the only one`);
      assert.equal(got.packets.length, 0, `${label}: no packets with a fatal issue`);
    }
  }
  assert.equal(got.summary.packets, got.packets.length);
  assert.equal(got.summary.issues, got.issues.length);
  assert.equal(got.summary.bytes, input.length);
}

test(`${MUTANTS} seeded mutants (seed ${SEED}) of the shared captures: no throw, sound packets, chunking-invariant`, () => {
  assert.ok(SOURCES.length >= 30);
  const random = new SeededRandom(SEED);
  const kinds = new Map<string, number>();
  let withIssues = 0;
  let recoveredAfterIssue = 0;
  for (let m = 0; m < MUTANTS; m++) {
    const source = SOURCES[m % SOURCES.length]!;
    const { bytes, kind } = mutate(source.bytes, RECORDS.get(source.name)!, random);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const label = `mutant ${m} (${kind} of ${source.name})`;
    const whole = collect(bytes);
    checkInvariants(bytes, whole, label);
    if (whole.issues.length > 0) {
      withIssues += 1;
      const firstIssue = whole.issues[0]!.offset;
      if (whole.packets.some((p) => p.offset > firstIssue)) recoveredAfterIssue += 1;
    }
    if (m % CHUNKED_EVERY === 0) {
      const chunkRandom = new SeededRandom(m);
      const chunked = collect(bytes, () => chunkRandom.between(1, 512));
      assert.deepEqual(chunked.packets.map(packetRecord), whole.packets.map(packetRecord), `${label}: chunked packets`);
      assert.deepEqual(chunked.issues, whole.issues, `${label}: chunked issues`);
    }
  }
  // The mutants really are hostile, and the reader really does keep going after problems.
  assert.ok(kinds.size >= 9, `all mutation kinds used: ${[...kinds.keys()].join(', ')}`);
  assert.ok(withIssues > MUTANTS / 3, `${withIssues} mutants produced issues`);
  assert.ok(recoveredAfterIssue > MUTANTS / 10, `${recoveredAfterIssue} mutants had packets after their first issue`);
});

test('pure random bytes behind each valid signature: no throw, sound packets', () => {
  const random = new SeededRandom(99);
  const signatures = [
    [0xd4, 0xc3, 0xb2, 0xa1], [0xa1, 0xb2, 0xc3, 0xd4], [0x4d, 0x3c, 0xb2, 0xa1], [0xa1, 0xb2, 0x3c, 0x4d],
    [0x0a, 0x0d, 0x0d, 0x0a],
  ];
  for (let m = 0; m < 500; m++) {
    const bytes = new Uint8Array([...signatures[m % signatures.length]!, ...random.bytes(random.between(0, 3000))]);
    if (m % signatures.length === 4 && bytes.length >= 12) bytes.set([0x4d, 0x3c, 0x2b, 0x1a], 8); // valid byte-order magic
    const got = collect(bytes, m % 3 === 0 ? 17 : bytes.length || 1);
    checkInvariants(bytes, got, `random ${m}`);
  }
});
