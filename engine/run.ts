/**
 * The pipeline, in the order a packet travels: capture source → decoder → flow table →
 * L7 detector → (later stages plug in as FlowObservers). This file is where to start reading to
 * follow one packet from the capture to a hit.
 */
import { join } from 'node:path';
import type { CaptureFormat, CaptureIssue, CapturedPacket } from './capture/packet';
import { readCaptureFileAsync } from './capture';
import { decodePacket, hasIpKey, newDecodedPacket, type DecodeSkipReason } from './decode';
import { FlowTable, type FlowObserver, type FlowSkipReason } from './flows/table';
import type { FlowTableOptions } from './flows/options';
import { ACCOUNTING, type AccountingName } from './accounting';
import { chainObservers } from './flows/observers';
import type { L7Detector } from './dpi/detector';

export interface RunOptions {
  /** ntopng (default) or ndpireader accounting; see accounting.ts. */
  accounting?: AccountingName;
  /** Overrides of single accounting options (idle timeout, max flows, ...). */
  flowOptions?: Partial<FlowTableOptions>;
  /** Label flows with nDPI's protocol names (default true); off for the flows-only path. */
  dpi?: boolean;
  /** Stages after the flow table (and after the L7 detector). */
  observer?: FlowObserver;
  /**
   * A stage that also keeps time, made once the detector and table exist: the hook
   * scheduler. It sees every packet's time before the flow table does, and ends the run.
   */
  createStage?(parts: { table: FlowTable; detector: L7Detector | undefined }): TimedStage;
  /** Called as the capture is read (bytes done, bytes total, packets so far). */
  onProgress?(bytesDone: number, bytesTotal: number, packets: number): void;
  /** Every problem found in the capture, as it is found. */
  onIssue?(issue: CaptureIssue): void;
  /** Stops the run between two chunks of the capture; the flows read so far still end. */
  signal?: AbortSignal;
}

export interface RunSummary {
  /** Packets read from the capture. */
  packets: number;
  /** Packets counted on a flow. */
  decoded: number;
  /** Packets not counted on any flow, by reason. */
  skipped: { [reason: string]: number };
  /** Flows created. */
  flows: number;
  /** Problems in the capture file itself. */
  captureIssues: number;
  format: CaptureFormat | undefined;
  flowsEnded: { idle: number; 'end-of-capture': number; evicted: number };
  peakFlows: number;
  /** The run was stopped by `signal` before the end of the capture. */
  cancelled: boolean;
  /** Exceptions dissectors threw on hostile payloads (each a bug; the flows went on); undefined without L7. */
  dissectorErrors: number | undefined;
}

export type SkipReason = DecodeSkipReason | FlowSkipReason;

/** A pipeline stage with a clock (see RunOptions.createStage). */
export interface TimedStage extends FlowObserver {
  /** Packet time (s) of the next packet, before the flow table sees it. */
  advanceTime(time: number): void;
  /** End of the capture: the stage ends every flow (through the table) and runs its last work. */
  finish(): void;
}

/** Reads a capture file through the whole pipeline and ends every flow at the end. */
export async function runCaptureFile(path: string, options: RunOptions = {}): Promise<RunSummary> {
  const pipeline = createPipeline(options);
  const read = await readCaptureFileAsync(
    path,
    { packet: pipeline.packet, issue: pipeline.issue },
    {
      onProgress: options.onProgress ? (done, total) => options.onProgress!(done, total, pipeline.packets) : undefined,
      signal: options.signal,
    },
  );
  return pipeline.end(read.format, read.cancelled);
}

/** The stages behind a capture source: what a file and a live capture (run-live.ts) share. */
export interface Pipeline {
  /** The capture sink's packet and issue callbacks. */
  readonly packet: (packet: CapturedPacket) => void;
  readonly issue: (issue: CaptureIssue) => void;
  readonly table: FlowTable;
  /** Packets read so far. */
  readonly packets: number;
  /**
   * Moves the clock to `now` (seconds) without a packet: live mode calls it on wall-clock
   * ticks, so walks, hooks and idle expiry happen while no packet arrives.
   */
  advanceTime(now: number): void;
  /** End of the source: the stage finishes, every flow ends, and the run is summed up. */
  end(format: CaptureFormat | undefined, cancelled: boolean): RunSummary;
}

export function createPipeline(options: RunOptions = {}): Pipeline {
  const accounting = ACCOUNTING[options.accounting ?? 'ntopng'];
  const detector = options.dpi === false ? undefined : new (loadDetector())(accounting.detection);
  // The stage is created after the table (it drives the table's clock) but observes flows
  // right after the detector: observers are resolved through this indirection.
  let stage: TimedStage | undefined;
  const stageObserver: FlowObserver = {
    flowCreated: (f, p, d) => stage?.flowCreated?.(f, p, d),
    flowPacket: (f, c, p, d) => stage?.flowPacket?.(f, c, p, d),
    flowEnded: (f) => stage?.flowEnded?.(f),
  };
  const table = new FlowTable(
    chainObservers(detector, options.createStage ? stageObserver : undefined, options.observer),
    { ...accounting.flowTable, ...options.flowOptions },
  );
  stage = options.createStage?.({ table, detector });
  const decoderOptions = accounting.decoder;
  const countBadTransport = accounting.countBadTransport;
  const decoded = newDecodedPacket();
  const skipped: { [reason: string]: number } = {};
  let packets = 0;
  let counted = 0;
  let issues = 0;

  return {
    packet: (packet: CapturedPacket) => {
      packets++;
      stage?.advanceTime(packet.sec + packet.nsec / 1e9);
      let reason: SkipReason | null = decodePacket(packet, decoded, decoderOptions);
      if (reason === null || (countBadTransport && hasIpKey(reason))) reason = table.add(packet, decoded);
      if (reason === null) counted++;
      else skipped[reason] = (skipped[reason] ?? 0) + 1;
    },
    issue: (issue: CaptureIssue) => {
      issues++;
      options.onIssue?.(issue);
    },
    table,
    get packets() {
      return packets;
    },
    advanceTime: (now: number) => {
      if (stage) stage.advanceTime(now);
      else table.advanceTime(now);
    },
    end: (format, cancelled) => {
      if (stage) stage.finish();
      table.endAll('end-of-capture');
      return {
        packets,
        decoded: counted,
        skipped,
        flows: table.stats.flowsCreated,
        captureIssues: issues,
        format,
        flowsEnded: { ...table.stats.flowsEnded },
        peakFlows: table.stats.peakFlows,
        cancelled,
        dissectorErrors: detector?.stats.dissectorErrors,
      };
    },
  };
}

/**
 * The L7 detector and its data (hundreds of KB of host and address tables) are loaded on
 * first use, so the flows-only path and quick commands do not pay for parsing them.
 */
function loadDetector(): typeof import('./dpi/detector').L7Detector {
  // Bundled: dist/dpi.js, next to this bundle (scripts/build.mjs); from source: the module.
  const part = (typeof __BUNDLED__ !== 'undefined' && __BUNDLED__
    ? require(join(__dirname, 'dpi.js'))
    : require('./dpi/detector')) as typeof import('./dpi/detector');
  return part.L7Detector;
}

declare const __BUNDLED__: boolean;
