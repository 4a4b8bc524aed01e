/**
 * The pipeline on a live interface: the capture tool's stream goes through the same reader,
 * decoder, flow table, detector and hook scheduler as a file (run.ts), and a wall-clock
 * timer moves the clock between packets, so that walks, periodicUpdate, detection give-up
 * and idle expiry happen when no packet arrives. Hooks get wall-clock time as `now`.
 */
import { feedStream } from './capture';
import { LiveCapture, type CaptureStartOptions, type CaptureToolStats, type LiveCaptureEnd } from './capture/live';
import { createPipeline, type RunOptions, type RunSummary } from './run';

export interface LiveRunOptions extends Omit<RunOptions, 'onProgress'> {
  /** Interface, filter, snaplen, tool and its path, packet count. */
  capture: CaptureStartOptions;
  /** Stop after this many seconds of capture. */
  durationSeconds?: number;
  /** Period of the wall-clock tick, ms (default 250). */
  tickMs?: number;
  /** How often to ask the tool for its counters, ms (default 1000). */
  toolStatsMs?: number;
  /** The capture tool runs (its pid is known) and captures. */
  onStarted?(capture: LiveCapture): void;
  /** Every tick: counters for a status line. */
  onStatus?(status: LiveStatus): void;
  /** Lines the tool wrote to standard error that are neither counters nor its start line. */
  onToolMessage?(text: string): void;
}

export interface LiveStatus {
  packets: number;
  /** Flows open now. */
  activeFlows: number;
  flowsCreated: number;
  /** The tool's counters (drops). */
  tool: CaptureToolStats;
  /** Packets the tool wrote that the engine has not read yet (as of the tool's last report). */
  backlog: number;
}

export type LiveStopCause = 'stop' | 'duration' | 'packets' | 'tool-ended';

export interface LiveRunSummary extends RunSummary {
  interface: string;
  tool: string;
  toolPid: number;
  /** The tool's final counters (drops). */
  toolStats: CaptureToolStats;
  stoppedBy: LiveStopCause;
  /** Most packets the engine was behind the tool at a status tick (as of the tool's last report). */
  maxBacklog: number;
  /** Packets the tool had written but the engine not yet read when the stop was asked for. */
  backlogAtStop: number;
  /** The tool failed while capturing (e.g. the interface went away); the run still ended cleanly. */
  toolError?: string;
}

/**
 * Captures until `signal` aborts, the duration or packet count is reached, or the tool ends.
 * Rejects with LiveCaptureError when the tool cannot capture (missing, refused, no such
 * interface, bad filter); nothing is left running then.
 */
export async function runLive(options: LiveRunOptions): Promise<LiveRunSummary> {
  const pipeline = createPipeline(options);
  const capture = LiveCapture.start({
    ...options.capture,
    statsIntervalMs: options.toolStatsMs,
    onMessage: options.onToolMessage,
  });
  let stoppedBy: LiveStopCause | undefined;
  let packetsAtStop: number | undefined;
  let maxBacklog = 0;
  const stop = (cause: LiveStopCause) => {
    stoppedBy ??= cause;
    packetsAtStop ??= pipeline.packets;
    void capture.stop();
  };
  const onAbort = () => stop('stop');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort);
  const timers: NodeJS.Timeout[] = [];
  try {
    try {
      await capture.ready;
    } catch (error) {
      // Stopped before the tool was ready: a normal, empty run; otherwise the tool's failure.
      if (!capture.stopRequested) throw error;
    }
    options.onStarted?.(capture);
    const status = (): LiveStatus => ({
      packets: pipeline.packets,
      activeFlows: pipeline.table.size,
      flowsCreated: pipeline.table.stats.flowsCreated,
      tool: { ...capture.stats },
      backlog: Math.max(0, (capture.stats.captured ?? 0) - pipeline.packets),
    });
    timers.push(setInterval(() => {
      pipeline.advanceTime(Date.now() / 1000);
      const s = status();
      if (s.backlog > maxBacklog) maxBacklog = s.backlog;
      options.onStatus?.(s);
    }, options.tickMs ?? 250));
    if (options.durationSeconds !== undefined) timers.push(setTimeout(() => stop('duration'), options.durationSeconds * 1000));

    const read = await feedStream(capture.stream, pipeline, { source: `${capture.tool} on ${options.capture.interface}` });
    const end: LiveCaptureEnd = await capture.ended;
    stoppedBy ??= options.capture.packets !== undefined && end.code === 0 ? 'packets' : 'tool-ended';
    for (const t of timers) clearInterval(t);
    // The final walk runs at the wall clock of the stop, not at the last packet's time.
    pipeline.advanceTime(Date.now() / 1000);
    const summary = pipeline.end(read.format, false);
    options.onStatus?.(status());
    return {
      ...summary,
      interface: options.capture.interface,
      tool: capture.tool,
      toolPid: capture.pid,
      toolStats: end.stats,
      stoppedBy,
      maxBacklog,
      backlogAtStop: Math.max(0, (end.stats.captured ?? summary.packets) - (packetsAtStop ?? summary.packets)),
      ...(end.error && !capture.stopRequested ? { toolError: end.error.message } : {}),
    };
  } finally {
    for (const t of timers) clearInterval(t);
    options.signal?.removeEventListener('abort', onAbort);
    await capture.stop();
  }
}
