/**
 * The cost of running every sample script on the big capture, against the same run without
 * scripts (`flowscript flows --summary`, which reads, tracks and labels the same flows). Target:
 * at most 25% more time. Also prints hook calls per second from the run's own summary, and two
 * floors that show where the time goes: the same scripts with empty hook bodies (the calls alone,
 * through the scheduler, the host and fengari), and fengari's own bare call (lua_pcall of an empty
 * function, no host at all) times the number of calls.
 *
 *   FLOWSCRIPT_BENCH_ROUNDS=3 node --import tsx bench/scripts-cost.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bareCallMicros } from '../engine/scripts/vm/bare-call';
import { ensureBigCapture } from './big-capture';
import { emptyHookCopies } from './empty-hooks';
import { BENCH_NODE_ENV, measureCommand, median } from './measure';

const rounds = Number(process.env.FLOWSCRIPT_BENCH_ROUNDS ?? 3);
const root = resolve(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');

interface HookTotals { calls: number; ms: number }

export function benchScripts(capture = ensureBigCapture()): void {
  const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.lua')).sort().map((f) => join(root, 'samples', f));
  const emptied = emptyHookCopies(samples);
  const base = [cli, 'flows', capture, '--summary'];
  const withScripts = [cli, 'run', ...samples, capture, '--summary'];
  const withEmptyHooks = [cli, 'run', ...emptied, capture, '--summary'];
  const times: number[][] = [[], [], []];
  const ratios: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    const a = measureCommand(process.execPath, base, BENCH_NODE_ENV).seconds;
    const b = measureCommand(process.execPath, withScripts, BENCH_NODE_ENV).seconds;
    const c = measureCommand(process.execPath, withEmptyHooks, BENCH_NODE_ENV).seconds;
    times[0]!.push(a);
    times[1]!.push(b);
    times[2]!.push(c);
    ratios[0]!.push(b / a);
    ratios[1]!.push(c / a);
  }
  const full = hookTotals(withScripts);
  const empty = hookTotals(withEmptyHooks);
  const ratio = median(ratios[0]!);
  const baseSeconds = median(times[0]!);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  console.log(`\n${samples.length} sample scripts on the big capture: ${median(times[1]!).toFixed(2)} s vs ${baseSeconds.toFixed(2)} s without scripts` +
    ` = ${pct(ratio - 1)} more (median of ${rounds} rounds) — target <= 25%: ${ratio <= 1.25 ? 'met' : 'NOT MET'}`);
  console.log(`hook calls: ${full.calls.toLocaleString('en-US')} in ${(full.ms / 1000).toFixed(2)} s of hook time = ${Math.round(full.calls / (full.ms / 1000)).toLocaleString('en-US')} calls/s (${((full.ms * 1000) / full.calls).toFixed(1)} µs per call)`);
  console.log(`floor 1, the same scripts with empty hook bodies (${empty.calls.toLocaleString('en-US')} calls): ${median(times[2]!).toFixed(2)} s = ${pct(median(ratios[1]!) - 1)} more; ` +
    `${((empty.ms * 1000) / empty.calls).toFixed(1)} µs per call inside the hook timer`);
  const bare = bareCallMicros();
  console.log(`floor 2, fengari's bare call (lua_pcall of an empty function, no host): ${bare.toFixed(2)} µs × ${full.calls.toLocaleString('en-US')} calls = ` +
    `${((bare * full.calls) / 1e6).toFixed(2)} s = ${pct((bare * full.calls) / 1e6 / baseSeconds)} of the run without scripts`);
}

/** Calls and hook time summed over the scripts and hooks of one run (its JSON summary). */
function hookTotals(args: string[]): HookTotals {
  const out = spawnSync(process.execPath, [...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const summary = JSON.parse(out.stdout.trim().split('\n').pop()!).summary as { hook_calls: Record<string, Record<string, HookTotals>> };
  const total = { calls: 0, ms: 0 };
  for (const hooks of Object.values(summary.hook_calls)) for (const h of Object.values(hooks)) { total.calls += h.calls; total.ms += h.ms; }
  return total;
}

if (require.main === module) benchScripts();
