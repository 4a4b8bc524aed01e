/**
 * One run of flow scripts for the client, independent of how messages travel: run-worker.ts
 * wires it to a worker thread's port, the tests call it directly. Everything that can be
 * wrong with the input (capture, scripts, GeoIP database, settings) is found before the
 * `loaded` message, so a client can keep its earlier results when a run cannot start.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isProfile, PROFILES } from '../../api/flow';
import { detectContainer } from '../capture';
import { GeoDatabase, GeoDatabaseError } from '../geo';
import type { Hit } from '../hits';
import { runCaptureFile } from '../run';
import { ScriptRunner } from '../scripts/runner';
import { HitBatcher } from './hit-batcher';
import { LiveJobFailure, runInterface } from './live-job';
import type { FailedMessage, HookStatsTable, StartMessage, WorkerMessage } from './protocol';

const CAPTURE_FIX = 'Pick a pcap or pcapng capture file (as written by tcpdump, Wireshark or dumpcap).';

type Failure = Omit<FailedMessage, 'type'>;

class RunFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

function fail(failure: Failure): never {
  throw new RunFailure(failure);
}

/** The country database shipped next to the bundle in the .vsix (none when run from sources). */
function shippedCountryDb(): string | undefined {
  const path = join(__dirname, 'geo', 'geo-whois-asn-country.mmdb');
  return __filename.endsWith('.js') && existsSync(path) ? path : undefined;
}

function checkCapture(path: string): void {
  if (!existsSync(path)) fail({ kind: 'capture', file: path, line: 0, message: 'no such capture file', fix: CAPTURE_FIX });
  if (statSync(path).isDirectory()) fail({ kind: 'capture', file: path, line: 0, message: 'is a folder, not a capture file', fix: CAPTURE_FIX });
  const head = new Uint8Array(4);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 4) fail({ kind: 'capture', file: path, line: 0, message: n === 0 ? 'the file is empty, not a capture' : 'the file is too short to be a capture', fix: CAPTURE_FIX });
  const detected = detectContainer(head);
  if (detected.kind === 'unknown') fail({ kind: 'capture', file: path, line: 0, message: `not a capture: the file holds ${detected.description}`, fix: CAPTURE_FIX });
}

/** The worker runs for the VS Code extension: name its setting, not the CLI's --geoip option. */
const CITY_DB_FIX = 'Point the "flowscript.geoipDatabase" setting at a GeoLite2-City or DB-IP city .mmdb file, or clear it to use countries only.';

function openGeo(start: StartMessage): GeoDatabase {
  try {
    const countryDb = shippedCountryDb();
    return new GeoDatabase({ ...(start.geoipDatabase ? { cityDb: start.geoipDatabase } : {}), ...(countryDb ? { countryDb } : {}) });
  } catch (error) {
    if (!(error instanceof GeoDatabaseError)) throw error;
    // GeoDatabaseError's first line is "file: what is wrong. how to fix it".
    const text = error.message.split('\n')[0]!;
    const rest = text.startsWith(`${error.file}:`) ? text.slice(error.file.length + 1).trim() : text;
    const sentence = rest.match(/^(.*?[.!?])\s+(.*)$/);
    const isCityDb = !!start.geoipDatabase && resolve(start.geoipDatabase) === error.file;
    fail({
      kind: 'geoip',
      file: error.file,
      line: 0,
      message: sentence ? sentence[1]! : rest,
      fix: isCityDb ? CITY_DB_FIX : (sentence?.[2] || 'Reinstall the extension: its country database is missing or damaged.'),
    });
  }
}

/** Load errors of scripts that will not run, as one failure naming the first of them. */
function loadFailure(scripts: string[], loadHits: Hit[]): Failure {
  const error = loadHits.find((h) => h.kind === 'error') ?? loadHits[0];
  const file = scripts.find((s) => error && basename(s) === basename(error.file)) ?? scripts[0] ?? '';
  if (!error) return { kind: 'script', file, line: 0, message: 'no script could be loaded', fix: 'Check that the script returns its table of hooks.' };
  const fix = error.data?.error === 'syntax'
    ? 'Fix the syntax error (the Problems view shows it too) and run again.'
    : error.data?.error === 'budget'
      ? 'The script runs too long while loading (an endless loop?): fix the loop or raise "flowscript.instructionBudget".'
      : error.kind === 'stats'
        ? 'Set default_enabled = true (or remove it) to run the script.'
        : 'Fix the script and run again.';
  return { kind: 'script', file, line: error.line, message: error.message, fix };
}

export async function runJob(start: StartMessage, post: (message: WorkerMessage) => void, signal?: AbortSignal): Promise<void> {
  try {
    await run(start, post, signal);
  } catch (error) {
    if (error instanceof RunFailure) post({ type: 'failed', ...error.failure });
    else {
      const message = error instanceof Error ? error.message : String(error);
      post({ type: 'failed', kind: 'internal', file: start.source.kind === 'file' ? start.source.path : start.source.name, line: 0, message: `the engine stopped: ${message}`, fix: 'Please report this with the script and capture.' });
    }
  }
}

async function run(start: StartMessage, post: (message: WorkerMessage) => void, signal?: AbortSignal): Promise<void> {
  const source = start.source;
  const profile = start.profile ?? undefined;
  if (profile !== undefined && !isProfile(profile)) {
    fail({ kind: 'script', file: 'settings', line: 0, message: `unknown profile "${profile}"`, fix: `Set "flowscript.profile" to one of ${PROFILES.join(', ')}.` });
  }
  for (const script of start.scripts) {
    if (!existsSync(script)) fail({ kind: 'script', file: script, line: 0, message: 'no such script file', fix: 'Save the script, then run it.' });
  }
  if (source.kind === 'file') checkCapture(source.path);
  const geo = openGeo(start);

  // Hits wait in `loading` until the scripts are known to run, then stream in batches.
  const loading: Hit[] = [];
  let batcher: HitBatcher | undefined;
  const hitCounts: Record<string, number> = {};
  const runner = new ScriptRunner({
    scripts: start.scripts,
    ...(profile ? { profile } : {}),
    geo,
    ...(start.instructionBudget ? { instructionBudget: start.instructionBudget } : {}),
    ...(start.periodicSeconds ? { timing: { periodicSeconds: start.periodicSeconds, walkSeconds: Math.min(5, start.periodicSeconds) } } : {}),
    onHit: (hit) => {
      hitCounts[hit.kind] = (hitCounts[hit.kind] ?? 0) + 1;
      if (batcher) batcher.add(hit);
      else loading.push(hit);
    },
  });
  const running = runner.load();
  if (running.length === 0) fail(loadFailure(start.scripts, loading));

  const begin = () => {
    post({ type: 'loaded', scripts: running });
    batcher = new HitBatcher((hits) => post({ type: 'hits', hits }), start.batchSize ?? 500);
    for (const hit of loading) batcher.add(hit);
  };
  // Live, results start once the tool captures: a capture that cannot start keeps earlier results.
  if (source.kind === 'file') begin();

  let lastPercent = -1;
  const flowOptions = start.idleTimeout ? { idleTimeoutSeconds: start.idleTimeout } : undefined;
  let live: Awaited<ReturnType<typeof runInterface>> | undefined;
  if (source.kind === 'interface') {
    try {
      live = await runInterface({
        source, start, createStage: runner.createStage, ...(flowOptions ? { flowOptions } : {}), post, ...(signal ? { signal } : {}),
        onStarted: begin,
        hitCount: () => Object.values(hitCounts).reduce((a, b) => a + b, 0),
        flushHits: () => batcher?.flush(),
      });
    } catch (error) {
      if (error instanceof LiveJobFailure) fail(error.failure);
      throw error;
    }
    if (!batcher) begin(); // stopped before the tool was ready: an empty run
  }
  const capture = source.kind === 'file' ? source.path : source.name;
  const summary = live?.summary ?? await runCaptureFile(capture, {
    createStage: runner.createStage,
    ...(start.idleTimeout ? { flowOptions: { idleTimeoutSeconds: start.idleTimeout } } : {}),
    onProgress: (bytesDone, bytesTotal, packets) => {
      const percent = bytesTotal > 0 ? Math.floor((bytesDone / bytesTotal) * 100) : 0;
      if (percent === lastPercent) return;
      lastPercent = percent;
      batcher!.flush();
      post({ type: 'progress', bytesDone, bytesTotal, packets, percent });
    },
    onIssue: (issue) => post({ type: 'issue', message: `${capture}: byte ${issue.offset}: ${issue.message}` }),
    ...(signal ? { signal } : {}),
  });
  runner.finish();
  batcher!.flush();

  const hookStats: HookStatsTable = {};
  for (const [script, hooks] of Object.entries(runner.stats.hooks)) {
    hookStats[script] = {};
    for (const [hook, st] of Object.entries(hooks)) hookStats[script]![hook] = { calls: st.calls, ms: st.ms };
  }
  post({
    type: 'done',
    packets: summary.packets,
    flows: summary.flows,
    captureIssues: summary.captureIssues,
    hookStats,
    hitCounts,
    notImplemented: runner.bound.notImplemented,
    ...(live ? { capture: live.capture } : {}),
  });
}
