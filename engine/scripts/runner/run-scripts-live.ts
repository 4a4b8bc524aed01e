/** Flow scripts on a live interface: scripts loaded, the capture run until stopped, teardown. */
import { runLive, type LiveRunOptions, type LiveRunSummary } from '../../run-live';
import { ScriptRunner, type RunnerStats, type ScriptRunnerOptions } from './runner';

export interface RunScriptsLiveOptions extends ScriptRunnerOptions {
  /** Passed on to runLive (interface, filter, stop signal, duration, status). */
  live: Omit<LiveRunOptions, 'createStage'>;
}

export interface RunScriptsLiveResult {
  summary: LiveRunSummary;
  stats: RunnerStats;
}

export async function runScriptsLive(options: RunScriptsLiveOptions): Promise<RunScriptsLiveResult> {
  const runner = new ScriptRunner(options);
  runner.load();
  const summary = await runLive({ ...options.live, createStage: runner.createStage });
  runner.finish();
  return { summary, stats: runner.stats };
}
