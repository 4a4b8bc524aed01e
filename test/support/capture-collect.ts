/**
 * Runs the capture parser over bytes cut into chosen chunks and keeps everything it
 * reports, in order, for tests to compare.
 */
import { CaptureParser, type CaptureParserOptions, type CaptureSummary } from '../../engine/capture/parser';
import { copyPacket, frameBytes, type CaptureFormat, type CaptureIssue, type CapturedPacket } from '../../engine/capture/packet';

export interface Collected {
  packets: CapturedPacket[];
  issues: CaptureIssue[];
  formats: CaptureFormat[];
  summary: CaptureSummary;
}

/** Chunk sizes: a fixed size, or a function giving the size of chunk number i. */
export type Chunking = number | ((index: number) => number);

export function collect(bytes: Uint8Array, chunking: Chunking = bytes.length || 1, options?: CaptureParserOptions): Collected {
  const packets: CapturedPacket[] = [];
  const issues: CaptureIssue[] = [];
  const formats: CaptureFormat[] = [];
  const parser = new CaptureParser({
    // The reader refills one packet record per packet: keep copies.
    packet: (p) => packets.push(copyPacket(p)),
    issue: (i) => issues.push(i),
    format: (f) => formats.push(f),
  }, options);
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, typeof chunking === 'number' ? chunking : chunking(i));
    // A copy per chunk, as a file or a pipe would deliver it: views must survive on their own.
    parser.push(bytes.slice(at, at + size));
    at += size;
  }
  return { packets, issues, formats, summary: parser.end() };
}

/** A packet in a form `assert.deepStrictEqual` compares meaningfully (bytes as hex). */
export function packetRecord(p: CapturedPacket): Record<string, unknown> {
  return {
    number: p.number,
    sec: p.sec,
    nsec: p.nsec,
    capturedLength: p.capturedLength,
    originalLength: p.originalLength,
    linkType: p.linkType,
    interfaceIndex: p.interfaceIndex,
    offset: p.offset,
    data: Buffer.from(frameBytes(p)).toString('hex'),
  };
}

/** Concatenates byte runs. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
