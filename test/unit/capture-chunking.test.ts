/**
 * The parser must not care how the bytes arrive: one byte at a time (a slow pipe), odd
 * sizes that split every header, page-sized reads, random sizes, or the whole file.
 * Each way must give exactly the same packets, bytes, timestamps and issues.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readCaptureFile } from '../../engine/capture';
import type { CapturedPacket } from '../../engine/capture/packet';
import { collect, packetRecord, type Chunking } from '../support/capture-collect';
import { SeededRandom } from '../support/seeded-random';
import { SHARED_CAPTURES, sharedCapturePath } from '../support/shared-pcaps';

/** One-byte feeding is slow by nature; these cover both containers, both byte orders and ns. */
const ONE_BYTE_CAPTURES = [
  'fuzz-2021-10-13.pcap', 'fuzz-2006-09-29-28586.pcap', 'z3950.pcapng', 'dhcp-fuzz.pcapng',
  'kerberos_fuzz.pcapng', 'NTPv4.pcap', 'whois.pcapng', 'http-crash-content-disposition.pcap',
];

function randomSizes(seed: number, max: number): Chunking {
  const random = new SeededRandom(seed);
  return () => random.between(1, max);
}

for (const name of SHARED_CAPTURES) {
  test(`chunking does not change ${name}`, () => {
    const bytes = readFileSync(sharedCapturePath(name));
    const whole = collect(bytes);
    assert.ok(whole.packets.length > 0);
    const expectedPackets = whole.packets.map(packetRecord);
    const chunkings: Array<[string, Chunking]> = [
      ['7-byte', 7],
      ['4096-byte', 4096],
      ['random 1..300', randomSizes(name.length, 300)],
      ['random 1..70000', randomSizes(name.length + 1, 70000)],
    ];
    if (ONE_BYTE_CAPTURES.includes(name)) chunkings.push(['1-byte', 1]);
    for (const [label, chunking] of chunkings) {
      const got = collect(bytes, chunking);
      assert.deepEqual(got.packets.map(packetRecord), expectedPackets, `${label} chunks: packets`);
      assert.deepEqual(got.issues, whole.issues, `${label} chunks: issues`);
      assert.deepEqual(got.formats.at(-1), whole.formats.at(-1), `${label} chunks: format`);
    }
  });
}

test('packet bytes stay valid after the read, and are windows (no copy) into the file chunks', () => {
  const kept: CapturedPacket[] = [];
  const records = new Set<CapturedPacket>();
  const path = sharedCapturePath('wechat.pcap');
  // A shallow copy keeps the window (buffer + offset) as the reader handed it out.
  readCaptureFile(path, { packet: (p) => { records.add(p); kept.push({ ...p }); } }, { chunkBytes: 65536 });
  const file = readFileSync(path);
  // Every kept window still holds the file's bytes at its record: no buffer was reused.
  for (const p of kept) {
    const frame = p.data.subarray(p.dataOffset, p.dataOffset + p.capturedLength);
    assert.equal(frame.length, p.capturedLength);
    assert.ok(Buffer.from(frame).equals(file.subarray(p.offset + 16, p.offset + 16 + p.capturedLength)), `packet ${p.number}`);
  }
  // Packets within one chunk share its buffer: a window, not a per-packet copy; and the
  // reader hands out one record object, refilled (no allocation per packet).
  assert.equal(kept[1]!.data, kept[0]!.data);
  assert.equal(records.size, 1);
});

test('readCaptureFile with small chunks equals reading in one go', () => {
  const path = sharedCapturePath('1kxun.pcap');
  const small: unknown[] = [];
  const big: unknown[] = [];
  readCaptureFile(path, { packet: (p) => small.push(packetRecord(p)) }, { chunkBytes: 1000 });
  readCaptureFile(path, { packet: (p) => big.push(packetRecord(p)) });
  assert.equal(small.length, 1439);
  assert.deepEqual(small, big);
});
