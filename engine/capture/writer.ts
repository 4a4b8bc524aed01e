/**
 * Writes classic pcap and pcapng. The project generates its own sample captures with it
 * (real captures are never committed) and tests use it for round trips and to build the
 * exact byte layouts a test needs.
 *
 * The writers take packets as the reader delivers them (seconds + nanoseconds, bytes),
 * so "read, write, read again" compares like with like.
 */
import { ByteBuilder } from './byte-builder';
import { unitsFromTsresol } from './pcapng-interface';
import { toTimestampWords } from './timestamp';

/** What a writer needs of a packet; a CapturedPacket fits. */
export interface WritablePacket {
  sec: number;
  /** 0..999_999_999; a coarser file keeps the nearest unit (e.g. microsecond). */
  nsec: number;
  data: Uint8Array;
  /** Length on the wire; defaults to data.length. */
  originalLength?: number;
  /** pcapng only: index of an interface added with `addInterface` (default 0). */
  interfaceIndex?: number;
}

export interface PcapWriterOptions {
  linkType: number;
  snaplen?: number;
  resolution?: 'us' | 'ns';
  endianness?: 'little' | 'big';
  /** Header version; 2.4 unless a test needs an old file (2.0-2.2 swap the two lengths). */
  version?: [major: number, minor: number];
}

/** Classic pcap: a 24-byte file header, then one 16-byte header + data per packet. */
export class PcapWriter {
  private readonly out: ByteBuilder;
  private readonly nanosecond: boolean;

  constructor(options: PcapWriterOptions) {
    this.out = new ByteBuilder((options.endianness ?? 'little') === 'little');
    this.nanosecond = options.resolution === 'ns';
    const [major, minor] = options.version ?? [2, 4];
    this.out
      .u32(this.nanosecond ? 0xa1b23c4d : 0xa1b2c3d4)
      .u16(major).u16(minor)
      .u32(0) // thiszone: always 0 in practice, and readers ignore it
      .u32(0) // sigfigs
      .u32(options.snaplen ?? 262144)
      .u32(options.linkType);
  }

  packet(packet: WritablePacket): this {
    // Nearest microsecond, like the pcapng writer, carrying into the seconds at 1e6.
    let sec = packet.sec;
    let fraction = this.nanosecond ? packet.nsec : Math.round(packet.nsec / 1000);
    if (fraction >= 1e6 && !this.nanosecond) { sec += 1; fraction -= 1e6; }
    this.out
      .u32(sec).u32(fraction)
      .u32(packet.data.length).u32(packet.originalLength ?? packet.data.length)
      .bytes(packet.data);
    return this;
  }

  toBytes(): Uint8Array {
    return this.out.toBytes();
  }
}

export interface PcapngInterfaceOptions {
  linkType: number;
  snaplen?: number;
  name?: string;
  description?: string;
  /** Raw if_tsresol byte: 6 = microseconds (the default), 9 = ns, 0x80 | n = 2^-n s. */
  tsresol?: number;
  /** if_tsoffset: seconds the reader adds to every timestamp of this interface. */
  tsoffset?: number;
  /** if_fcslen: bytes of FCS at the end of each frame. */
  fcsLength?: number;
}

interface WrittenInterface {
  units: number;
  tsoffset: number;
}

const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;
const IF_FCSLEN = 13;
const IF_TSOFFSET = 14;
const utf8 = new TextEncoder();

/**
 * pcapng: call `section()` first, then `addInterface()` for each interface, then
 * packets. A later `section()` starts a new section whose interface list is empty again.
 */
export class PcapngWriter {
  private readonly out: ByteBuilder;
  private interfaces: WrittenInterface[] = [];
  private sectionStarted = false;

  constructor(options: { endianness?: 'little' | 'big' } = {}) {
    this.out = new ByteBuilder((options.endianness ?? 'little') === 'little');
  }

  /**
   * Starts a new section (a Section Header Block). The first one is written on its own
   * by the first interface or packet; call this for the second and later sections.
   */
  section(): this {
    this.sectionStarted = true;
    this.interfaces = [];
    return this.block(0x0a0d0d0a, (b) => {
      b.u32(0x1a2b3c4d).u16(1).u16(0);
      b.u32(0xffffffff).u32(0xffffffff); // section length: -1, "not specified"
    });
  }

  /** Writes an Interface Description Block; returns the interface's index in this section. */
  addInterface(options: PcapngInterfaceOptions): number {
    if (!this.sectionStarted) this.section();
    const units = options.tsresol === undefined ? 1e6 : unitsFromTsresol(options.tsresol);
    if (units === undefined) throw new RangeError(`if_tsresol 0x${options.tsresol!.toString(16)} is not representable`);
    this.block(1, (b) => {
      b.u16(options.linkType).u16(0).u32(options.snaplen ?? 262144);
      if (options.name !== undefined) option(b, IF_NAME, utf8.encode(options.name));
      if (options.description !== undefined) option(b, IF_DESCRIPTION, utf8.encode(options.description));
      if (options.tsresol !== undefined) option(b, IF_TSRESOL, Uint8Array.of(options.tsresol));
      if (options.fcsLength !== undefined) option(b, IF_FCSLEN, Uint8Array.of(options.fcsLength));
      if (options.tsoffset !== undefined) {
        b.u16(IF_TSOFFSET).u16(8).i64(BigInt(options.tsoffset));
      }
      b.u16(0).u16(0); // opt_endofopt
    });
    this.interfaces.push({ units, tsoffset: options.tsoffset ?? 0 });
    return this.interfaces.length - 1;
  }

  /** Enhanced Packet Block: the normal packet record. */
  packet(packet: WritablePacket): this {
    const id = packet.interfaceIndex ?? 0;
    const [hi, lo] = this.timestampWords(id, packet);
    return this.block(6, (b) => {
      b.u32(id).u32(hi).u32(lo).u32(packet.data.length).u32(packet.originalLength ?? packet.data.length);
      b.bytes(packet.data).pad4();
    });
  }

  /** Simple Packet Block: no timestamp, no interface id (interface 0), no captured length. */
  simplePacket(data: Uint8Array, originalLength = data.length): this {
    return this.block(3, (b) => {
      b.u32(originalLength).bytes(data).pad4();
    });
  }

  /** The obsolete Packet Block (type 2) that old writers produced. */
  obsoletePacket(packet: WritablePacket, drops = 0): this {
    const id = packet.interfaceIndex ?? 0;
    const [hi, lo] = this.timestampWords(id, packet);
    return this.block(2, (b) => {
      b.u16(id).u16(drops).u32(hi).u32(lo).u32(packet.data.length).u32(packet.originalLength ?? packet.data.length);
      b.bytes(packet.data).pad4();
    });
  }

  /** Any block, with its body padded; for block types the reader must skip. */
  rawBlock(type: number, body: Uint8Array): this {
    return this.block(type, (b) => {
      b.bytes(body).pad4();
    });
  }

  toBytes(): Uint8Array {
    return this.out.toBytes();
  }

  private timestampWords(id: number, packet: WritablePacket): [number, number] {
    const iface = this.interfaces[id];
    if (iface === undefined) throw new RangeError(`interface ${id} has not been added to this section`);
    return toTimestampWords(packet.sec - iface.tsoffset, packet.nsec, iface.units);
  }

  /** Type, length, body, length again: the length is patched in once the body is written. */
  private block(type: number, body: (b: ByteBuilder) => void): this {
    const start = this.out.size;
    this.out.u32(type).u32(0);
    body(this.out);
    const length = this.out.size - start + 4;
    this.out.u32(length);
    this.out.patchU32(start + 4, length);
    return this;
  }
}

function option(b: ByteBuilder, code: number, value: Uint8Array): void {
  b.u16(code).u16(value.length).bytes(value).pad4();
}
