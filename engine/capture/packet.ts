/**
 * What every capture source (file or live) produces: one record per captured frame,
 * before any decoding. The decoder only ever sees this shape, so a pcap file, a pcapng
 * file and a live `tcpdump -w -` stream are interchangeable.
 *
 * A reader hands the same object to its sink for every packet, refilled each time, and
 * the frame is a window into the reader's buffer, not a copy: a capture has millions of
 * packets, and one object plus one view per packet were a large share of the engine's
 * time. So copy what you keep (`frameBytes` makes a standalone copy of the frame).
 */
export interface CapturedPacket {
  /** 1-based position of the packet in its capture (across pcapng sections). */
  number: number;
  /** Whole seconds since the Unix epoch (may be negative or absurd in a hostile file). */
  sec: number;
  /** Nanoseconds within `sec`, 0..999_999_999. */
  nsec: number;
  /** Bytes of the frame present in `data`, from `dataOffset`. */
  capturedLength: number;
  /** Length of the frame on the wire (>= capturedLength in a well-formed file). */
  originalLength: number;
  /** LINKTYPE_* number of the interface the packet was captured on. */
  linkType: number;
  /** pcapng interface index (0 for classic pcap). */
  interfaceIndex: number;
  /**
   * The buffer holding the frame, at `dataOffset` for `capturedLength` bytes. Every
   * offset the decoder reports is an index into this buffer. The reader never writes
   * into a buffer it has handed out, so the bytes stay valid; holding them pins the
   * whole buffer, so copy the small parts you keep.
   */
  data: Uint8Array;
  /** Index of the frame's first byte in `data`. */
  dataOffset: number;
  /** Byte offset of the packet's record in the capture, for error messages. */
  offset: number;
}

/** A standalone copy of a packet's frame. */
export function frameBytes(packet: CapturedPacket): Uint8Array {
  return packet.data.slice(packet.dataOffset, packet.dataOffset + packet.capturedLength);
}

/** A copy of the packet record with its frame copied too, safe to keep. */
export function copyPacket(packet: CapturedPacket): CapturedPacket {
  return { ...packet, data: frameBytes(packet), dataOffset: 0 };
}

/** Something wrong in the capture itself, reported with where it happened. */
export interface CaptureIssue {
  /** Byte offset in the capture where the problem was found. */
  offset: number;
  /** Number of the packet being read when the problem was found, if any. */
  packet?: number;
  /** Short stable reason, usable as a counter key (e.g. "truncated-record"). */
  reason: string;
  /** One human sentence: what was wrong and what the reader did about it. */
  message: string;
  /**
   * True when the problem makes the whole capture unreadable (not a capture, empty,
   * header cut short). A fatal issue is the only one a capture gets, and no packets follow.
   */
  fatal?: boolean;
}

/** Facts about the container, known once its header has been read. */
export interface CaptureFormat {
  container: 'pcap' | 'pcapng';
  endianness: 'little' | 'big';
  /** Classic pcap: 'us' or 'ns'. pcapng: per interface, see `interfaces`. */
  timestampResolution?: 'us' | 'ns';
  snaplen?: number;
  version?: string;
  /** pcapng: number of section header blocks seen so far. */
  sections?: number;
  /** One entry per interface (classic pcap has exactly one). */
  interfaces: CaptureInterface[];
}

export interface CaptureInterface {
  linkType: number;
  snaplen: number;
  /** Timestamp units per second (1e6 for microseconds). */
  unitsPerSecond: number;
  /** pcapng if_tsoffset, seconds added to every timestamp. */
  offsetSeconds: number;
  name?: string;
  description?: string;
  /**
   * Bytes of frame check sequence at the end of each frame, when the capture says so
   * (pcapng if_fcslen, or the FCS bits of a classic pcap link-type field). The decoder
   * must not read these as payload.
   */
  fcsLength?: number;
}

/** Where a capture reader delivers what it finds. */
export interface CaptureSink {
  packet(packet: CapturedPacket): void;
  issue?(issue: CaptureIssue): void;
  format?(format: CaptureFormat): void;
}
