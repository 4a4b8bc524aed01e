/** One call for a whole run: scripts loaded, capture read through the pipeline, teardown. */
import { runCaptureFile, type RunOptions, type RunSummary } from '../../run';
import { ScriptRunner, type RunnerStats, type ScriptRunnerOptions } from './runner';
import { runScriptsIsolated } from './isolated';

export interface RunScriptsOptions extends ScriptRunnerOptions {
  capture: string;
  /** Passed on to runCaptureFile (progress, issues, cancel). */
  run?: Pick<RunOptions, 'onProgress' | 'onIssue' | 'signal'>;
  /**
   * Run in a worker thread watched from here (default true): a hook call running longer than
   * `hookDeadlineMs` (a runaway pattern match, which the instruction budget cannot see) or a
   * worker out of memory is stopped, reported as an error hit with its line, and the run goes on.
   */
  isolate?: boolean;
  /** Wall-clock limit of one hook call (or script load) in an isolated run, ms (default 5000). */
  hookDeadlineMs?: number;
  /** V8 heap limit of the isolated run's worker, MB (default 2048: the flow table lives there too). */
  memoryLimitMb?: number;
  /** @internal the in-process runner, for the worker's bookkeeping. */
  onRunner?(runner: ScriptRunner): void;
}

export interface RunScriptsResult {
  summary: RunSummary;
  stats: RunnerStats;
  /** Calls made by the scheduler per hook (with a script selected or not). */
  schedulerCalls: Record<string, number> | undefined;
  notImplemented: string[];
}

export async function runScripts(options: RunScriptsOptions): Promise<RunScriptsResult> {
  if (options.isolate === false) return runScriptsInProcess(options);
  return runScriptsIsolated(options);
}

/** The run in the current thread: no deadline, no memory limit (the instruction budget still applies). */
export async function runScriptsInProcess(options: RunScriptsOptions): Promise<RunScriptsResult> {
  const runner = new ScriptRunner(options);
  options.onRunner?.(runner);
  runner.load();
  const summary = await runCaptureFile(options.capture, { ...options.run, createStage: runner.createStage });
  runner.finish();
  return { summary, stats: runner.stats, schedulerCalls: runner.schedulerCalls, notImplemented: runner.bound.notImplemented };
}
