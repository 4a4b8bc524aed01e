/** Messages between an isolated run (isolated.ts) and its worker thread (script-worker.ts). */
import type { CaptureIssue } from '../../capture';
import type { Hit } from '../../hits';
import type { Profile } from '../../../api/flow';
import type { RunSummary } from '../../run';
import type { RunnerStats, SkippedCall } from './runner';
import type { SchedulerClock, SchedulerTiming } from '../scheduler/scheduler';

export interface ScriptWorkerInit {
  scripts: string[];
  capture: string;
  profile?: Profile;
  geo: { countryDb: string; cityDb: string[] };
  instructionBudget?: number;
  localNetworks?: readonly string[];
  blacklist?: readonly string[];
  timing?: SchedulerTiming;
  clock?: SchedulerClock;
  quiet?: boolean;
  skip: SkippedCall[];
  /** Int32Array cells: see WATCH_* in runner.ts. */
  watch: SharedArrayBuffer;
}

/** A hit with its place in the run: the dispatch it belongs to (0 = loading) and its rank there. */
export interface PlacedHit {
  hit: Hit;
  pos: number;
  n: number;
  /** The error hit of a call the watchdog stopped: always delivered. */
  forced?: boolean;
}

export type ScriptWorkerMessage =
  | { type: 'hits'; hits: PlacedHit[] }
  | { type: 'progress'; done: number; total: number; packets: number }
  | { type: 'issue'; issue: CaptureIssue }
  | { type: 'done'; summary: RunSummary; stats: RunnerStats; schedulerCalls: Record<string, number> | undefined; notImplemented: string[] }
  | { type: 'failed'; message: string };

export type ScriptHostMessage = { type: 'cancel' };
