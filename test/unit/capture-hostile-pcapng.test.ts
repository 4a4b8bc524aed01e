/**
 * pcapng files that lie, one lie at a time: block lengths (unaligned, too small, too
 * big, past the end, disagreeing with the trailer), packets that do not fit or name no
 * interface, broken section headers and options. Each test asserts the exact issue,
 * what was kept and what was recovered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PcapngWriter } from '../../engine/capture';
import { collect, concatBytes } from '../support/capture-collect';
import { pcapngBlockOffsets, pcapngBytes, readU32, samplePackets, withInserted, withU32 } from '../support/capture-bytes';

const sent = samplePackets(6, 11);
const good = pcapngBytes(sent);
const blocks = pcapngBlockOffsets(good);
/** Offset of the Enhanced Packet Block of packet i (0-based): after the SHB and IDB. */
const epb = (i: number) => blocks[2 + i]!;
const lengthOf = (at: number) => readU32(good, at + 4);
const hexOf = (data: Uint8Array) => Buffer.from(data).toString('hex');
const dataOf = (i: number) => hexOf(sent[i]!.data);
const issueKeys = (issues: Array<{ reason: string; offset: number; packet?: number }>) =>
  issues.map((i) => [i.reason, i.offset, i.packet]);
const allBut = (...lost: number[]) => [0, 1, 2, 3, 4, 5].filter((i) => !lost.includes(i)).map(dataOf);

test('the sample pcapng reads clean (baseline for the cases below)', () => {
  assert.equal(blocks.length, 8);
  const got = collect(good);
  assert.deepEqual(got.issues, []);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut());
  assert.deepEqual(got.packets.map((p) => p.offset), [0, 1, 2, 3, 4, 5].map(epb));
});

test('block length not a multiple of 4: skipped to the next block', () => {
  const got = collect(withU32(good, epb(1) + 4, lengthOf(epb(1)) + 1));
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(1));
  assert.deepEqual(issueKeys(got.issues), [['block-length-not-aligned', epb(1), 2]]);
  assert.equal(got.issues[0]!.message,
    `Enhanced Packet Block says it is ${lengthOf(epb(1)) + 1} bytes long, which is not a multiple of 4; skipped ${epb(2) - epb(1)} bytes to the next valid block at byte ${epb(2)}`);
});

test('block length smaller than its fixed fields: skipped to the next block', () => {
  const got = collect(withU32(good, epb(2) + 4, 8), 5);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(2));
  assert.deepEqual(issueKeys(got.issues), [['block-too-short', epb(2), 3]]);
  assert.match(got.issues[0]!.message, /says it is 8 bytes long, less than the 32 bytes its fixed fields need/);
});

test('absurd block length (over 16 MiB): skipped to the next block', () => {
  const got = collect(withU32(good, epb(0) + 4, 0x7ffffff0));
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(0));
  assert.deepEqual(issueKeys(got.issues), [['block-too-long', epb(0), 1]]);
});

test('block length beyond the end of the file: later blocks recovered at the end', () => {
  const got = collect(withU32(good, epb(1) + 4, 0x100000), 64);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(1));
  assert.deepEqual(issueKeys(got.issues), [['record-overruns-capture', epb(1), 2]]);
  assert.match(got.issues[0]!.message, new RegExp(`says it is 1048576 bytes long, more than the \\d+ bytes left in the capture; skipped ${epb(2) - epb(1)} bytes to the next valid block at byte ${epb(2)}`));
});

test('trailing length disagrees with the leading one: skipped to the next block', () => {
  const at = epb(3);
  const got = collect(withU32(good, at + lengthOf(at) - 4, lengthOf(at) + 4));
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(3));
  assert.deepEqual(issueKeys(got.issues), [['block-length-mismatch', at, 4]]);
  assert.match(got.issues[0]!.message, new RegExp(`says it is ${lengthOf(at)} bytes long at its start but ${lengthOf(at) + 4} at its end`));
});

test('file cut inside a block: earlier packets kept, one truncated-block issue', () => {
  const got = collect(good.subarray(0, epb(5) + 40), 1);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(5));
  assert.deepEqual(issueKeys(got.issues), [['truncated-block', epb(5), 6]]);
  assert.equal(got.issues[0]!.message, `the capture ends 40 bytes into a ${lengthOf(epb(5))}-byte Enhanced Packet Block; the partial block was dropped`);
  const inHeader = collect(good.subarray(0, epb(5) + 6));
  assert.deepEqual(issueKeys(inHeader.issues), [['truncated-block', epb(5), 6]]);
  assert.match(inHeader.issues[0]!.message, /ends 6 bytes into a block header/);
});

test('captured length larger than the block: that packet skipped, no resync needed', () => {
  const room = lengthOf(epb(2)) - 32;
  const got = collect(withU32(good, epb(2) + 20, room + 4));
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(2));
  assert.deepEqual(issueKeys(got.issues), [['packet-exceeds-block', epb(2), 3]]);
  assert.match(got.issues[0]!.message, new RegExp(`claims ${room + 4} captured bytes but has room for only ${room}; skipped the block`));
});

test('captured length over the limit: skipped, the block itself is fine', () => {
  const got = collect(good, undefined, { maxCapturedLength: 60 });
  const over = sent.map((p, i) => [p.data.length, i] as const).filter(([n]) => n > 60).map(([, i]) => i);
  assert.ok(over.length > 0 && over.length < 6);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(...over));
  assert.deepEqual(got.issues.map((i) => [i.reason, i.offset]), over.map((i) => ['captured-length-too-large', epb(i)]));
});

test('captured length above the original length or the snaplen: kept, with warnings', () => {
  const snapped = pcapngBytes(sent, { snaplen: 50 });
  const got = collect(withU32(snapped, epb(0) + 24, 3));
  assert.equal(got.packets.length, 6);
  const reasons = got.issues.map((i) => i.reason);
  assert.ok(reasons.includes('captured-length-exceeds-original'));
  assert.equal(reasons.filter((r) => r === 'captured-length-exceeds-snaplen').length, sent.filter((p) => p.data.length > 50).length);
});

test('packet naming an interface the section does not have: skipped', () => {
  const got = collect(withU32(good, epb(0) + 8, 5));
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut(0));
  assert.deepEqual(issueKeys(got.issues), [['unknown-interface', epb(0), 1]]);
  assert.match(got.issues[0]!.message, /refers to interface 5, but section 1 describes only 1; skipped the block/);
});

test('packet before any interface description: skipped, said so', () => {
  const w = new PcapngWriter().section();
  const shb = w.toBytes();
  const rest = good.subarray(epb(0));
  const got = collect(concatBytes(shb, rest));
  assert.equal(got.packets.length, 0);
  assert.equal(got.issues.length, 6);
  assert.ok(got.issues.every((i) => i.reason === 'unknown-interface' && /describes no interfaces/.test(i.message)));
});

test('first section header with an unknown byte-order magic: fatal', () => {
  const got = collect(withU32(good, 8, 0x12345678));
  assert.deepEqual(issueKeys(got.issues), [['bad-section-header', 0, undefined]]);
  assert.equal(got.issues[0]!.fatal, true);
  assert.equal(got.issues[0]!.message,
    "section header's byte-order magic is 78 56 34 12, neither 4d 3c 2b 1a (little-endian) nor 1a 2b 3c 4d (big-endian), so the byte order is unknown; nothing could be read");
  assert.equal(got.packets.length, 0);
});

test('a later section header with an unknown byte-order magic: resync, packets after it still read', () => {
  const second = pcapngBytes(samplePackets(3, 5));
  const bytes = concatBytes(good, withU32(second, 8, 0));
  const got = collect(bytes);
  assert.deepEqual(got.packets.slice(0, 6).map((p) => hexOf(p.data)), allBut());
  assert.deepEqual(issueKeys(got.issues), [['bad-byte-order-magic', good.length, 7]]);
  // The second section's interface block is the next valid block; its packets follow.
  assert.match(got.issues[0]!.message, new RegExp(`to the next valid block at byte ${good.length + 28}$`));
  assert.equal(got.packets.length, 9);
});

test('capture shorter than its first section header: fatal truncated-file-header', () => {
  const got = collect(good.subarray(0, 20));
  assert.deepEqual(issueKeys(got.issues), [['truncated-file-header', 0, undefined]]);
  assert.equal(got.issues[0]!.fatal, true);
});

test('an interface option running past its block: a warning, the interface still works', () => {
  const w = new PcapngWriter().section();
  w.addInterface({ linkType: 1, name: 'eth0', tsresol: 9 });
  w.packet({ sec: 1, nsec: 5, data: Uint8Array.of(1) });
  const bytes = w.toBytes();
  // The if_name option sits right after the IDB's fixed fields: claim 200 bytes for it.
  const idb = 28;
  const got = collect(withU32(bytes, idb + 16, 2 | (200 << 16)));
  assert.deepEqual(issueKeys(got.issues), [['bad-option', idb + 16, undefined]]);
  assert.match(got.issues[0]!.message, /option 2 claims 200 bytes but only \d+ are left in its block; ignored it and the options after it/);
  // The tsresol after it was ignored too: 1 s + 5 ns in ns units, read as microseconds.
  assert.deepEqual(got.packets.map((p) => [p.sec, p.nsec]), [[1000, 5000]]);
  assert.equal(got.summary.format!.interfaces[0]!.unitsPerSecond, 1e6);
});

test('an unusable timestamp resolution: a warning, microseconds used', () => {
  const w = new PcapngWriter().section();
  w.addInterface({ linkType: 1, tsresol: 6 });
  w.packet({ sec: 10, nsec: 7000, data: Uint8Array.of(1) });
  const bytes = w.toBytes();
  const optionValue = 28 + 16 + 4; // SHB, IDB fixed fields, option header
  assert.equal(bytes[optionValue], 6);
  bytes[optionValue] = 0x7f; // 10^-127 s
  const got = collect(bytes);
  assert.deepEqual(got.issues.map((i) => i.reason), ['bad-timestamp-resolution']);
  assert.deepEqual(got.packets.map((p) => [p.sec, p.nsec]), [[10, 7000]]);
});

test('a timestamp too large to represent exactly: kept, with a warning', () => {
  const w = new PcapngWriter().section();
  w.addInterface({ linkType: 1, tsresol: 0 }); // one unit per second
  w.packet({ sec: 1, nsec: 0, data: Uint8Array.of(1) });
  const written = w.toBytes();
  const packetBlock = pcapngBlockOffsets(written)[2]!;
  const bytes = withU32(written, packetBlock + 12, 0xffffffff); // EPB timestamp high word
  const got = collect(bytes);
  assert.equal(got.packets.length, 1);
  assert.ok(got.packets[0]!.sec > Number.MAX_SAFE_INTEGER);
  assert.deepEqual(got.issues.map((i) => [i.reason, i.packet]), [['timestamp-out-of-range', 1]]);
});

test('garbage between blocks: skipped exactly, every packet recovered', () => {
  const bytes = withInserted(good, epb(2), new Uint8Array(37).fill(0xff));
  const got = collect(bytes, 10);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), allBut());
  assert.deepEqual(issueKeys(got.issues), [['block-length-not-aligned', epb(2), 3]]);
  assert.match(got.issues[0]!.message, new RegExp(`skipped 37 bytes to the next valid block at byte ${epb(2) + 37}$`));
});

test('a zero-filled tail after the last block: one issue, all packets kept', () => {
  const got = collect(concatBytes(good, new Uint8Array(100)));
  assert.equal(got.packets.length, 6);
  assert.deepEqual(issueKeys(got.issues), [['block-too-short', good.length, 7]]);
  assert.match(got.issues[0]!.message, /found no valid block in the remaining 100 bytes, so they were skipped$/);
});

test('unknown section version: a warning, blocks still read', () => {
  const got = collect(withU32(good, 12, 2 | (0 << 16)));
  assert.equal(got.packets.length, 6);
  assert.deepEqual(issueKeys(got.issues), [['unexpected-version', 12, undefined]]);
});
