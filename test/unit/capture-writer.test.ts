/**
 * Writer round trips: what the writer puts in, the reader gets out, for every classic
 * pcap variant and for pcapng with the features real files use (resolutions, offsets,
 * several sections, SPB/PB blocks, blocks to skip). Also pcap vs pcapng equivalence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PcapWriter, PcapngWriter, parseCapture } from '../../engine/capture';
import type { WritablePacket } from '../../engine/capture/writer';
import { collect, packetRecord } from '../support/capture-collect';
import { pcapBytes, pcapngBytes, samplePackets } from '../support/capture-bytes';

const packets = samplePackets(25, 7);

/** The writers keep the nearest unit; sample nanoseconds never round up to a whole second. */
function expectedTimes(list: readonly WritablePacket[], microseconds: boolean): Array<[number, number]> {
  return list.map((p) => [p.sec, microseconds ? Math.round(p.nsec / 1000) * 1000 : p.nsec]);
}

for (const endianness of ['little', 'big'] as const) {
  for (const resolution of ['us', 'ns'] as const) {
    test(`classic pcap round trip: ${endianness}-endian, ${resolution}`, () => {
      const bytes = pcapBytes(packets, { endianness, resolution, linkType: 113, snaplen: 65535 });
      const got = collect(bytes);
      assert.deepEqual(got.issues, []);
      assert.deepEqual(got.summary.format, {
        container: 'pcap', endianness, timestampResolution: resolution, snaplen: 65535, version: '2.4',
        interfaces: [{ linkType: 113, snaplen: 65535, unitsPerSecond: resolution === 'ns' ? 1e9 : 1e6, offsetSeconds: 0 }],
      });
      assert.deepEqual(got.packets.map((p) => [p.sec, p.nsec]), expectedTimes(packets, resolution === 'us'));
      assert.deepEqual(got.packets.map((p) => Buffer.from(p.data).toString('hex')), packets.map((p) => Buffer.from(p.data).toString('hex')));
      assert.deepEqual(got.packets.map((p) => p.originalLength), packets.map((p) => p.originalLength));
      assert.deepEqual(got.packets.map((p) => p.number), packets.map((_, i) => i + 1));
      assert.ok(got.packets.every((p) => p.linkType === 113 && p.interfaceIndex === 0));
    });
  }
}

test('pcap and pcapng (ns) of the same packets read the same', () => {
  const fromPcap = collect(pcapBytes(packets, { resolution: 'ns' })).packets;
  const fromPcapng = collect(pcapngBytes(packets, { tsresol: 9 })).packets;
  const strip = (p: Parameters<typeof packetRecord>[0]) => { const r = packetRecord(p); delete r.offset; return r; };
  assert.equal(fromPcapng.length, packets.length);
  assert.deepEqual(fromPcapng.map(strip), fromPcap.map(strip));
});

test('pcapng big-endian round trip with microsecond default resolution', () => {
  const got = collect(pcapngBytes(packets, { endianness: 'big' }));
  assert.deepEqual(got.issues, []);
  assert.equal(got.summary.format!.endianness, 'big');
  assert.deepEqual(got.packets.map((p) => [p.sec, p.nsec]), expectedTimes(packets, true));
});

test('pcapng nanosecond timestamps beyond 2^53 units come back exact', () => {
  const edge: WritablePacket[] = [
    { sec: 1_700_000_000, nsec: 999_999_999, data: Uint8Array.of(1) },
    { sec: 4_000_000_000, nsec: 1, data: Uint8Array.of(2) },
    { sec: 0, nsec: 0, data: Uint8Array.of(3) },
  ];
  const got = collect(pcapngBytes(edge, { tsresol: 9 }));
  assert.deepEqual(got.packets.map((p) => [p.sec, p.nsec]), edge.map((p) => [p.sec, p.nsec]));
});

test('pcapng power-of-two resolution (if_tsresol 0x80|20) and if_tsoffset', () => {
  const writer = new PcapngWriter().section();
  writer.addInterface({ linkType: 1, tsresol: 0x80 | 20, tsoffset: 1_000_000_000, name: 'eth7', description: 'test port', fcsLength: 4 });
  // 2^-20 s units: 0.5 s and 0.25 s are exact; 1/3 s is not and goes to the nearest unit.
  const sent = [
    { sec: 1_500_000_000, nsec: 500_000_000, data: Uint8Array.of(1, 2) },
    { sec: 1_500_000_001, nsec: 250_000_000, data: Uint8Array.of(3) },
    { sec: 1_500_000_002, nsec: 333_333_333, data: Uint8Array.of(4) },
  ];
  for (const p of sent) writer.packet(p);
  const got = collect(writer.toBytes());
  assert.deepEqual(got.issues, []);
  const iface = got.summary.format!.interfaces[0]!;
  assert.deepEqual(iface, { linkType: 1, snaplen: 262144, unitsPerSecond: 2 ** 20, offsetSeconds: 1_000_000_000, name: 'eth7', description: 'test port', fcsLength: 4 });
  assert.deepEqual(got.packets.slice(0, 2).map((p) => [p.sec, p.nsec]), [[1_500_000_000, 500_000_000], [1_500_000_001, 250_000_000]]);
  const third = got.packets[2]!;
  assert.equal(third.sec, 1_500_000_002);
  // 0.333333333 * 2^20 = 349525.33 -> 349525 units = 333332061.9 ns, floored on reading.
  assert.equal(third.nsec, Math.floor((349525 * 1e9) / 2 ** 20));
});

test('pcapng: several sections, each with its own interfaces and byte order', () => {
  const le = new PcapngWriter({ endianness: 'little' }).section();
  le.addInterface({ linkType: 1 });
  le.addInterface({ linkType: 101, tsresol: 9 });
  le.packet({ sec: 10, nsec: 1000, data: Uint8Array.of(0xa), interfaceIndex: 1 });
  le.packet({ sec: 11, nsec: 2000, data: Uint8Array.of(0xb), interfaceIndex: 0 });
  le.section();
  le.addInterface({ linkType: 113 });
  le.packet({ sec: 12, nsec: 3000, data: Uint8Array.of(0xc) });
  const be = new PcapngWriter({ endianness: 'big' }).section();
  be.addInterface({ linkType: 228, tsresol: 3 });
  be.packet({ sec: 13, nsec: 4_000_000, data: Uint8Array.of(0xd, 0xe) });
  const bytes = new Uint8Array([...le.toBytes(), ...be.toBytes()]);
  const got = collect(bytes);
  assert.deepEqual(got.issues, []);
  assert.deepEqual(got.packets.map((p) => [p.number, p.sec, p.nsec, p.linkType, p.interfaceIndex]), [
    [1, 10, 1000, 101, 1],
    [2, 11, 2000, 1, 0],
    [3, 12, 3000, 113, 0],
    [4, 13, 4_000_000, 228, 0],
  ]);
  assert.deepEqual(got.formats.map((f) => [f.sections, f.endianness, f.interfaces.map((i) => i.linkType)]), [
    [1, 'little', [1, 101]],
    [2, 'little', [113]],
    [3, 'big', [228]],
  ]);
});

test('pcapng: a new section forgets the previous interfaces', () => {
  const w = new PcapngWriter().section();
  w.addInterface({ linkType: 1 });
  w.addInterface({ linkType: 1 });
  w.section();
  w.addInterface({ linkType: 1 });
  w.packet({ sec: 1, nsec: 0, data: Uint8Array.of(1) });
  const bytes = w.toBytes();
  // Rewrite the last EPB's interface id to 1, valid only in the first section.
  const lastEpb = bytes.length - 36;
  new DataView(bytes.buffer).setUint32(lastEpb + 8, 1, true);
  const got = collect(bytes);
  assert.equal(got.packets.length, 0);
  assert.deepEqual(got.issues.map((i) => [i.reason, i.offset, i.packet]), [['unknown-interface', lastEpb, 1]]);
  assert.match(got.issues[0]!.message, /refers to interface 1, but section 2 describes only 1; skipped the block/);
});

test('pcapng: SPB and obsolete PB blocks, and unknown blocks skipped by length', () => {
  const w = new PcapngWriter().section();
  w.addInterface({ linkType: 1, snaplen: 4 });
  w.rawBlock(0x1234, Uint8Array.of(9, 9, 9)); // unknown type: skipped silently
  w.obsoletePacket({ sec: 100, nsec: 5000, data: Uint8Array.of(1, 2, 3), originalLength: 60 });
  w.simplePacket(Uint8Array.of(4, 5, 6, 7, 8, 9), 6); // snaplen 4 cuts it to 4 bytes
  w.rawBlock(0x0bad, new Uint8Array(10)); // custom block: skipped
  w.rawBlock(5, new Uint8Array(20)); // interface statistics: skipped
  w.simplePacket(Uint8Array.of(7), 1);
  const got = collect(w.toBytes());
  assert.deepEqual(got.issues, []);
  assert.deepEqual(got.packets.map((p) => [p.number, p.sec, p.nsec, p.capturedLength, p.originalLength, Buffer.from(p.data).toString('hex')]), [
    [1, 100, 5000, 3, 60, '010203'],
    // SPBs carry no timestamp: they get the previous packet's time.
    [2, 100, 5000, 4, 6, '04050607'],
    [3, 100, 5000, 1, 1, '07'],
  ]);
});

test('SPB captured length is min(original length, snaplen, block room)', () => {
  const w = new PcapngWriter().section();
  w.addInterface({ linkType: 1, snaplen: 0 });
  w.simplePacket(Uint8Array.of(1, 2, 3, 4, 5), 1500); // only 5 bytes (8 with padding) present
  const got = collect(w.toBytes());
  assert.equal(got.packets[0]!.originalLength, 1500);
  assert.equal(got.packets[0]!.capturedLength, 8, 'block room, padding included: the block cannot say less');
});

test('parseCapture (whole buffer) summary counts packets and captured bytes', () => {
  const bytes = pcapBytes(packets);
  let n = 0;
  const summary = parseCapture(bytes, { packet: () => { n += 1; } });
  assert.equal(n, packets.length);
  assert.equal(summary.packets, packets.length);
  assert.equal(summary.capturedBytes, packets.reduce((s, p) => s + p.data.length, 0));
  assert.equal(summary.bytes, bytes.length);
  assert.equal(summary.fatal, false);
});

test('PcapWriter writes an old 2.2 header whose readers swap the lengths back', () => {
  // pcap < 2.3 stored len before caplen: write one record that way by hand.
  const w = new PcapWriter({ linkType: 1, version: [2, 2] });
  const bytes = w.toBytes();
  const record = new Uint8Array(16 + 3);
  const v = new DataView(record.buffer);
  v.setUint32(0, 50, true); v.setUint32(4, 7, true);
  v.setUint32(8, 1514, true); // len first
  v.setUint32(12, 3, true); // then caplen
  record.set([1, 2, 3], 16);
  const got = collect(new Uint8Array([...bytes, ...record]));
  assert.deepEqual(got.issues, []);
  assert.deepEqual(got.packets.map((p) => [p.capturedLength, p.originalLength, p.data.length]), [[3, 1514, 3]]);
});

test('microsecond writers round to the nearest microsecond, carrying into the seconds', () => {
  const p = { sec: 5, nsec: 999_999_600, data: Uint8Array.of(1) };
  const fromPcap = collect(pcapBytes([p])).packets[0]!;
  const fromPcapng = collect(pcapngBytes([p])).packets[0]!;
  assert.deepEqual([fromPcap.sec, fromPcap.nsec], [6, 0]);
  assert.deepEqual([fromPcapng.sec, fromPcapng.nsec], [6, 0]);
});
