/**
 * Recognises a capture container from its first four bytes. Never from the file name:
 * real captures are often misnamed (two of the shared ".pcap" files are pcapng).
 */

export type DetectedContainer =
  | { kind: 'pcap'; littleEndian: boolean; nanosecond: boolean }
  | { kind: 'pcapng' }
  | { kind: 'unknown'; description: string };

/** Bytes needed before `detectContainer` can answer. */
export const MAGIC_BYTES = 4;

/** Well-known things people feed a capture reader by mistake, to say what they gave us. */
const LOOKALIKES: ReadonlyArray<{ prefix: readonly number[]; description: string }> = [
  { prefix: [0x1f, 0x8b], description: 'gzip-compressed data (decompress it first)' },
  { prefix: [0x28, 0xb5, 0x2f, 0xfd], description: 'zstd-compressed data (decompress it first)' },
  { prefix: [0xfd, 0x37, 0x7a, 0x58], description: 'xz-compressed data (decompress it first)' },
  { prefix: [0x42, 0x5a, 0x68], description: 'bzip2-compressed data (decompress it first)' },
  { prefix: [0x50, 0x4b, 0x03, 0x04], description: 'a zip archive' },
  // Alexey Kuznetzov's patched pcap: a different record header we do not read.
  { prefix: [0xa1, 0xb2, 0xcd, 0x34], description: 'a "modified pcap" (Kuznetzov) capture, which is not supported' },
  { prefix: [0x34, 0xcd, 0xb2, 0xa1], description: 'a "modified pcap" (Kuznetzov) capture, which is not supported' },
  { prefix: [0x73, 0x6e, 0x6f, 0x6f], description: 'a Solaris snoop capture, which is not supported' },
];

export function detectContainer(bytes: Uint8Array): DetectedContainer {
  const b0 = bytes[0], b1 = bytes[1], b2 = bytes[2], b3 = bytes[3];
  if (b0 === 0xd4 && b1 === 0xc3 && b2 === 0xb2 && b3 === 0xa1) return { kind: 'pcap', littleEndian: true, nanosecond: false };
  if (b0 === 0xa1 && b1 === 0xb2 && b2 === 0xc3 && b3 === 0xd4) return { kind: 'pcap', littleEndian: false, nanosecond: false };
  if (b0 === 0x4d && b1 === 0x3c && b2 === 0xb2 && b3 === 0xa1) return { kind: 'pcap', littleEndian: true, nanosecond: true };
  if (b0 === 0xa1 && b1 === 0xb2 && b2 === 0x3c && b3 === 0x4d) return { kind: 'pcap', littleEndian: false, nanosecond: true };
  // The pcapng block type 0x0A0D0D0A reads the same in both byte orders on purpose.
  if (b0 === 0x0a && b1 === 0x0d && b2 === 0x0d && b3 === 0x0a) return { kind: 'pcapng' };
  for (const { prefix, description } of LOOKALIKES) {
    if (prefix.every((byte, i) => bytes[i] === byte)) return { kind: 'unknown', description };
  }
  return { kind: 'unknown', description: describeUnknown(bytes) };
}

function describeUnknown(bytes: Uint8Array): string {
  const shown = Array.from(bytes.subarray(0, MAGIC_BYTES), (b) => b.toString(16).padStart(2, '0')).join(' ');
  const printable = bytes.subarray(0, MAGIC_BYTES).every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));
  // JSON quoting keeps control characters (a text file's newlines) out of a one-line message.
  return printable ? `text (${JSON.stringify(String.fromCharCode(...bytes.subarray(0, MAGIC_BYTES)))}), not a capture` : `bytes ${shown}, which are not a pcap or pcapng signature`;
}
