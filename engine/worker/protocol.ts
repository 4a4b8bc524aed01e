/**
 * The messages between the VS Code client and the engine worker (engine/worker/run-worker.ts).
 * The client starts one worker per run, posts one StartMessage, and receives WorkerMessages
 * until `done` or `failed`. Cancelling a file run terminates the worker (Worker.terminate()),
 * which stops it at once even inside a long Lua call. A live run is stopped with a StopMessage
 * instead: the capture tool is stopped, every open flow gets flowEnd, then `done` comes.
 * Documented in docs/extension.md ("Worker protocol").
 */
import type { Hit } from '../hits';

/** Where packets come from: a capture file, or a live interface (docs/live.md). */
export type CaptureSource =
  | { kind: 'file'; path: string }
  | { kind: 'interface'; name: string; filter?: string };

/** Client → worker: the one message that starts a run. */
export interface StartMessage {
  type: 'start';
  /** Script files (absolute paths), in dispatch order. */
  scripts: string[];
  source: CaptureSource;
  /** API profile ('2019.11', '4.0', '4.2'); the catalog default when absent. */
  profile?: string;
  /** City database (.mmdb) for flow.get*Geolocation's city fields; countries only when absent. */
  geoipDatabase?: string;
  /** Lua instructions allowed per hook call. */
  instructionBudget?: number;
  /** Seconds without packets after which a flow ends (ntopng's idle timeout). */
  idleTimeout?: number;
  /** Hits per `hits` message at most (default 500). */
  batchSize?: number;
  /** Live capture: the tool's name on PATH or its path (default tcpdump), and tcpdump or dumpcap. */
  captureTool?: string;
  /** Live capture: periodicUpdate interval in seconds instead of ntopng's 30 (tests, demonstrations). */
  periodicSeconds?: number;
}

/** Client → worker: end a live run (the tool stops, open flows end, `done` follows). */
export interface StopMessage {
  type: 'stop';
}

export type ClientMessage = StartMessage | StopMessage;

/** Per script, per hook: calls and time spent (the client's code lenses). */
export type HookStatsTable = { [script: string]: { [hook: string]: { calls: number; ms: number } } };

/** Scripts are loaded and the capture is open: results of this run start streaming now. */
export interface LoadedMessage {
  type: 'loaded';
  /** Script keys that run. */
  scripts: string[];
}

/** A batch of hits, in the order the engine produced them. */
export interface HitsMessage {
  type: 'hits';
  hits: Hit[];
}

export interface ProgressMessage {
  type: 'progress';
  bytesDone: number;
  bytesTotal: number;
  packets: number;
  /** 0..100, bytes read of the capture. */
  percent: number;
}

/** A non-fatal problem in the capture (the run goes on). */
export interface IssueMessage {
  type: 'issue';
  message: string;
}

/** A live run, about twice a second: what the status bar shows. */
export interface LiveMessage {
  type: 'live';
  interface: string;
  tool: string;
  /** The capture tool's process (the client kills it if the worker cannot). */
  toolPid: number;
  packets: number;
  /** Flows open now, and seen since the start. */
  activeFlows: number;
  flows: number;
  hits: number;
  /** Packets the kernel dropped (undefined until the tool first reports). */
  dropped?: number;
}

export interface DoneMessage {
  type: 'done';
  packets: number;
  flows: number;
  captureIssues: number;
  hookStats: HookStatsTable;
  /** Hits by kind over the whole run. */
  hitCounts: Record<string, number>;
  /** flow.* functions the scripts called that are not implemented yet. */
  notImplemented: string[];
  /** Live runs: the capture tool's final counters and why the capture ended. */
  capture?: { interface: string; tool: string; received?: number; dropped?: number; stoppedBy: string; toolError?: string };
}

/** Why a run could not happen; nothing of it should replace earlier results. */
export type FailureKind = 'capture' | 'script' | 'geoip' | 'source' | 'internal';

export interface FailedMessage {
  type: 'failed';
  kind: FailureKind;
  /** The file at fault (capture, script or database). */
  file: string;
  /** Line in `file` (scripts), 0 when none. */
  line: number;
  /** What is wrong, one sentence. */
  message: string;
  /** What to do about it, one sentence. */
  fix: string;
}

export type WorkerMessage = LoadedMessage | HitsMessage | ProgressMessage | IssueMessage | LiveMessage | DoneMessage | FailedMessage;

/** One line for people: `file:line: message. fix` */
export function failureText(f: Pick<FailedMessage, 'file' | 'line' | 'message' | 'fix'>): string {
  const where = f.line > 0 ? `${f.file}:${f.line}` : f.file;
  return `${where}: ${f.message}${/[.!?]$/.test(f.message) ? '' : '.'} ${f.fix}`;
}
