/**
 * Classic pcap records (microsecond or nanosecond, either byte order).
 *
 * The hot loop reads four 32-bit words per record and hands out a view of the packet
 * bytes; everything unusual goes through `classify`, off the hot path. After a corrupt
 * header it resynchronises: classic pcap has no markers, so it scans byte by byte for a
 * header that looks like a record and is followed by another one that does too.
 */
import type { CaptureInterface } from './packet';
import type { CaptureIssueReason } from './issues';
import { DEFAULT_MAX_CAPTURED_LENGTH, type CaptureOutput, type FormatParser } from './output';

const FILE_HEADER_BYTES = 24;
const RECORD_HEADER_BYTES = 16;
/** Resync: two headers whose seconds differ by more than this are not neighbours. */
const NEAR_SECONDS = 86400;
/** Resync: no real frame is longer on the wire than this (loopback GSO stays far below). */
const MAX_PLAUSIBLE_ORIGINAL = 0x1000000;

interface ResyncState {
  offset: number;
  packet: number;
  reason: CaptureIssueReason;
  what: string;
}

export class PcapParser implements FormatParser {
  need = FILE_HEADER_BYTES;

  private headerRead = false;
  private units: number;
  private nsPerUnit: number;
  private snaplen = 0;
  private linkType = 0;
  /** pcap before 2.3 wrote caplen and len in the other order (libpcap swaps them back). */
  private lengthsMaybeSwapped = false;
  /** Above this a captured length needs a closer look (the smaller of snaplen and the limit). */
  private quietLimit: number;
  private prevSec: number | undefined;
  private resync: ResyncState | undefined;

  constructor(
    private readonly out: CaptureOutput,
    private readonly littleEndian: boolean,
    nanosecond: boolean,
    private readonly maxCaptured: number,
  ) {
    this.units = nanosecond ? 1e9 : 1e6;
    this.nsPerUnit = nanosecond ? 1 : 1000;
    this.quietLimit = maxCaptured;
  }

  parse(buf: Uint8Array, pos: number, end: number, base: number, final: boolean): number {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    if (!this.headerRead) {
      if (end - pos < FILE_HEADER_BYTES) {
        if (!final) { this.need = FILE_HEADER_BYTES; return pos; }
        this.out.issue(base + pos, 'truncated-file-header',
          `the capture is only ${end - pos} bytes long, shorter than the 24-byte pcap file header; nothing could be read`,
          undefined, true);
        return end;
      }
      this.readFileHeader(dv, pos, base);
      pos += FILE_HEADER_BYTES;
    }
    const le = this.littleEndian;
    const out = this.out;
    for (;;) {
      if (this.resync !== undefined) {
        pos = this.scan(dv, pos, end, base, final);
        if (this.resync !== undefined) return pos;
      }
      // Hot loop: well-formed records only.
      while (end - pos >= RECORD_HEADER_BYTES) {
        const sec = dv.getUint32(pos, le);
        const frac = dv.getUint32(pos + 4, le);
        let cap = dv.getUint32(pos + 8, le);
        let orig = dv.getUint32(pos + 12, le);
        if (cap > orig && this.lengthsMaybeSwapped) { const t = cap; cap = orig; orig = t; }
        const start = pos + RECORD_HEADER_BYTES;
        if (cap <= this.quietLimit && cap <= orig && orig !== 0 && frac < this.units) {
          if (end - start < cap) break;
          out.packets += 1;
          out.capturedBytes += cap;
          this.prevSec = sec;
          out.emit(sec, frac * this.nsPerUnit, cap, orig, this.linkType, 0, buf, start, base + pos);
          pos = start + cap;
          continue;
        }
        const verdict = this.classify(frac, cap, orig);
        if (verdict.reject !== undefined) {
          this.resync = { offset: base + pos, packet: out.packets + 1, reason: verdict.reject, what: verdict.what };
          pos += 1;
          break;
        }
        if (end - start < cap) break;
        for (const [reason, message] of verdict.warnings) out.issue(base + pos, reason, message, out.packets + 1);
        const whole = Math.floor(frac / this.units);
        const fraction = frac - whole * this.units;
        out.packets += 1;
        out.capturedBytes += cap;
        this.prevSec = sec + whole;
        out.emit(sec + whole, fraction * this.nsPerUnit, cap, orig, this.linkType, 0, buf, start, base + pos);
        pos = start + cap;
      }
      if (this.resync !== undefined) continue;
      // Out of data in the middle of a record (or exactly at its start).
      const left = end - pos;
      if (left >= RECORD_HEADER_BYTES) this.need = RECORD_HEADER_BYTES + this.capturedLengthAt(dv, pos);
      else this.need = RECORD_HEADER_BYTES;
      if (!final || left === 0) return pos;
      pos = this.finishTail(dv, pos, end, base);
      if (pos === end) return end;
    }
  }

  /**
   * The end of the data came inside a record: either the file is cut, or the length lies.
   * Returns where reading goes on: a valid record further on, or `end`.
   */
  private finishTail(dv: DataView, pos: number, end: number, base: number): number {
    const left = end - pos;
    const packet = this.out.packets + 1;
    if (left < RECORD_HEADER_BYTES) {
      this.out.issue(base + pos, 'truncated-record',
        `the capture ends ${left} bytes into a 16-byte record header; the partial header was dropped`, packet);
      return end;
    }
    const cap = this.capturedLengthAt(dv, pos);
    for (let p = pos + 1; end - p >= RECORD_HEADER_BYTES; p++) {
      if (this.confirm(dv, p, end, true) === 1) {
        this.out.issue(base + pos, 'record-overruns-capture',
          `record claims ${cap} captured bytes, more than the ${left - RECORD_HEADER_BYTES} bytes left in the capture; skipped ${p - pos} bytes to the next valid record at byte ${base + p}`,
          packet);
        return p;
      }
    }
    this.out.issue(base + pos, 'truncated-record',
      `the capture ends ${left} bytes into a ${RECORD_HEADER_BYTES + cap}-byte record (16-byte header and ${cap} captured bytes); the partial record was dropped`,
      packet);
    return end;
  }

  private capturedLengthAt(dv: DataView, pos: number): number {
    const cap = dv.getUint32(pos + 8, this.littleEndian);
    const orig = dv.getUint32(pos + 12, this.littleEndian);
    return cap > orig && this.lengthsMaybeSwapped ? orig : cap;
  }

  private readFileHeader(dv: DataView, pos: number, base: number): void {
    const le = this.littleEndian;
    const major = dv.getUint16(pos + 4, le);
    const minor = dv.getUint16(pos + 6, le);
    this.snaplen = dv.getUint32(pos + 16, le);
    const rawLinkType = dv.getUint32(pos + 20, le);
    // Bits 26-31 carry FCS information, not the link type (libpcap's LT_LINKTYPE mask).
    this.linkType = rawLinkType & 0x03ffffff;
    this.lengthsMaybeSwapped = major < 2 || (major === 2 && minor < 3);
    this.quietLimit = this.snaplen > 0 ? Math.min(this.snaplen, this.maxCaptured) : this.maxCaptured;
    this.headerRead = true;
    if (major !== 2) {
      this.out.issue(base + pos + 4, 'unexpected-version',
        `the file header says pcap version ${major}.${minor}, but only 2.x exists; reading it as 2.${minor}`);
    }
    const iface: CaptureInterface = {
      linkType: this.linkType,
      snaplen: this.snaplen,
      unitsPerSecond: this.units,
      offsetSeconds: 0,
    };
    if ((rawLinkType & 0x04000000) !== 0) iface.fcsLength = ((rawLinkType >>> 28) & 0xf) * 2;
    this.out.format({
      container: 'pcap',
      endianness: le ? 'little' : 'big',
      timestampResolution: this.units === 1e9 ? 'ns' : 'us',
      snaplen: this.snaplen,
      version: `${major}.${minor}`,
      interfaces: [iface],
    });
  }

  /**
   * Decides what to do with a header that failed the quick test: reject it (and resync)
   * or keep the packet with warnings. One oddity at a time is seen in real files (an
   * out-of-range fraction in a fuzzed file, a wrong snaplen from old Solaris); several
   * at once mean we are reading something that is not a record header.
   */
  private classify(frac: number, cap: number, orig: number):
    { reject?: CaptureIssueReason; what: string; warnings: Array<[CaptureIssueReason, string]> } {
    const warnings: Array<[CaptureIssueReason, string]> = [];
    if (cap > this.maxCaptured) {
      return { reject: 'captured-length-too-large', what: `record claims ${cap} captured bytes, more than the ${this.maxCaptured}-byte limit`, warnings };
    }
    if (cap === 0 && orig === 0) {
      return { reject: 'empty-record', what: 'record header says 0 bytes captured of a 0-byte frame, so it is not a real record', warnings };
    }
    if (this.snaplen > 0 && cap > this.snaplen) {
      warnings.push(['captured-length-exceeds-snaplen', `record holds ${cap} captured bytes, more than the file's ${this.snaplen}-byte snapshot length; kept all of them`]);
    }
    if (cap > orig) {
      warnings.push(['captured-length-exceeds-original', `record holds ${cap} captured bytes of a frame only ${orig} bytes long on the wire; kept the captured bytes as they are`]);
    }
    if (frac >= this.units) {
      const unit = this.units === 1e9 ? 'nanosecond' : 'microsecond';
      warnings.push(['timestamp-fraction-out-of-range', `timestamp ${unit} field is ${frac}, not below ${this.units}; carried the whole seconds into the seconds field`]);
    }
    if (warnings.length >= 2) {
      return {
        reject: 'implausible-record-header',
        what: `record header has ${warnings.length} anomalies at once (${warnings.map(([r]) => r).join(', ')}), so it is not a real record`,
        warnings: [],
      };
    }
    return { what: '', warnings };
  }

  /** Looks for the next record after a corrupt one; `pos` is where to start looking. */
  private scan(dv: DataView, pos: number, end: number, base: number, final: boolean): number {
    const state = this.resync!;
    for (let p = pos; ; p++) {
      if (end - p < RECORD_HEADER_BYTES) {
        if (!final) { this.need = RECORD_HEADER_BYTES; return p; }
        this.resync = undefined;
        this.out.issue(state.offset, state.reason,
          `${state.what}; found no valid record in the remaining ${base + end - state.offset} bytes, so they were skipped`,
          state.packet);
        return end;
      }
      const verdict = this.confirm(dv, p, end, final);
      if (verdict === 1) {
        this.resync = undefined;
        this.out.issue(state.offset, state.reason,
          `${state.what}; skipped ${base + p - state.offset} bytes to the next valid record at byte ${base + p}`,
          state.packet);
        return p;
      }
      if (verdict === -1) return p;
    }
  }

  /**
   * Is there a real record at `p`? Yes if its header is plausible, it is near the last
   * good packet in time, and the next header is plausible and near it too. Without the
   * time link to the last packet it takes one more plausible header. At the end of the
   * data a complete plausible record is enough. Returns 1 yes, 0 no, -1 need more bytes.
   */
  private confirm(dv: DataView, p: number, end: number, final: boolean): number {
    const le = this.littleEndian;
    let required = 2;
    let q = p;
    let prevT = 0;
    let firstEnd = 0;
    for (let i = 0; i < required; i++) {
      if (end - q < RECORD_HEADER_BYTES) {
        if (!final) { this.need = q + RECORD_HEADER_BYTES - p; return -1; }
        return i > 0 && firstEnd <= end ? 1 : 0;
      }
      const sec = dv.getUint32(q, le);
      const frac = dv.getUint32(q + 4, le);
      let cap = dv.getUint32(q + 8, le);
      let orig = dv.getUint32(q + 12, le);
      if (cap > orig && this.lengthsMaybeSwapped) { const t = cap; cap = orig; orig = t; }
      // The candidate itself must be acceptable; the headers confirming it only need to be
      // record-shaped, so that a record over a lowered limit still marks a boundary.
      const capLimit = i === 0 ? this.maxCaptured : Math.max(this.maxCaptured, DEFAULT_MAX_CAPTURED_LENGTH);
      if (frac >= this.units || cap > capLimit || cap > orig || orig === 0 || orig > MAX_PLAUSIBLE_ORIGINAL) return 0;
      if (i === 0) {
        if (this.prevSec !== undefined && Math.abs(sec - this.prevSec) > NEAR_SECONDS) required = 3;
        firstEnd = q + RECORD_HEADER_BYTES + cap;
      } else if (Math.abs(sec - prevT) > NEAR_SECONDS) {
        return 0;
      }
      prevT = sec;
      q += RECORD_HEADER_BYTES + cap;
    }
    return 1;
  }
}
