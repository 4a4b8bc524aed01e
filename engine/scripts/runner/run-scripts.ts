/** One call for a whole run: scripts loaded, capture read through the pipeline, teardown. */
import { runCaptureFile, type RunOptions, type RunSummary } from '../../run';
import { ScriptRunner, type RunnerStats, type ScriptRunnerOptions } from './runner';

export interface RunScriptsOptions extends ScriptRunnerOptions {
  capture: string;
  /** Passed on to runCaptureFile (progress, issues, cancel). */
  run?: Pick<RunOptions, 'onProgress' | 'onIssue' | 'signal'>;
}

export interface RunScriptsResult {
  summary: RunSummary;
  stats: RunnerStats;
  /** Calls made by the scheduler per hook (with a script selected or not). */
  schedulerCalls: Record<string, number> | undefined;
  notImplemented: string[];
}

export async function runScripts(options: RunScriptsOptions): Promise<RunScriptsResult> {
  const runner = new ScriptRunner(options);
  runner.load();
  const summary = await runCaptureFile(options.capture, { ...options.run, createStage: runner.createStage });
  runner.finish();
  return { summary, stats: runner.stats, schedulerCalls: runner.schedulerCalls, notImplemented: runner.bound.notImplemented };
}
