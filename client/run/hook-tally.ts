/**
 * What a code lens above a hook says after a run: calls and time from the engine's per-hook
 * stats, hits and errors counted from the hits themselves (by script key and hook).
 */
import type { Hit } from '../../engine/hits';
import type { HookStatsTable } from '../../engine/worker/protocol';

export interface HookFigures {
  calls: number;
  hits: number;
  errors: number;
  ms: number;
}

export class HookTally {
  private readonly counts = new Map<string, { hits: number; errors: number }>();
  private stats: HookStatsTable = {};

  add(hits: readonly Hit[]): void {
    for (const hit of hits) {
      if (!hit.hook) continue;
      const key = `${hit.script}\u0000${hit.hook}`;
      let c = this.counts.get(key);
      if (!c) this.counts.set(key, (c = { hits: 0, errors: 0 }));
      if (hit.kind === 'error') c.errors++;
      else c.hits++;
    }
  }

  setStats(stats: HookStatsTable): void {
    this.stats = stats;
  }

  /** Undefined when the script did not run in the last run. */
  figures(script: string, hook: string): HookFigures | undefined {
    const st = this.stats[script]?.[hook];
    const c = this.counts.get(`${script}\u0000${hook}`);
    if (!st && !c) return this.stats[script] ? { calls: 0, hits: 0, errors: 0, ms: 0 } : undefined;
    return { calls: st?.calls ?? 0, hits: c?.hits ?? 0, errors: c?.errors ?? 0, ms: st?.ms ?? 0 };
  }
}

export function figuresText(f: HookFigures): string {
  const ms = f.ms >= 100 ? f.ms.toFixed(0) : f.ms.toFixed(1);
  return `${f.calls} call${f.calls === 1 ? '' : 's'} · ${f.hits} hit${f.hits === 1 ? '' : 's'} · ${f.errors} error${f.errors === 1 ? '' : 's'} · ${ms} ms`;
}
