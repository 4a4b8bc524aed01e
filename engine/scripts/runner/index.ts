/** Runs flow scripts over a capture (docs/run.md). */
export { ScriptRunner, DEFAULT_INSTRUCTION_BUDGET, type HookStats, type RunnerStats, type ScriptRunnerOptions } from './runner';
export { runScripts, runScriptsInProcess, type RunScriptsOptions, type RunScriptsResult } from './run-scripts';
export type { SkippedCall } from './runner';
export { scriptFromValue, scriptKey, type LoadedScript } from './load';
