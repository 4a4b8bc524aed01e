/**
 * What a format parser writes to: the caller's sink plus the counters every reader
 * reports at the end (packets, bytes, issues by reason). One object, shared by the
 * container detection and the format parser, so nothing is counted twice.
 */
import type { CaptureFormat, CapturedPacket, CaptureSink } from './packet';
import type { CaptureIssueReason, KnownCaptureIssue } from './issues';

export class CaptureOutput {
  packets = 0;
  capturedBytes = 0;
  issues = 0;
  fatal = false;
  readonly issueCounts: Partial<Record<CaptureIssueReason, number>> = {};
  lastFormat: CaptureFormat | undefined;

  /** The one packet record handed to the sink, refilled for every packet (no allocation per packet). */
  private readonly packet: CapturedPacket = {
    number: 0, sec: 0, nsec: 0, capturedLength: 0, originalLength: 0, linkType: 0, interfaceIndex: 0,
    data: new Uint8Array(0), dataOffset: 0, offset: 0,
  };

  constructor(readonly sink: CaptureSink) {}

  /** Hands one packet to the sink; the caller has already counted it in `packets`. */
  emit(sec: number, nsec: number, captured: number, original: number, linkType: number, interfaceIndex: number,
    data: Uint8Array, dataOffset: number, offset: number): void {
    const p = this.packet;
    p.number = this.packets;
    p.sec = sec;
    p.nsec = nsec;
    p.capturedLength = captured;
    p.originalLength = original;
    p.linkType = linkType;
    p.interfaceIndex = interfaceIndex;
    p.data = data;
    p.dataOffset = dataOffset;
    p.offset = offset;
    this.sink.packet(p);
  }

  issue(offset: number, reason: CaptureIssueReason, message: string, packet?: number, fatal = false): void {
    this.issues += 1;
    this.issueCounts[reason] = (this.issueCounts[reason] ?? 0) + 1;
    const issue: KnownCaptureIssue = { offset, reason, message };
    if (packet !== undefined) issue.packet = packet;
    if (fatal) {
      issue.fatal = true;
      this.fatal = true;
    }
    this.sink.issue?.(issue);
  }

  format(format: CaptureFormat): void {
    this.lastFormat = format;
    this.sink.format?.(format);
  }
}

/** Largest captured length the readers accept unless told otherwise (libpcap's limit too). */
export const DEFAULT_MAX_CAPTURED_LENGTH = 262144;

/** A format parser: consumes complete records from a buffer, asks for more when cut. */
export interface FormatParser {
  /**
   * Reads records from `buf[pos, end)`, whose first byte is at capture offset `base + pos`.
   * Returns the position up to which bytes are consumed (never to be shown again) and
   * sets `need` to how many bytes from there it must see before it can go on. With
   * `final` set there is no more data: it must consume everything, reporting the rest.
   */
  parse(buf: Uint8Array, pos: number, end: number, base: number, final: boolean): number;
  need: number;
}
