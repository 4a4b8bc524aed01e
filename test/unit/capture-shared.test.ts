/**
 * Every shared real-world capture against its ground truth (NAME.ndpi.json, written by
 * ndpiReader/capinfos, not by us): packet count, container, byte order, link types,
 * first and last packet time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { copyPacket, readCaptureFile } from '../../engine/capture';
import type { CaptureFormat, CaptureIssue, CapturedPacket } from '../../engine/capture/packet';
import { SHARED_CAPTURES, sharedCapturePath } from '../support/shared-pcaps';

interface FileTruth {
  container: 'pcap' | 'pcapng';
  endianness: 'little' | 'big';
  timestamp_resolution?: 'us' | 'ns';
  snaplen?: number;
  version?: string;
  sections?: number;
  link_types: number[];
  packets: number;
  size_bytes: number;
  first_packet_time: number | string;
  last_packet_time: number | string;
}

function truthOf(name: string): { file: FileTruth; flows: Array<{ first_seen: number }> } {
  return JSON.parse(readFileSync(`${sharedCapturePath(name)}.ndpi.json`, 'utf8'));
}

interface Read {
  first: CapturedPacket | undefined;
  last: CapturedPacket | undefined;
  packets: number;
  issues: CaptureIssue[];
  formats: CaptureFormat[];
  summary: ReturnType<typeof readCaptureFile>;
}

function read(name: string): Read {
  const r: Omit<Read, 'summary'> = { first: undefined, last: undefined, packets: 0, issues: [], formats: [] };
  const summary = readCaptureFile(sharedCapturePath(name), {
    packet: (p) => { r.first ??= copyPacket(p); r.last = copyPacket(p); r.packets += 1; },
    issue: (i) => r.issues.push(i),
    format: (f) => r.formats.push(f),
  });
  return { ...r, summary };
}

const seconds = (p: CapturedPacket): number => p.sec + p.nsec / 1e9;

test('the 43 shared captures are there', () => {
  assert.equal(SHARED_CAPTURES.length, 43);
});

/**
 * fuzz-2021-10-13.pcap's only record has a nanosecond field of 1882137472 (not below 1e9).
 * The ground truth's first_packet_time (980658802.1882137) is tshark gluing those digits
 * after the seconds; we carry the extra second like libpcap does, which is what
 * ndpiReader's own flow first_seen (980658803.882) shows. That file is checked below.
 */
const OUT_OF_RANGE_FRACTION = 'fuzz-2021-10-13.pcap';

for (const name of SHARED_CAPTURES) {
  test(`shared capture ${name} matches its ground truth`, () => {
    const { file } = truthOf(name);
    const r = read(name);
    assert.equal(r.packets, file.packets, 'packet count');
    assert.equal(r.summary.packets, file.packets, 'summary packet count');
    assert.equal(r.summary.bytes, file.size_bytes, 'bytes read');
    const format = r.summary.format!;
    assert.equal(format.container, file.container, 'container (from magic, not extension)');
    assert.equal(format.endianness, file.endianness, 'byte order');
    assert.deepEqual(format.interfaces.map((i) => i.linkType), file.link_types, 'link types');
    if (file.container === 'pcap') {
      assert.equal(format.timestampResolution, file.timestamp_resolution);
      assert.equal(format.snaplen, file.snaplen);
      assert.equal(format.version, file.version);
    } else {
      assert.equal(format.sections, file.sections);
    }
    assert.equal(r.first!.number, 1);
    assert.equal(r.last!.number, file.packets);
    if (name !== OUT_OF_RANGE_FRACTION) {
      assert.ok(Math.abs(seconds(r.first!) - Number(file.first_packet_time)) < 1e-6, `first time ${seconds(r.first!)} vs ${file.first_packet_time}`);
      assert.ok(Math.abs(seconds(r.last!) - Number(file.last_packet_time)) < 1e-6, `last time ${seconds(r.last!)} vs ${file.last_packet_time}`);
      assert.deepEqual(r.issues, [], 'a clean capture reports no issues');
    }
  });
}

test('fuzz-2021-10-13.pcap: ns pcap 2.0 with swapped lengths, an out-of-range fraction, cut in the next header', () => {
  const { file, flows } = truthOf(OUT_OF_RANGE_FRACTION);
  const r = read(OUT_OF_RANGE_FRACTION);
  assert.equal(r.summary.format!.timestampResolution, 'ns');
  assert.equal(r.packets, 1);
  // pcap 2.0 stores (len, caplen) in the other order: 197 bytes were captured.
  assert.equal(r.first!.capturedLength, 197);
  assert.equal(r.first!.data.length, 197);
  assert.equal(r.first!.originalLength, 524501);
  assert.equal(r.first!.sec, 980658803);
  assert.equal(r.first!.nsec, 882137472);
  assert.ok(Math.abs(seconds(r.first!) - flows[0]!.first_seen) < 1e-3, 'agrees with ndpiReader (libpcap)');
  assert.equal(file.size_bytes, 239);
  assert.deepEqual(r.issues.map((i) => [i.reason, i.offset, i.packet]), [
    ['timestamp-fraction-out-of-range', 24, 1],
    ['truncated-record', 24 + 16 + 197, 2],
  ]);
  assert.match(r.issues[1]!.message, /ends 2 bytes into a 16-byte record header/);
});

test('z3950.pcapng has two interfaces, and packets on both', () => {
  const r = read('z3950.pcapng');
  const seen = new Set<number>();
  readCaptureFile(sharedCapturePath('z3950.pcapng'), { packet: (p) => seen.add(p.interfaceIndex) });
  assert.equal(r.summary.format!.interfaces.length, 2);
  assert.equal(r.summary.format!.interfaces[1]!.name, 'br0');
  assert.equal(r.summary.format!.interfaces[1]!.unitsPerSecond, 1e9);
  assert.deepEqual([...seen].sort(), [0, 1]);
});

test('fuzz-2006-09-29-28586.pcap is big-endian and reads whole', () => {
  const r = read('fuzz-2006-09-29-28586.pcap');
  assert.equal(r.summary.format!.endianness, 'big');
  assert.equal(r.packets, 131);
  assert.deepEqual(r.issues, []);
});

test('1kxun.pcap and rtsp.pcap are pcapng despite their names', () => {
  assert.equal(read('1kxun.pcap').summary.format!.container, 'pcapng');
  assert.equal(read('rtsp.pcap').summary.format!.container, 'pcapng');
});
