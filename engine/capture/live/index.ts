/** Live capture through the system's capture tool (tcpdump, or dumpcap); see docs/live.md. */
export { LiveCapture, type LiveCaptureOptions, type LiveCaptureEnd } from './live-capture';
export { LiveCaptureError, isLiveCaptureError, type LiveCaptureErrorReason } from './errors';
export { listInterfaces, parseInterfaceList, formatInterface, type CaptureInterfaceInfo } from './interfaces';
export { CAPTURE_TOOLS, findCaptureTool, captureArgs, captureToolOf, type CaptureToolKind, type CaptureToolOptions, type CaptureStartOptions } from './tool';
export { parseToolLine, parseStats, type CaptureToolStats, type CaptureFailureKind } from './tool-messages';
export { permissionAdvice, missingToolAdvice } from './system-advice';
