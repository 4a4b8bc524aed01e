/**
 * The live branch of a worker run (source `{kind: 'interface'}`): the capture tool runs until
 * the client's `stop`, the hits stream as they happen, and a `live` message twice a second
 * carries packets, flows, hits and the tool's drops for the status bar. A capture that cannot
 * start (no permission, no such interface, tool missing, bad filter) fails with the fix.
 */
import { isLiveCaptureError, captureToolOf } from '../capture/live';
import { runLive, type LiveRunSummary } from '../run-live';
import type { RunOptions } from '../run';
import type { DoneMessage, FailedMessage, StartMessage, WorkerMessage } from './protocol';

export interface LiveJobParts {
  source: { name: string; filter?: string };
  start: StartMessage;
  createStage: NonNullable<RunOptions['createStage']>;
  flowOptions?: RunOptions['flowOptions'];
  /** The tool captures: the run's results start. */
  onStarted(): void;
  /** Hits so far (for the status bar). */
  hitCount(): number;
  /** Sends the hits waiting in the batcher. */
  flushHits(): void;
  post(message: WorkerMessage): void;
  signal?: AbortSignal;
}

export class LiveJobFailure extends Error {
  constructor(readonly failure: Omit<FailedMessage, 'type'>) {
    super(failure.message);
  }
}

export async function runInterface(parts: LiveJobParts): Promise<{ summary: LiveRunSummary; capture: NonNullable<DoneMessage['capture']> }> {
  const { source, start } = parts;
  let last = 0;
  let toolPid = -1;
  let toolName = '';
  let summary: LiveRunSummary;
  try {
    summary = await runLive({
      capture: { interface: source.name, ...(source.filter ? { filter: source.filter } : {}), ...captureToolOf(start.captureTool) },
      createStage: parts.createStage,
      ...(parts.flowOptions ? { flowOptions: parts.flowOptions } : {}),
      ...(parts.signal ? { signal: parts.signal } : {}),
      onStatus: (s) => {
        const now = Date.now();
        if (now - last < 500) return;
        last = now;
        parts.flushHits();
        parts.post({
          type: 'live', interface: source.name, tool: toolName, toolPid, packets: s.packets, activeFlows: s.activeFlows, flows: s.flowsCreated,
          hits: parts.hitCount(), ...(s.tool.dropped !== undefined ? { dropped: s.tool.dropped } : {}),
        });
      },
      onStarted: (c) => {
        parts.onStarted();
        toolPid = c.pid;
        toolName = c.tool;
        parts.post({ type: 'live', interface: source.name, tool: c.tool, toolPid: c.pid, packets: 0, activeFlows: 0, flows: 0, hits: parts.hitCount() });
      },
    });
  } catch (error) {
    if (!isLiveCaptureError(error)) throw error;
    // The first line says what is wrong, the rest how to fix it (the setcap or usermod command).
    const [first, ...fix] = error.message.split('\n');
    const message = first!.startsWith(`${source.name}: `) ? first!.slice(source.name.length + 2) : first!;
    throw new LiveJobFailure({ kind: 'source', file: source.name, line: 0, message, fix: fix.join(' ').replace(/\s+/g, ' ').trim() || 'Check the interface and the capture filter.' });
  }
  return {
    summary,
    capture: {
      interface: summary.interface, tool: summary.tool, stoppedBy: summary.stoppedBy,
      ...(summary.toolStats.received !== undefined ? { received: summary.toolStats.received } : {}),
      ...(summary.toolStats.dropped !== undefined ? { dropped: summary.toolStats.dropped } : {}),
      ...(summary.toolError ? { toolError: summary.toolError } : {}),
    },
  };
}
