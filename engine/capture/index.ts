/**
 * The capture stage's public entry point: everything other stages and hosts use.
 * See docs/design.md, "Capture readers", for the design and the measurements.
 */
export type { CapturedPacket, CaptureIssue, CaptureFormat, CaptureInterface, CaptureSink } from './packet';
export { copyPacket, frameBytes } from './packet';
export { CaptureParser, parseCapture, type CaptureParserOptions, type CaptureSummary } from './parser';
export {
  readCaptureFile, readCaptureFileAsync, DEFAULT_FILE_CHUNK_BYTES, type ReadCaptureFileOptions, type ReadCaptureFileAsyncOptions,
} from './file-reader';
export { feedStream, type FeedStreamOptions } from './stream-reader';
export { CaptureReadError } from './read-error';
export {
  CAPTURE_ISSUE_REASONS, formatCaptureIssue, isCaptureIssueReason,
  type CaptureIssueReason, type KnownCaptureIssue,
} from './issues';
export { DEFAULT_MAX_CAPTURED_LENGTH } from './output';
export { detectContainer, type DetectedContainer } from './detect';
export {
  PcapWriter, PcapngWriter,
  type WritablePacket, type PcapWriterOptions, type PcapngInterfaceOptions,
} from './writer';
