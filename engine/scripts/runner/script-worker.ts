/**
 * The worker thread of an isolated run (isolated.ts; bundled as dist/script-worker.js): the whole
 * run (capture, flow table, detector, hook scheduler, Lua VM) happens here, so that the host can
 * stop it from outside when a hook runs past its deadline or memory runs out. Hits go to the
 * host in batches, each placed in the run (dispatch number, rank) so that a replay after a stop
 * delivers nothing twice.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { GeoDatabase } from '../../geo';
import { runScriptsInProcess } from './run-scripts';
import type { PlacedHit, ScriptHostMessage, ScriptWorkerInit, ScriptWorkerMessage } from './script-worker-protocol';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('script-worker must run in a worker thread');
  const init = workerData as ScriptWorkerInit;
  const send = (m: ScriptWorkerMessage): void => port.postMessage(m);
  const cancel = new AbortController();
  port.on('message', (m: ScriptHostMessage) => { if (m.type === 'cancel') cancel.abort(); });
  let batch: PlacedHit[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    send({ type: 'hits', hits: batch });
    batch = [];
  };
  let pos = -1;
  let n = 0;
  let position = (): number => 0;
  const forcedKinds = new Set(['deadline', 'memory', 'worker']);
  try {
    const geo = new GeoDatabase({ countryDb: init.geo.countryDb, cityDb: init.geo.cityDb });
    const result = await runScriptsInProcess({
      scripts: init.scripts, capture: init.capture, profile: init.profile, geo,
      instructionBudget: init.instructionBudget, localNetworks: init.localNetworks, blacklist: init.blacklist, timing: init.timing, clock: init.clock, quiet: init.quiet,
      watch: new Int32Array(init.watch), skip: init.skip,
      onHit: (hit) => {
        const p = position();
        if (p !== pos) { pos = p; n = 0; }
        const forced = hit.kind === 'error' && forcedKinds.has(String(hit.data?.error));
        batch.push(forced ? { hit, pos, n: n++, forced } : { hit, pos, n: n++ });
        if (batch.length >= 256) flush();
      },
      onRunner: (runner) => { position = () => runner.position; },
      run: {
        signal: cancel.signal,
        onProgress: (done, total, packets) => { flush(); send({ type: 'progress', done, total, packets }); },
        onIssue: (issue) => send({ type: 'issue', issue }),
      },
    });
    flush();
    send({ type: 'done', summary: result.summary, stats: result.stats, schedulerCalls: result.schedulerCalls, notImplemented: result.notImplemented });
  } catch (e) {
    flush();
    send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

void main();
