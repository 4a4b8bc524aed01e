/**
 * The one incremental capture parser behind every source: a file read in big chunks,
 * a live `tcpdump -w -` pipe delivering a few bytes at a time, or a buffer in a test.
 *
 * Chunks may be any size and records may span them. Packets are views into the chunks
 * (no copy); only a record cut by a chunk boundary is assembled in a small buffer of its
 * own. A buffer whose bytes were handed out is never written again, so views stay valid.
 */
import type { CaptureFormat, CaptureSink } from './packet';
import type { CaptureIssueReason } from './issues';
import { CaptureOutput, DEFAULT_MAX_CAPTURED_LENGTH, type FormatParser } from './output';
import { MAGIC_BYTES, detectContainer } from './detect';
import { PcapParser } from './pcap';
import { PcapngParser } from './pcapng';

export interface CaptureParserOptions {
  /**
   * Records claiming more captured bytes than this are treated as corrupt and skipped.
   * Default 262144, libpcap's own limit for the common link types.
   */
  maxCapturedLength?: number;
}

/** What a finished (or abandoned) read amounts to. */
export interface CaptureSummary {
  /** Packets delivered to the sink. */
  packets: number;
  /** Sum of the delivered packets' captured lengths. */
  capturedBytes: number;
  /** Capture bytes received by the parser (the file size for a complete file). */
  bytes: number;
  /** Issues reported, in total and per reason. */
  issues: number;
  issueCounts: Partial<Record<CaptureIssueReason, number>>;
  /** True if the capture could not be read at all (see the fatal issue). */
  fatal: boolean;
  /** The container as last described to the sink; absent if it was never recognised. */
  format?: CaptureFormat;
}

export class CaptureParser {
  private readonly out: CaptureOutput;
  private readonly maxCaptured: number;
  private parser: FormatParser | undefined;
  /** Bytes of a record cut by a chunk boundary, starting at capture offset `base`. */
  private pending: Uint8Array | undefined;
  private pendingLength = 0;
  /** Capture offset of the first byte not yet consumed. */
  private base = 0;
  /** Bytes the current parser needs, counted from `base`, before it can go on. */
  private need = MAGIC_BYTES;
  private received = 0;
  private ended = false;

  constructor(sink: CaptureSink, options: CaptureParserOptions = {}) {
    this.out = new CaptureOutput(sink);
    this.maxCaptured = options.maxCapturedLength ?? DEFAULT_MAX_CAPTURED_LENGTH;
  }

  /** Feeds the next bytes of the capture. Bad data becomes issues, never exceptions. */
  push(chunk: Uint8Array): void {
    if (this.ended) return;
    this.received += chunk.length;
    if (this.out.fatal || chunk.length === 0) return;
    let from = 0;
    while (this.pendingLength > 0) {
      const take = Math.min(this.need - this.pendingLength, chunk.length - from);
      this.appendPending(chunk, from, take);
      from += take;
      if (this.pendingLength < this.need) return;
      this.runPending(false);
      if (this.out.fatal) return;
    }
    if (from === chunk.length) return;
    const used = this.run(chunk, from, chunk.length, this.base - from, false);
    this.base += used - from;
    if (this.out.fatal) return;
    if (used < chunk.length) {
      this.pending = undefined;
      this.appendPending(chunk, used, chunk.length - used);
    }
  }

  /** No more bytes will come: reports whatever record was left unfinished. */
  end(): CaptureSummary {
    if (!this.ended) {
      this.ended = true;
      if (!this.out.fatal) {
        if (this.received === 0) {
          this.out.issue(0, 'empty-capture', 'the capture is empty (0 bytes); nothing could be read', undefined, true);
        } else if (this.pendingLength > 0) {
          this.runPending(true);
        } else {
          this.run(new Uint8Array(0), 0, 0, this.base, true);
        }
      }
      this.pending = undefined;
      this.pendingLength = 0;
    }
    return this.summary();
  }

  summary(): CaptureSummary {
    const out = this.out;
    const summary: CaptureSummary = {
      packets: out.packets,
      capturedBytes: out.capturedBytes,
      bytes: this.received,
      issues: out.issues,
      issueCounts: { ...out.issueCounts },
      fatal: out.fatal,
    };
    if (out.lastFormat !== undefined) summary.format = out.lastFormat;
    return summary;
  }

  private runPending(final: boolean): void {
    const buf = this.pending!;
    const length = this.pendingLength;
    const used = this.run(buf, 0, length, this.base, final);
    this.base += used;
    if (used >= length || this.out.fatal) {
      this.pending = undefined;
      this.pendingLength = 0;
      return;
    }
    // Views into `buf` may have been handed out: move the rest to a fresh buffer.
    // A parser stops only when it needs more than it has; make sure of it so we never spin.
    if (this.need <= length - used) this.need = length - used + 1;
    this.pending = undefined;
    this.pendingLength = 0;
    this.appendPending(buf, used, length - used);
  }

  private appendPending(src: Uint8Array, from: number, count: number): void {
    const needed = this.pendingLength + count;
    if (this.pending === undefined || this.pending.length < needed) {
      const grown = new Uint8Array(Math.max(needed, this.need));
      if (this.pending !== undefined) grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(src.subarray(from, from + count), this.pendingLength);
    this.pendingLength = needed;
  }

  /** Detects the container on first use, then lets its parser read. Returns the new position. */
  private run(buf: Uint8Array, pos: number, end: number, base: number, final: boolean): number {
    if (this.parser === undefined) {
      if (end - pos < MAGIC_BYTES) {
        this.need = MAGIC_BYTES;
        if (!final) return pos;
        this.out.issue(0, 'truncated-file-header',
          `the capture is only ${end - pos} bytes long, too short to hold a capture signature; nothing could be read`, undefined, true);
        return end;
      }
      const detected = detectContainer(buf.subarray(pos, pos + MAGIC_BYTES));
      if (detected.kind === 'unknown') {
        this.out.issue(0, 'not-a-capture', `the file starts with ${detected.description}; nothing could be read`, undefined, true);
        return end;
      }
      this.parser = detected.kind === 'pcap'
        ? new PcapParser(this.out, detected.littleEndian, detected.nanosecond, this.maxCaptured)
        : new PcapngParser(this.out, this.maxCaptured);
    }
    const used = this.parser.parse(buf, pos, end, base, final);
    this.need = this.parser.need;
    return used;
  }
}

/** Parses a whole capture held in memory. */
export function parseCapture(bytes: Uint8Array, sink: CaptureSink, options?: CaptureParserOptions): CaptureSummary {
  const parser = new CaptureParser(sink, options);
  parser.push(bytes);
  return parser.end();
}
