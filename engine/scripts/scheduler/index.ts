/** The hook scheduler: when each hook fires for each flow, and which scripts get it (docs/hooks.md). */
export { HookScheduler, type HookCall, type HookSchedulerOptions, type SchedulerClock, type SchedulerStats, type SchedulerTable, type StatusSource } from './scheduler';
export { ScriptRegistry, compileScript, flowFacts, type CompiledScript, type FlowFacts, type RealHookName, type ScriptDecl, type ScriptFilter, type ScriptId } from './script-filter';
