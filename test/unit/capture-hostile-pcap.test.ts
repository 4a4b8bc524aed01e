/**
 * Classic pcap files that lie, one lie at a time: each test asserts the exact issue
 * (reason, byte offset, packet number), what was kept before the problem and what was
 * recovered after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCaptureIssue } from '../../engine/capture';
import { collect, concatBytes } from '../support/capture-collect';
import { pcapBytes, pcapRecordOffsets, readU32, samplePackets, withInserted, withU32 } from '../support/capture-bytes';

const sent = samplePackets(6, 3);
const good = pcapBytes(sent);
const offsets = pcapRecordOffsets(sent);
const dataOf = (i: number) => Buffer.from(sent[i]!.data).toString('hex');
const hexOf = (data: Uint8Array) => Buffer.from(data).toString('hex');
const issueKeys = (issues: Array<{ reason: string; offset: number; packet?: number }>) =>
  issues.map((i) => [i.reason, i.offset, i.packet]);

test('cut inside a record header: earlier packets kept, one truncated-record issue', () => {
  const cut = good.subarray(0, offsets[4]! + 10);
  const got = collect(cut);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), [0, 1, 2, 3].map(dataOf));
  assert.deepEqual(issueKeys(got.issues), [['truncated-record', offsets[4], 5]]);
  assert.equal(got.issues[0]!.message, 'the capture ends 10 bytes into a 16-byte record header; the partial header was dropped');
  assert.equal(got.summary.fatal, false);
});

test('cut inside a record body: the partial packet is dropped, not delivered short', () => {
  const cut = good.subarray(0, offsets[5]! + 16 + 5);
  const got = collect(cut);
  assert.equal(got.packets.length, 5);
  assert.deepEqual(issueKeys(got.issues), [['truncated-record', offsets[5], 6]]);
  const len = sent[5]!.data.length;
  assert.equal(got.issues[0]!.message,
    `the capture ends 21 bytes into a ${16 + len}-byte record (16-byte header and ${len} captured bytes); the partial record was dropped`);
});

test('empty file: one fatal issue', () => {
  const got = collect(new Uint8Array(0));
  assert.deepEqual(got.issues, [{ offset: 0, reason: 'empty-capture', message: 'the capture is empty (0 bytes); nothing could be read', fatal: true }]);
  assert.equal(got.summary.fatal, true);
  assert.equal(got.packets.length, 0);
});

test('not a capture: text, gzip, and bytes that are no signature each give one fatal issue', () => {
  const cases: Array<[Uint8Array, RegExp]> = [
    [new TextEncoder().encode('hello, this is a text file\n'), /starts with text \("hell"\), not a capture/],
    [Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0), /gzip-compressed data \(decompress it first\)/],
    [Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), /bytes de ad be ef, which are not a pcap or pcapng signature/],
  ];
  for (const [bytes, message] of cases) {
    const got = collect(bytes, 3);
    assert.equal(got.issues.length, 1);
    assert.equal(got.issues[0]!.reason, 'not-a-capture');
    assert.equal(got.issues[0]!.fatal, true);
    assert.match(got.issues[0]!.message, message);
    assert.equal(got.packets.length, 0);
  }
});

test('file shorter than the pcap header, or than a signature: fatal truncated-file-header', () => {
  const short = collect(good.subarray(0, 20));
  assert.deepEqual(issueKeys(short.issues), [['truncated-file-header', 0, undefined]]);
  assert.equal(short.issues[0]!.fatal, true);
  assert.match(short.issues[0]!.message, /only 20 bytes long, shorter than the 24-byte pcap file header/);
  const tiny = collect(good.subarray(0, 2));
  assert.deepEqual(issueKeys(tiny.issues), [['truncated-file-header', 0, undefined]]);
  assert.match(tiny.issues[0]!.message, /only 2 bytes long, too short to hold a capture signature/);
});

test('captured length above 256 KiB: skipped to the next valid record, the rest recovered', () => {
  const bad = withU32(good, offsets[2]! + 8, 300000);
  const got = collect(bad);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), [0, 1, 3, 4, 5].map(dataOf));
  assert.deepEqual(got.packets.map((p) => p.number), [1, 2, 3, 4, 5], 'numbers stay consecutive');
  assert.deepEqual(got.packets.map((p) => p.offset), [0, 1, 3, 4, 5].map((i) => offsets[i]));
  assert.deepEqual(issueKeys(got.issues), [['captured-length-too-large', offsets[2], 3]]);
  const skipped = offsets[3]! - offsets[2]!;
  assert.equal(formatCaptureIssue(got.issues[0]!, 'capture.pcap'),
    `capture.pcap: byte ${offsets[2]} (packet 3): record claims 300000 captured bytes, more than the 262144-byte limit; skipped ${skipped} bytes to the next valid record at byte ${offsets[3]}`);
});

test('the captured-length limit is an option', () => {
  const got = collect(good, undefined, { maxCapturedLength: 100 });
  const over = sent.filter((p) => p.data.length > 100).length;
  assert.ok(over > 0 && over < sent.length);
  assert.ok(got.packets.every((p) => p.capturedLength <= 100));
  assert.equal(got.issues.filter((i) => i.reason === 'captured-length-too-large').length, got.issues.length);
  assert.equal(got.packets.length, sent.length - over);
});

test('captured length above the snapshot length: kept whole, with a warning', () => {
  const bytes = pcapBytes(sent, { snaplen: 100 });
  const got = collect(bytes);
  const over = sent.map((p, i) => [p, i] as const).filter(([p]) => p.data.length > 100);
  assert.ok(over.length > 0);
  assert.equal(got.packets.length, sent.length);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), sent.map((_, i) => dataOf(i)));
  assert.deepEqual(issueKeys(got.issues), over.map(([, i]) => ['captured-length-exceeds-snaplen', offsets[i], i + 1]));
  assert.match(got.issues[0]!.message, /more than the file's 100-byte snapshot length; kept all of them/);
});

test('captured length above the original length: kept, with a warning', () => {
  const bad = withU32(good, offsets[1]! + 12, 10);
  const got = collect(bad);
  assert.equal(got.packets.length, 6);
  assert.equal(got.packets[1]!.originalLength, 10);
  assert.equal(got.packets[1]!.capturedLength, sent[1]!.data.length);
  assert.deepEqual(issueKeys(got.issues), [['captured-length-exceeds-original', offsets[1], 2]]);
});

test('two anomalies in one header (over snaplen and over original length): not a record, resync', () => {
  const bytes = pcapBytes(sent, { snaplen: 30 });
  // Make every other anomaly go away except in record 4 by raising the original lengths there.
  const got = collect(withU32(bytes, offsets[3]! + 12, 20), undefined, { maxCapturedLength: 262144 });
  const record4 = got.issues.find((i) => i.offset === offsets[3]);
  assert.equal(record4?.reason, 'implausible-record-header');
  assert.match(record4!.message, /2 anomalies at once \(captured-length-exceeds-snaplen, captured-length-exceeds-original\).*skipped \d+ bytes to the next valid record at byte \d+/);
  assert.ok(!got.packets.some((p) => p.offset === offsets[3]), 'the suspicious record is not delivered');
  assert.ok(got.packets.some((p) => p.offset === offsets[4]), 'the next record is recovered');
});

test('microsecond field of 1.5 s: carried into the seconds, with a warning', () => {
  const bad = withU32(good, offsets[0]! + 4, 1_500_000);
  const got = collect(bad);
  assert.equal(got.packets.length, 6);
  assert.deepEqual([got.packets[0]!.sec, got.packets[0]!.nsec], [sent[0]!.sec + 1, 500_000_000]);
  assert.deepEqual(issueKeys(got.issues), [['timestamp-fraction-out-of-range', offsets[0], 1]]);
});

test('an absurd but well-formed seconds value is data, not corruption: kept as is', () => {
  const bad = withU32(good, offsets[2]!, 0xffffffff);
  const got = collect(bad);
  assert.equal(got.packets.length, 6);
  assert.equal(got.packets[2]!.sec, 0xffffffff);
  assert.deepEqual(got.issues, []);
});

test('an all-zero record header is not a packet: skipped, the next one recovered', () => {
  const zeros = new Uint8Array(16);
  const bytes = withInserted(good, offsets[3]!, zeros);
  const got = collect(bytes);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), [0, 1, 2, 3, 4, 5].map(dataOf));
  assert.deepEqual(issueKeys(got.issues), [['empty-record', offsets[3], 4]]);
  assert.match(got.issues[0]!.message, new RegExp(`skipped 16 bytes to the next valid record at byte ${offsets[3]! + 16}$`));
});

test('a zero-filled tail (a crash left preallocated space): one issue, all packets kept', () => {
  const bytes = concatBytes(good, new Uint8Array(1000));
  const got = collect(bytes, 333);
  assert.equal(got.packets.length, 6);
  assert.deepEqual(issueKeys(got.issues), [['empty-record', good.length, 7]]);
  assert.match(got.issues[0]!.message, /found no valid record in the remaining 1000 bytes, so they were skipped$/);
});

test('a plausible but wrong captured length that runs past the end: later records recovered', () => {
  const bad = withU32(good, offsets[1]! + 8, 200000);
  const got = collect(bad);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), [0, 2, 3, 4, 5].map(dataOf));
  assert.deepEqual(issueKeys(got.issues), [['record-overruns-capture', offsets[1], 2]]);
  assert.match(got.issues[0]!.message, new RegExp(`record claims 200000 captured bytes, more than the \\d+ bytes left in the capture; skipped \\d+ bytes to the next valid record at byte ${offsets[2]}`));
});

test('garbage inserted between records: skipped, everything recovered', () => {
  const garbage = new Uint8Array(37).fill(0xff);
  const bytes = withInserted(good, offsets[2]!, garbage);
  const got = collect(bytes, 50);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), [0, 1, 2, 3, 4, 5].map(dataOf));
  assert.deepEqual(issueKeys(got.issues), [['captured-length-too-large', offsets[2], 3]]);
  assert.match(got.issues[0]!.message, new RegExp(`skipped 37 bytes to the next valid record at byte ${offsets[2]! + 37}$`));
});

test('bytes deleted inside a record: the damaged record and the one it overlaps are lost, the rest recovered', () => {
  // Record 3 loses 10 data bytes, so its (unchanged) length runs 10 bytes into record 4.
  const bytes = concatBytes(good.subarray(0, offsets[2]! + 20), good.subarray(offsets[2]! + 30));
  const got = collect(bytes);
  assert.deepEqual(got.packets.map((p) => p.offset), [offsets[0], offsets[1], offsets[2], offsets[4]! - 10, offsets[5]! - 10]);
  assert.deepEqual(got.packets.slice(3).map((p) => hexOf(p.data)), [4, 5].map(dataOf));
  assert.equal(got.issues.length, 1);
  assert.deepEqual([got.issues[0]!.offset, got.issues[0]!.packet], [offsets[3], 4]);
  assert.match(got.issues[0]!.message, new RegExp(`to the next valid record at byte ${offsets[4]! - 10}$`));
});

test('big-endian file with a corrupt length: same recovery as little-endian', () => {
  const be = pcapBytes(sent, { endianness: 'big', resolution: 'ns' });
  assert.equal(readU32(be, 0, false), 0xa1b23c4d);
  const bad = withU32(be, offsets[2]! + 8, 0x7fffffff, false);
  const got = collect(bad, 7);
  assert.deepEqual(got.packets.map((p) => hexOf(p.data)), [0, 1, 3, 4, 5].map(dataOf));
  assert.deepEqual(issueKeys(got.issues), [['captured-length-too-large', offsets[2], 3]]);
});

test('unknown major version: a warning, and the records are still read', () => {
  const bytes = pcapBytes(sent, { version: [3, 0] });
  const got = collect(bytes);
  assert.equal(got.packets.length, 6);
  assert.deepEqual(issueKeys(got.issues), [['unexpected-version', 4, undefined]]);
});

test('the link-type field keeps only the link type (FCS bits are reported apart)', () => {
  const bytes = withU32(good, 20, 0x04000000 | (2 << 28) | 1);
  const got = collect(bytes);
  assert.equal(got.summary.format!.interfaces[0]!.linkType, 1);
  assert.equal(got.summary.format!.interfaces[0]!.fcsLength, 4);
  assert.ok(got.packets.every((p) => p.linkType === 1));
});
