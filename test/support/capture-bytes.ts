/**
 * Byte-level helpers for capture tests: deterministic sample packets, well-formed files
 * written by the project's writer, and surgical patches that make them lie in one place.
 */
import { PcapWriter, PcapngWriter, type PcapWriterOptions, type WritablePacket } from '../../engine/capture/writer';
import { SeededRandom } from './seeded-random';

/** `count` packets with distinct contents and sizes, 1.25 s apart, with odd nanoseconds. */
export function samplePackets(count: number, seed = 1, sizes: [min: number, max: number] = [40, 200]): WritablePacket[] {
  const random = new SeededRandom(seed);
  const packets: WritablePacket[] = [];
  let sec = 1_600_000_000;
  let nsec = 123_456_789;
  for (let i = 0; i < count; i++) {
    const length = random.between(sizes[0], sizes[1]);
    const data = random.bytes(length);
    data[0] = i & 0xff; // distinct even when random bytes repeat
    packets.push({ sec, nsec, data, originalLength: length + random.int(3) * 100 });
    nsec += 250_000_001;
    if (nsec >= 1e9) { nsec -= 1e9; sec += 1; }
    sec += 1;
  }
  return packets;
}

export function pcapBytes(packets: readonly WritablePacket[], options: Partial<PcapWriterOptions> = {}): Uint8Array {
  const writer = new PcapWriter({ linkType: 1, ...options });
  for (const p of packets) writer.packet(p);
  return writer.toBytes();
}

/** Byte offset of each record in a classic pcap written from `packets`. */
export function pcapRecordOffsets(packets: readonly WritablePacket[]): number[] {
  const offsets: number[] = [];
  let at = 24;
  for (const p of packets) {
    offsets.push(at);
    at += 16 + p.data.length;
  }
  return offsets;
}

/** One section, one interface (µs unless `tsresol` says otherwise), one EPB per packet. */
export function pcapngBytes(packets: readonly WritablePacket[], options: { endianness?: 'little' | 'big'; tsresol?: number; snaplen?: number } = {}): Uint8Array {
  const writer = new PcapngWriter({ endianness: options.endianness ?? 'little' }).section();
  const iface: Parameters<PcapngWriter['addInterface']>[0] = { linkType: 1, snaplen: options.snaplen ?? 262144 };
  if (options.tsresol !== undefined) iface.tsresol = options.tsresol;
  writer.addInterface(iface);
  for (const p of packets) writer.packet(p);
  return writer.toBytes();
}

/** Offsets of every pcapng block, walking the (trusted) leading lengths. */
export function pcapngBlockOffsets(bytes: Uint8Array, littleEndian = true): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets: number[] = [];
  for (let at = 0; at + 8 <= bytes.length; at += view.getUint32(at + 4, littleEndian)) offsets.push(at);
  return offsets;
}

/** A copy of `bytes` with one 32-bit value overwritten. */
export function withU32(bytes: Uint8Array, at: number, value: number, littleEndian = true): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value >>> 0, littleEndian);
  return copy;
}

export function readU32(bytes: Uint8Array, at: number, littleEndian = true): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, littleEndian);
}

/** A copy of `bytes` with `insert` placed at `at`. */
export function withInserted(bytes: Uint8Array, at: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at), at + insert.length);
  return out;
}
