import { existsSync, statSync } from 'node:fs';
import { isProfile, PROFILES, type Profile } from '../../api/flow';
export { RUN_USAGE } from './run-usage';
import { GeoDatabase, GeoDatabaseError } from '../geo';
import { hitJson, hitText, type Hit } from '../hits';
import { runScripts } from '../scripts/runner';
import { runScriptsLive } from '../scripts/runner/run-scripts-live';
import type { CaptureStartOptions } from '../capture/live';
import type { LiveRunSummary } from '../run-live';
import { liveSummaryJson, liveSummaryLine, withLiveFeedback } from './live-feedback';
import { LineWriter } from './output';
import { withRunFeedback } from './run-feedback';
import { UserError } from './user-error';
import { readBlacklist } from './blacklist-file';

export interface RunCommandOptions {
  scripts: string[];
  /** A capture file, or... */
  capture?: string;
  /** ...a live interface (docs/live.md). */
  live?: LiveCommandOptions;
  profile: string;
  geoip?: string;
  /** A file of blacklisted addresses/networks (blacklist-file.ts). */
  blacklist?: string;
  json: boolean;
  /** Only the summary, no hits. */
  summaryOnly: boolean;
  /** Walks on the wall clock, as ntopng does even on a pcap (docs/hooks.md), instead of packet time. */
  wallClock?: boolean;
}



function checkFile(path: string, what: string): void {
  if (!existsSync(path)) throw new UserError(`${path}: no such ${what}`);
  if (statSync(path).isDirectory()) throw new UserError(`${path}: is a directory, not a ${what}`);
}

export interface LiveCommandOptions extends CaptureStartOptions {
  durationSeconds?: number;
  /** Shorter periodicUpdate interval (demonstrations, tests); the walk follows it. */
  periodicSeconds?: number;
}

/** `flowscript run`: flow scripts over a capture, hits as text or JSON lines, then a summary. */
export async function runCommand(options: RunCommandOptions): Promise<number> {
  const { scripts, capture } = options;
  if (options.wallClock && options.live) throw new UserError('--wallclock is for captures read from a file: a live run walks on the wall clock already');
  if (!isProfile(options.profile)) throw new UserError(`--profile must be one of ${PROFILES.join(', ')} (got "${options.profile}")`);
  const profile: Profile = options.profile;
  for (const s of scripts) {
    if (!s.endsWith('.lua')) throw new UserError(`${s}: a flow script must be a .lua file`);
    checkFile(s, 'script file');
  }
  if (capture !== undefined) checkFile(capture, 'capture file');
  let geo: GeoDatabase;
  try {
    geo = new GeoDatabase(options.geoip ? { cityDb: options.geoip } : {});
  } catch (error) {
    if (error instanceof GeoDatabaseError) throw new UserError(error.message.split('\n')[0]!);
    throw error;
  }

  const blacklist = options.blacklist !== undefined ? readBlacklist(options.blacklist) : undefined;
  const out = new LineWriter();
  const format = options.json ? hitJson : hitText;
  // Live hits are shown as they happen; from a file they are written in large blocks.
  const onHit = options.summaryOnly ? () => {} : options.live ? (h: Hit) => (out.line(format(h)), out.flush()) : (h: Hit) => out.line(format(h));
  const live = options.live;
  let liveSummary: LiveRunSummary | undefined;
  const { summary, stats } = live
    ? await withLiveFeedback(live.interface, async (feedback) => {
      const p = live.periodicSeconds;
      const timing = p !== undefined ? { periodicSeconds: p, walkSeconds: Math.min(5, p) } : undefined;
      const result = await runScriptsLive({ scripts, profile, geo, onHit, timing, blacklist, live: { capture: live, durationSeconds: live.durationSeconds, ...feedback } });
      liveSummary = result.summary;
      return result;
    })
    : await withRunFeedback(
      capture!,
      async (feedback) => {
        const clock = options.wallClock ? 'wall' as const : undefined;
        const result = await runScripts({ scripts, capture: capture!, profile, geo, onHit, blacklist, clock, run: feedback, quiet: options.summaryOnly });
        return { ...result, cancelled: result.summary.cancelled, packets: result.summary.packets };
      },
      `running ${scripts.length} script(s) on ${capture}`,
    );

  const calls: { [script: string]: { [hook: string]: { calls: number; ms: number } } } = {};
  for (const [script, hooks] of Object.entries(stats.hooks)) {
    calls[script] = {};
    for (const [hook, st] of Object.entries(hooks)) calls[script][hook] = { calls: st.calls, ms: Math.round(st.ms * 1000) / 1000 };
  }
  if (options.json || options.summaryOnly) {
    out.line(JSON.stringify({
      summary: {
        profile, packets: summary.packets, flows: summary.flows, scripts: stats.scripts, hook_calls: calls,
        hits: stats.hits, errors: stats.hits.error - stats.warnings, warnings: stats.warnings,
        ...(summary.captureIssues ? { capture_issues: summary.captureIssues } : {}),
        ...(summary.cancelled ? { cancelled: true } : {}),
        ...(liveSummary ? { capture: liveSummaryJson(liveSummary) } : {}),
      },
    }));
  } else {
    out.line('');
    out.line(`${summary.packets} packets, ${summary.flows} flows; profile ${profile}; ${stats.scripts.length} script(s) running: ${stats.scripts.join(', ') || '(none)'}`);
    for (const [script, hooks] of Object.entries(calls)) {
      const parts = Object.entries(hooks).map(([hook, st]) => `${hook} ${st.calls} (${st.ms.toFixed(1)} ms)`);
      out.line(`  ${script}: ${parts.join(', ')}`);
    }
    const kinds = Object.entries(stats.hits).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
    out.line(`hits: ${kinds.join(', ') || 'none'}; errors: ${stats.hits.error - stats.warnings}` +
      (stats.warnings ? `, warnings: ${stats.warnings}` : '') +
      (summary.captureIssues ? `; ${summary.captureIssues} capture problem(s)` : ''));
    if (liveSummary) out.line(liveSummaryLine(liveSummary));
  }
  out.flush();
  if (summary.cancelled) return 130;
  return summary.packets === 0 && summary.captureIssues > 0 ? 1 : 0;
}
