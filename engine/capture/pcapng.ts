/**
 * pcapng blocks: sections (SHB), interfaces (IDB), packets (EPB, SPB, obsolete PB);
 * every other block type is skipped by its length, as the format intends.
 *
 * Every block carries its length at both ends, which makes corruption detectable and
 * resynchronisation reliable: after a bad block we scan byte by byte for a known block
 * type whose two lengths agree.
 */
import type { CaptureFormat } from './packet';
import type { CaptureIssueReason } from './issues';
import type { CaptureOutput, FormatParser } from './output';
import { readInterfaceBlock, type PcapngInterface } from './pcapng-interface';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const PB = 2;
const SPB = 3;
const EPB = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const BYTE_ORDER_MAGIC_SWAPPED = 0x4d3c2b1a;
/** Wireshark's limit too: no legitimate block comes near it. */
const MAX_BLOCK_BYTES = 16 * 1024 * 1024;
/** Types a resync may land on: the ones we read plus common ones we skip (NRB, ISB, DSB, custom). */
const KNOWN_BLOCK_TYPES = new Set([SHB, IDB, PB, SPB, 4, 5, EPB, 9, 0x0a, 0x0bad, 0x40000bad]);
const BLOCK_NAMES: Record<number, string> = {
  [SHB]: 'Section Header Block', [IDB]: 'Interface Description Block', [PB]: 'Packet Block',
  [SPB]: 'Simple Packet Block', [EPB]: 'Enhanced Packet Block',
};

function minimumLength(type: number): number {
  switch (type) {
    case SHB: return 28;
    case IDB: return 20;
    case EPB: case PB: return 32;
    case SPB: return 16;
    default: return 12;
  }
}

function blockName(type: number): string {
  return BLOCK_NAMES[type] ?? `block of type 0x${type.toString(16)}`;
}

interface ResyncState {
  offset: number;
  packet: number;
  reason: CaptureIssueReason;
  what: string;
}

export class PcapngParser implements FormatParser {
  need = 12;

  private le = true;
  private sections = 0;
  private interfaces: PcapngInterface[] = [];
  private formatDirty = false;
  private prevSec = 0;
  private prevNsec = 0;
  private resync: ResyncState | undefined;

  constructor(private readonly out: CaptureOutput, private readonly maxCaptured: number) {}

  parse(buf: Uint8Array, pos: number, end: number, base: number, final: boolean): number {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    for (;;) {
      if (this.resync !== undefined) {
        pos = this.scan(dv, pos, end, base, final);
        if (this.resync !== undefined) return pos;
      }
      pos = this.readBlocks(buf, dv, pos, end, base);
      if (this.out.fatal) return end;
      if (this.resync !== undefined) continue;
      if (!final) return pos;
      if (this.formatDirty) this.emitFormat();
      if (pos === end) return end;
      pos = this.finishTail(dv, pos, end, base);
      if (pos === end) return end;
    }
  }

  /** Reads whole blocks until the data runs out (sets `need`) or a corrupt block starts a resync. */
  private readBlocks(buf: Uint8Array, dv: DataView, pos: number, end: number, base: number): number {
    const out = this.out;
    while (end - pos >= 12) {
      let le = this.le;
      const type = dv.getUint32(pos, le);
      if (type === SHB) {
        const bom = dv.getUint32(pos + 8, true);
        if (bom === BYTE_ORDER_MAGIC) le = true;
        else if (bom === BYTE_ORDER_MAGIC_SWAPPED) le = false;
        else {
          const bytes = Array.from(buf.subarray(pos + 8, pos + 12), (b) => b.toString(16).padStart(2, '0')).join(' ');
          const what = `section header's byte-order magic is ${bytes}, neither 4d 3c 2b 1a (little-endian) nor 1a 2b 3c 4d (big-endian)`;
          if (this.sections === 0) {
            out.issue(base + pos, 'bad-section-header', `${what}, so the byte order is unknown; nothing could be read`, undefined, true);
            return end;
          }
          this.startResync(base + pos, 'bad-byte-order-magic', what);
          return pos + 1;
        }
        if (this.sections === 0) this.le = le; // the first section's byte order, even if its block is bad
      } else if (this.sections === 0) {
        // Only reachable after a first section header that was skipped as corrupt.
        this.startResync(base + pos, 'bad-section-header', 'the capture does not start with a usable section header');
        return pos + 1;
      }
      const len = dv.getUint32(pos + 4, le);
      const problem = this.lengthProblem(type, len);
      if (problem !== undefined) {
        this.startResync(base + pos, problem[0], problem[1]);
        return pos + 1;
      }
      if (end - pos < len) { this.need = len; return pos; }
      const trailer = dv.getUint32(pos + len - 4, le);
      if (trailer !== len) {
        this.startResync(base + pos, 'block-length-mismatch',
          `${blockName(type)} says it is ${len} bytes long at its start but ${trailer} at its end`);
        return pos + 1;
      }
      if (type === EPB) this.readEnhancedPacket(buf, dv, pos, len, base);
      else if (type === SHB) this.readSectionHeader(dv, pos, le, base);
      else if (type === IDB) this.readInterface(buf, dv, pos, len, base);
      else if (type === SPB) this.readSimplePacket(buf, dv, pos, len, base);
      else if (type === PB) this.readObsoletePacket(buf, dv, pos, len, base);
      pos += len;
    }
    this.need = 12;
    return pos;
  }

  private lengthProblem(type: number, len: number): [CaptureIssueReason, string] | undefined {
    const name = blockName(type);
    if (len < minimumLength(type)) return ['block-too-short', `${name} says it is ${len} bytes long, less than the ${minimumLength(type)} bytes its fixed fields need`];
    if ((len & 3) !== 0) return ['block-length-not-aligned', `${name} says it is ${len} bytes long, which is not a multiple of 4`];
    if (len > MAX_BLOCK_BYTES) return ['block-too-long', `${name} says it is ${len} bytes long, more than the ${MAX_BLOCK_BYTES}-byte limit for a block`];
    return undefined;
  }

  private readSectionHeader(dv: DataView, pos: number, le: boolean, base: number): void {
    this.le = le;
    this.sections += 1;
    this.interfaces = [];
    this.formatDirty = true;
    const major = dv.getUint16(pos + 12, le);
    const minor = dv.getUint16(pos + 14, le);
    if (major !== 1) {
      this.out.issue(base + pos + 12, 'unexpected-version',
        `section ${this.sections} says pcapng version ${major}.${minor}, but only 1.x exists; reading its blocks as 1.x`);
    }
  }

  private readInterface(buf: Uint8Array, dv: DataView, pos: number, len: number, base: number): void {
    const { iface, warnings } = readInterfaceBlock(dv, buf, pos, len, this.le, base);
    for (const [reason, offset, message] of warnings) this.out.issue(offset, reason, message);
    this.interfaces.push(iface);
    this.formatDirty = true;
  }

  private readEnhancedPacket(buf: Uint8Array, dv: DataView, pos: number, len: number, base: number): void {
    const le = this.le;
    const id = dv.getUint32(pos + 8, le);
    const cap = dv.getUint32(pos + 20, le);
    const orig = dv.getUint32(pos + 24, le);
    const iface = this.interfaces[id];
    if (iface === undefined) { this.unknownInterface(id, pos, base, 'Enhanced Packet Block'); return; }
    if (!this.packetFits(cap, len - 32, pos, base, 'Enhanced Packet Block')) return;
    this.emit(buf, iface, id, dv.getUint32(pos + 12, le), dv.getUint32(pos + 16, le), cap, orig, pos + 28, pos, base);
  }

  private readObsoletePacket(buf: Uint8Array, dv: DataView, pos: number, len: number, base: number): void {
    const le = this.le;
    const id = dv.getUint16(pos + 8, le);
    const cap = dv.getUint32(pos + 20, le);
    const orig = dv.getUint32(pos + 24, le);
    const iface = this.interfaces[id];
    if (iface === undefined) { this.unknownInterface(id, pos, base, 'Packet Block'); return; }
    if (!this.packetFits(cap, len - 32, pos, base, 'Packet Block')) return;
    this.emit(buf, iface, id, dv.getUint32(pos + 12, le), dv.getUint32(pos + 16, le), cap, orig, pos + 28, pos, base);
  }

  /**
   * A Simple Packet Block has no interface id (always interface 0), no timestamp and no
   * captured length: the bytes present are the original length cut to the snaplen and to
   * the block. It gets the previous packet's time so that packet time never runs backwards.
   */
  private readSimplePacket(buf: Uint8Array, dv: DataView, pos: number, len: number, base: number): void {
    const orig = dv.getUint32(pos + 8, this.le);
    const iface = this.interfaces[0];
    if (iface === undefined) { this.unknownInterface(0, pos, base, 'Simple Packet Block'); return; }
    let cap = Math.min(orig, len - 16);
    if (iface.info.snaplen > 0) cap = Math.min(cap, iface.info.snaplen);
    if (cap > this.maxCaptured) {
      this.out.issue(base + pos, 'captured-length-too-large',
        `Simple Packet Block holds ${cap} bytes, more than the ${this.maxCaptured}-byte limit; skipped the block`, this.out.packets + 1);
      return;
    }
    this.deliver(buf, 0, iface, this.prevSec, this.prevNsec, cap, orig, pos + 12, pos, base);
  }

  private unknownInterface(id: number, pos: number, base: number, name: string): void {
    const known = this.interfaces.length;
    this.out.issue(base + pos, 'unknown-interface',
      `${name} refers to interface ${id}, but section ${this.sections} describes ${known === 0 ? 'no interfaces' : `only ${known}`}; skipped the block`,
      this.out.packets + 1);
  }

  private packetFits(cap: number, room: number, pos: number, base: number, name: string): boolean {
    if (cap > room) {
      this.out.issue(base + pos, 'packet-exceeds-block',
        `${name} claims ${cap} captured bytes but has room for only ${room}; skipped the block`, this.out.packets + 1);
      return false;
    }
    if (cap > this.maxCaptured) {
      this.out.issue(base + pos, 'captured-length-too-large',
        `${name} claims ${cap} captured bytes, more than the ${this.maxCaptured}-byte limit; skipped the block`, this.out.packets + 1);
      return false;
    }
    return true;
  }

  private emit(buf: Uint8Array, iface: PcapngInterface, id: number, hi: number, lo: number,
    cap: number, orig: number, dataStart: number, pos: number, base: number): void {
    const splitter = iface.splitter;
    splitter.split(hi, lo);
    if (!splitter.exact) {
      this.out.issue(base + pos, 'timestamp-out-of-range',
        `timestamp is ${splitter.sec} seconds, beyond what can be represented exactly; kept it rounded`, this.out.packets + 1);
    }
    const snaplen = iface.info.snaplen;
    if (snaplen > 0 && cap > snaplen) {
      this.out.issue(base + pos, 'captured-length-exceeds-snaplen',
        `packet holds ${cap} captured bytes, more than interface ${id}'s ${snaplen}-byte snapshot length; kept all of them`, this.out.packets + 1);
    }
    if (cap > orig) {
      this.out.issue(base + pos, 'captured-length-exceeds-original',
        `packet holds ${cap} captured bytes of a frame only ${orig} bytes long on the wire; kept the captured bytes as they are`, this.out.packets + 1);
    }
    this.deliver(buf, id, iface, splitter.sec + iface.info.offsetSeconds, splitter.nsec, cap, orig, dataStart, pos, base);
  }

  private deliver(buf: Uint8Array, id: number, iface: PcapngInterface, sec: number, nsec: number,
    cap: number, orig: number, dataStart: number, pos: number, base: number): void {
    if (this.formatDirty) this.emitFormat();
    const out = this.out;
    out.packets += 1;
    out.capturedBytes += cap;
    this.prevSec = sec;
    this.prevNsec = nsec;
    out.emit(sec, nsec, cap, orig, iface.info.linkType, id, buf, dataStart, base + pos);
  }

  private emitFormat(): void {
    this.formatDirty = false;
    const format: CaptureFormat = {
      container: 'pcapng',
      endianness: this.le ? 'little' : 'big',
      sections: this.sections,
      interfaces: this.interfaces.map((i) => ({ ...i.info })),
    };
    this.out.format(format);
  }

  private startResync(offset: number, reason: CaptureIssueReason, what: string): void {
    this.resync = { offset, packet: this.out.packets + 1, reason, what };
  }

  /** The data ended inside a block: the file is cut, or the block's length lies. */
  private finishTail(dv: DataView, pos: number, end: number, base: number): number {
    const left = end - pos;
    const packet = this.out.packets + 1;
    if (this.sections === 0 && base + pos === 0) {
      this.out.issue(0, 'truncated-file-header',
        `the capture is only ${left} bytes long and ends inside its first section header; nothing could be read`, undefined, true);
      return end;
    }
    if (left < 12) {
      this.out.issue(base + pos, 'truncated-block',
        `the capture ends ${left} bytes into a block header; the partial header was dropped`, packet);
      return end;
    }
    const type = dv.getUint32(pos, this.le);
    const len = dv.getUint32(pos + 4, this.le);
    for (let p = pos + 1; end - p >= 12; p++) {
      if (this.candidate(dv, p, end, true) === 1) {
        this.out.issue(base + pos, 'record-overruns-capture',
          `${blockName(type)} says it is ${len} bytes long, more than the ${left} bytes left in the capture; skipped ${p - pos} bytes to the next valid block at byte ${base + p}`,
          packet);
        return p;
      }
    }
    this.out.issue(base + pos, 'truncated-block',
      `the capture ends ${left} bytes into a ${len}-byte ${blockName(type)}; the partial block was dropped`, packet);
    return end;
  }

  private scan(dv: DataView, pos: number, end: number, base: number, final: boolean): number {
    const state = this.resync!;
    for (let p = pos; ; p++) {
      if (end - p < 12) {
        if (!final) { this.need = 12; return p; }
        this.resync = undefined;
        this.out.issue(state.offset, state.reason,
          `${state.what}; found no valid block in the remaining ${base + end - state.offset} bytes, so they were skipped`,
          state.packet);
        return end;
      }
      const verdict = this.candidate(dv, p, end, final);
      if (verdict === 1) {
        this.resync = undefined;
        this.out.issue(state.offset, state.reason,
          `${state.what}; skipped ${base + p - state.offset} bytes to the next valid block at byte ${base + p}`,
          state.packet);
        return p;
      }
      if (verdict === -1) return p;
    }
  }

  /** Is a block at `p`? 1 yes, 0 no, -1 need more bytes (`need` set, counted from p). */
  private candidate(dv: DataView, p: number, end: number, final: boolean): number {
    let le = this.le;
    const type = dv.getUint32(p, le);
    if (!KNOWN_BLOCK_TYPES.has(type)) return 0;
    if (type === SHB) {
      const bom = dv.getUint32(p + 8, true);
      if (bom === BYTE_ORDER_MAGIC) le = true;
      else if (bom === BYTE_ORDER_MAGIC_SWAPPED) le = false;
      else return 0;
    } else if (this.sections === 0) {
      return 0;
    }
    const len = dv.getUint32(p + 4, le);
    if (this.lengthProblem(type, len) !== undefined) return 0;
    if (end - p < len) {
      if (final) return 0;
      this.need = len;
      return -1;
    }
    if (dv.getUint32(p + len - 4, le) !== len) return 0;
    if (type === EPB || type === PB) {
      const id = type === EPB ? dv.getUint32(p + 8, le) : dv.getUint16(p + 8, le);
      if (id >= this.interfaces.length) return 0;
      if (dv.getUint32(p + 20, le) > len - 32) return 0;
    }
    return 1;
  }
}
