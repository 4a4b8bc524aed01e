/**
 * The one exception the capture readers throw: the bytes could not be obtained at all
 * (missing file, permission, a directory, a broken pipe). Problems *in* the bytes are
 * issues, never exceptions. The message is ready to show a user; no stack is needed.
 */
import type { CaptureSummary } from './parser';

export class CaptureReadError extends Error {
  override readonly name = 'CaptureReadError';

  constructor(
    /** What the user called the source: a path, or a label such as "live capture". */
    readonly source: string,
    /** The operating system's error code when there is one (ENOENT, EACCES, EISDIR, ...). */
    readonly code: string | undefined,
    message: string,
    /** What had been read before the failure, for a stream that broke midway. */
    readonly summary?: CaptureSummary,
  ) {
    super(message);
  }

  static from(source: string, cause: unknown, summary?: CaptureSummary): CaptureReadError {
    const code = typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? cause.code : undefined;
    return new CaptureReadError(source, code, `${source}: ${describeCause(code, cause)}`, summary);
  }
}

const CODE_TEXT: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a capture file',
  EMFILE: 'too many open files',
  EIO: 'input/output error while reading',
};

function describeCause(code: string | undefined, cause: unknown): string {
  if (code !== undefined && CODE_TEXT[code] !== undefined) return CODE_TEXT[code]!;
  if (cause instanceof Error) return cause.message;
  return String(cause);
}
