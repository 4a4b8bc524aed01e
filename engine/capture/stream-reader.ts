/**
 * Feeds a byte stream (a live `tcpdump --immediate-mode -U -w -` stdout, a socket, a file
 * stream) to the incremental parser. Packets reach the sink as soon as their record is
 * complete, so live latency is the producer's, not ours.
 */
import type { CaptureSink } from './packet';
import { CaptureParser, type CaptureParserOptions, type CaptureSummary } from './parser';
import { CaptureReadError } from './read-error';

export interface FeedStreamOptions extends CaptureParserOptions {
  /** Name used in errors (default "capture stream"). */
  source?: string;
}

/**
 * Resolves with the summary when the stream ends. Rejects with `CaptureReadError` if the
 * stream itself fails (its `summary` tells what was read until then); exceptions thrown
 * by the sink propagate unchanged.
 */
export async function feedStream(
  stream: AsyncIterable<Uint8Array | string>,
  sink: CaptureSink,
  options: FeedStreamOptions = {},
): Promise<CaptureSummary> {
  const source = options.source ?? 'capture stream';
  const parser = new CaptureParser(sink, options);
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw CaptureReadError.from(source, error, parser.end());
    }
    if (next.done === true) break;
    const chunk = next.value;
    if (typeof chunk === 'string') {
      throw new CaptureReadError(source, undefined,
        `${source}: delivers text, not bytes (a stream encoding is set); captures must be read as binary`, parser.end());
    }
    parser.push(chunk);
  }
  return parser.end();
}
