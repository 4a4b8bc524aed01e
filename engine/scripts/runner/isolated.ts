/**
 * An isolated run: the whole run happens in a worker thread (script-worker.ts) with a V8 heap
 * limit, watched from here. Two things the Lua VM cannot stop by itself are caught this way:
 *  - a hook call that runs past its wall-clock deadline without executing VM instructions (a
 *    backtracking pattern inside string.find, which the instruction budget never sees);
 *  - a worker out of memory (fengari has no allocator limit).
 * The worker is then terminated and the run starts again in a fresh worker (fresh Lua VM,
 * scripts reloaded), with that one call replaced by an error hit naming its script and line.
 * The run is deterministic on packet time, so the replay reaches the same state; hits already
 * delivered are not delivered again (each hit carries its dispatch number and rank).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Hit, HitKind } from '../../hits';
import type { RunScriptsOptions, RunScriptsResult } from './run-scripts';
import { scriptKey } from './load';
import { WATCH_DISPATCH, WATCH_SCRIPT, type SkippedCall } from './runner';
import { WATCH_LINE } from '../vm';
import type { ScriptWorkerInit, ScriptWorkerMessage } from './script-worker-protocol';

const DEFAULT_DEADLINE_MS = 5000;
const DEFAULT_MEMORY_MB = 2048;
/** A run whose scripts keep getting stopped gives up after this many stops. */
const MAX_STOPS = 20;

function workerFile(): { file: string; dev: boolean } {
  if (__filename.endsWith('.ts')) return { file: join(__dirname, 'script-worker.ts'), dev: true };
  return { file: join(__dirname, 'script-worker.js'), dev: false };
}

type Outcome =
  | { done: true; result: RunScriptsResult }
  | { done: false; stop: SkippedCall };

export async function runScriptsIsolated(options: RunScriptsOptions): Promise<RunScriptsResult> {
  const skip: SkippedCall[] = [];
  const delivered = { pos: -1, n: -1 };
  const hits: Record<HitKind, number> = { print: 0, status: 0, alert: 0, score: 0, error: 0, stats: 0 };
  let issuesSeen = 0;
  let warnings = 0;
  const deliver = (hit: Hit): void => {
    hits[hit.kind]++;
    if (hit.kind === 'error' && hit.data?.level === 'warning') warnings++;
    options.onHit(hit);
  };
  for (let attempt = 0; ; attempt++) {
    let issues = 0;
    const outcome = await runAttempt(options, skip, (placed) => {
      for (const p of placed) {
        const fresh = p.pos > delivered.pos || (p.pos === delivered.pos && p.n > delivered.n);
        if (fresh) { delivered.pos = p.pos; delivered.n = p.n; }
        if (fresh || (p.forced && !skip.some((s) => s.delivered === true && s.dispatch === p.pos && s.script === p.hit.script))) {
          if (p.forced) for (const s of skip) if (s.dispatch === p.pos && s.script === p.hit.script) s.delivered = true;
          deliver(p.hit);
        }
      }
    }, (issue) => {
      issues++;
      if (issues > issuesSeen) { issuesSeen = issues; options.run?.onIssue?.(issue); }
    });
    if (outcome.done) {
      if (!options.quiet) {
        outcome.result.stats.hits = hits;
        outcome.result.stats.warnings = warnings;
      }
      return outcome.result;
    }
    skip.push(outcome.stop);
    if (skip.length > MAX_STOPS) throw new Error(`the scripts were stopped ${skip.length} times (deadline or memory); giving up`);
  }
}

function runAttempt(
  options: RunScriptsOptions,
  skip: SkippedCall[],
  onHits: (hits: import('./script-worker-protocol').PlacedHit[]) => void,
  onIssue: (issue: import('../../capture').CaptureIssue) => void,
): Promise<Outcome> {
  const watchBuffer = new SharedArrayBuffer(12);
  const watch = new Int32Array(watchBuffer);
  const sources = options.geo.sources;
  const init: ScriptWorkerInit = {
    scripts: [...options.scripts], capture: options.capture, profile: options.profile,
    geo: { countryDb: sources[0]!.path, cityDb: sources.slice(1).map((s) => s.path) },
    instructionBudget: options.instructionBudget, localNetworks: options.localNetworks, blacklist: options.blacklist, timing: options.timing, clock: options.clock, quiet: options.quiet,
    skip: skip.map(({ delivered: _d, ...s }) => s), watch: watchBuffer,
  };
  const { file, dev } = workerFile();
  if (!dev && !existsSync(file)) throw new Error(`${file} is missing (run npm run build)`);
  const tsx = 'tsx/cjs'; // a variable: the bundler must not resolve it
  const worker = new Worker(dev ? `require(${JSON.stringify(require.resolve(tsx))}); require(${JSON.stringify(file)});` : file, {
    eval: dev, workerData: init,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb ?? DEFAULT_MEMORY_MB },
    stdout: false, stderr: false,
  });
  const deadline = options.hookDeadlineMs ?? DEFAULT_DEADLINE_MS;
  return new Promise<Outcome>((resolve, reject) => {
    let settled = false;
    let seen = 0;
    let since = performance.now();
    const what = (): { dispatch: number; script: string; line: number } => {
      const d = Atomics.load(watch, WATCH_DISPATCH);
      const path = options.scripts[Atomics.load(watch, WATCH_SCRIPT)] ?? '';
      return { dispatch: Math.max(0, d), script: scriptKey(path), line: Atomics.load(watch, WATCH_LINE) };
    };
    const stop = (kind: SkippedCall['kind'], message: (w: { dispatch: number; line: number }) => string): void => {
      if (settled) return;
      settled = true;
      cleanup();
      const w = what();
      void worker.terminate();
      resolve({ done: false, stop: { ...w, kind, message: message(w) } });
    };
    const timer = setInterval(() => {
      const d = Atomics.load(watch, WATCH_DISPATCH);
      const now = performance.now();
      if (d !== seen) { seen = d; since = now; return; }
      if (d !== 0 && now - since > deadline) {
        stop('deadline', (w) => `${w.dispatch === 0 ? 'loading the script' : 'the hook call'} took more than ${deadline / 1000} s` +
          `${w.line ? ` (at line ${w.line})` : ''}: stopped (a runaway pattern match or string operation?); the run went on in a fresh Lua VM`);
      }
    }, Math.max(10, Math.min(100, Math.floor(deadline / 10))));
    const onAbort = (): void => worker.postMessage({ type: 'cancel' });
    options.run?.signal?.addEventListener('abort', onAbort);
    if (options.run?.signal?.aborted) onAbort();
    const cleanup = (): void => {
      clearInterval(timer);
      options.run?.signal?.removeEventListener('abort', onAbort);
    };
    worker.on('message', (m: ScriptWorkerMessage) => {
      if (settled) return;
      switch (m.type) {
        case 'hits': onHits(m.hits); break;
        case 'progress': options.run?.onProgress?.(m.done, m.total, m.packets); break;
        case 'issue': onIssue(m.issue); break;
        case 'done':
          settled = true;
          cleanup();
          void worker.terminate();
          resolve({ done: true, result: { summary: m.summary, stats: m.stats, schedulerCalls: m.schedulerCalls, notImplemented: m.notImplemented } });
          break;
        case 'failed':
          settled = true;
          cleanup();
          void worker.terminate();
          reject(new Error(m.message));
          break;
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        stop('memory', () => `the script ran out of memory (limit ${options.memoryLimitMb ?? DEFAULT_MEMORY_MB} MB for the run): stopped; the run went on in a fresh Lua VM`);
      } else if (!settled) {
        settled = true;
        cleanup();
        reject(e);
      }
    });
    worker.on('exit', (code) => {
      if (!settled) { settled = true; cleanup(); reject(new Error(`the script worker exited (code ${code})`)); }
    });
  });
}
