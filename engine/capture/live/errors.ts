/** Why a live capture could not start or stopped on its own, worded for the user (with the fix). */
import type { CaptureFailureKind } from './tool-messages';

export type LiveCaptureErrorReason = CaptureFailureKind | 'tool-missing' | 'bad-option';

export class LiveCaptureError extends Error {
  constructor(
    readonly reason: LiveCaptureErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'LiveCaptureError';
  }
}

/** By name, not instanceof: the engine may be loaded from more than one bundle. */
export function isLiveCaptureError(error: unknown): error is LiveCaptureError {
  return error instanceof Error && error.name === 'LiveCaptureError' && typeof (error as LiveCaptureError).reason === 'string';
}
