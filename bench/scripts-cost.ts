/**
 * The cost of running every sample script on the big capture, against the same run without
 * scripts (`flowscript flows --summary`, which reads, tracks and labels the same flows). Target:
 * at most 25% more time. Also prints hook calls per second from the run's own summary.
 *
 *   FLOWSCRIPT_BENCH_ROUNDS=3 node --import tsx bench/scripts-cost.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBigCapture } from './big-capture';
import { measureCommand, median } from './measure';

const rounds = Number(process.env.FLOWSCRIPT_BENCH_ROUNDS ?? 3);
const root = resolve(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');

export function benchScripts(capture = ensureBigCapture()): void {
  const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.lua')).sort().map((f) => join(root, 'samples', f));
  const base = [cli, 'flows', capture, '--summary'];
  const withScripts = [cli, 'run', ...samples, capture, '--summary'];
  const ratios: number[] = [];
  const times: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    const a = measureCommand(process.execPath, base).seconds;
    const b = measureCommand(process.execPath, withScripts).seconds;
    times[0]!.push(a);
    times[1]!.push(b);
    ratios.push(b / a);
  }
  const out = spawnSync(process.execPath, withScripts, { encoding: 'utf8' });
  const summary = JSON.parse(out.stdout.trim().split('\n').pop()!).summary as { hook_calls: Record<string, Record<string, { calls: number; ms: number }>> };
  let calls = 0;
  let ms = 0;
  for (const hooks of Object.values(summary.hook_calls)) for (const h of Object.values(hooks)) { calls += h.calls; ms += h.ms; }
  const ratio = median(ratios);
  console.log(`\n${samples.length} sample scripts on the big capture: ${median(times[1]!).toFixed(2)} s vs ${median(times[0]!).toFixed(2)} s without scripts` +
    ` = ${((ratio - 1) * 100).toFixed(0)}% more (median of ${rounds} rounds) — target <= 25%: ${ratio <= 1.25 ? 'met' : 'NOT MET'}`);
  console.log(`hook calls: ${calls.toLocaleString('en-US')} in ${(ms / 1000).toFixed(2)} s of hook time = ${Math.round(calls / (ms / 1000)).toLocaleString('en-US')} calls/s (${((ms * 1000) / calls).toFixed(1)} µs per call)`);
}

if (require.main === module) benchScripts();
