/**
 * The closed list of problems a capture reader reports, and how a host prints them.
 * Reasons are stable keys: the CLI counts by them and tests assert them, so renaming
 * one is a breaking change.
 */
import type { CaptureIssue } from './packet';

export const CAPTURE_ISSUE_REASONS = {
  // Fatal: nothing can be read.
  'empty-capture': 'the capture contains no bytes at all',
  'not-a-capture': 'the first bytes are not a pcap or pcapng signature',
  'truncated-file-header': 'the capture ends inside its file header',
  'bad-section-header': 'the first pcapng section header is unusable',
  // Header oddities the reader works around.
  'unexpected-version': 'the file or section header has a version this reader does not know',
  'bad-option': 'a pcapng option runs past the end of its block',
  'bad-timestamp-resolution': 'an interface declares a timestamp resolution that cannot be used',
  // Records that are kept, with a warning.
  'captured-length-exceeds-snaplen': 'a record holds more bytes than the snapshot length',
  'captured-length-exceeds-original': 'a record holds more bytes than the frame had on the wire',
  'timestamp-fraction-out-of-range': 'a timestamp fraction is not below one second',
  'timestamp-out-of-range': 'a timestamp is too large to be represented exactly',
  // Records that are skipped.
  'truncated-record': 'the capture ends inside a record',
  'captured-length-too-large': 'a record claims more captured bytes than any packet can have',
  'empty-record': 'a record header is zero-length on the wire and in the file',
  'implausible-record-header': 'a record header has several independent anomalies at once',
  'record-overruns-capture': 'a record length runs past the end, but valid records follow it',
  'truncated-block': 'the capture ends inside a pcapng block',
  'block-length-not-aligned': 'a pcapng block length is not a multiple of 4',
  'block-too-short': 'a pcapng block length is smaller than its fixed fields',
  'block-too-long': 'a pcapng block length is beyond any sane block size',
  'block-length-mismatch': 'a pcapng block has different leading and trailing lengths',
  'bad-byte-order-magic': 'a pcapng section header has an unknown byte-order magic',
  'unknown-interface': 'a pcapng packet refers to an interface not described in its section',
  'packet-exceeds-block': 'a pcapng packet claims more bytes than its block holds',
} as const;

export type CaptureIssueReason = keyof typeof CAPTURE_ISSUE_REASONS;

/** The issue type with its reason narrowed to the known list (what our readers produce). */
export interface KnownCaptureIssue extends CaptureIssue {
  reason: CaptureIssueReason;
}

export function isCaptureIssueReason(reason: string): reason is CaptureIssueReason {
  return Object.prototype.hasOwnProperty.call(CAPTURE_ISSUE_REASONS, reason);
}

/**
 * One line for a person, e.g.
 * `capture.pcap: byte 1234 (packet 17): record claims 300000 captured bytes, ...`.
 * `source` is what the user called the capture (a file name, or "live" for a stream).
 */
export function formatCaptureIssue(issue: CaptureIssue, source?: string): string {
  const where = issue.packet === undefined
    ? `byte ${issue.offset}`
    : `byte ${issue.offset} (packet ${issue.packet})`;
  return source === undefined ? `${where}: ${issue.message}` : `${source}: ${where}: ${issue.message}`;
}
