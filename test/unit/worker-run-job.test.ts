/**
 * The engine worker's job (engine/worker): what the VS Code client receives for a run, in
 * order; bad input refused before any result; and the real worker thread (dist/run-worker.js,
 * built by `npm test`) streaming hits and dying at once on terminate().
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Hit } from '../../engine/hits';
import type { StartMessage, WorkerMessage } from '../../engine/worker/protocol';
import { runJob } from '../../engine/worker/run-job';
import { writeLargeCapture } from '../../e2e/large-capture';

const SCRIPT = resolve('samples/suspicious_countries.lua');
const CAPTURE = resolve('samples/captures/mixed.pcap');

function start(extra: Partial<StartMessage> = {}): StartMessage {
  return { type: 'start', scripts: [SCRIPT], source: { kind: 'file', path: CAPTURE }, ...extra };
}

async function collect(message: StartMessage): Promise<WorkerMessage[]> {
  const out: WorkerMessage[] = [];
  await runJob(message, (m) => out.push(m));
  return out;
}

function hitsOf(messages: WorkerMessage[]): Hit[] {
  return messages.flatMap((m) => (m.type === 'hits' ? m.hits : []));
}

test('a run streams loaded, hit batches, progress and done, in that order', async () => {
  const messages = await collect(start());
  assert.equal(messages[0]!.type, 'loaded');
  assert.equal(messages.at(-1)!.type, 'done');
  const prints = hitsOf(messages).filter((h) => h.kind === 'print');
  assert.deepEqual(prints.map((h) => [h.message.trim().replace(/^string /, ''), h.line, h.flow?.server]), [
    ['From China', 22, '114.114.114.114'],
    ['From China', 22, '1.2.4.8'],
  ]);
  assert.equal(prints[0]!.file, SCRIPT);
  const percents = messages.flatMap((m) => (m.type === 'progress' ? [m.percent] : []));
  assert.equal(percents.at(-1), 100);
  const done = messages.at(-1)!;
  assert.ok(done.type === 'done');
  assert.equal(done.packets, 103);
  assert.equal(done.hookStats.suspicious_countries?.protocolDetected?.calls, 10);
  assert.equal(done.hitCounts.print, 2);
});

test('hits cross in batches of at most batchSize', async () => {
  const batches = (await collect(start({ batchSize: 1 }))).filter((m) => m.type === 'hits');
  assert.equal(batches.length, 2);
  const together = (await collect(start())).filter((m) => m.type === 'hits');
  assert.equal(together.length, 1);
  assert.ok(together[0]!.type === 'hits' && together[0]!.hits.length === 2);
});

test('bad input fails before any result, naming the file and the fix', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-worker-'));
  try {
    const text = join(dir, 'notes.pcap');
    writeFileSync(text, 'hello, not a capture\n');
    const syntax = join(dir, 'broken.lua');
    writeFileSync(syntax, 'local script = { hooks = {}\nfunction x(\nreturn script\n');
    const cases: Array<[StartMessage, string, string, number]> = [
      [start({ source: { kind: 'file', path: text } }), 'capture', text, 0],
      [start({ source: { kind: 'file', path: join(dir, 'absent.pcap') } }), 'capture', join(dir, 'absent.pcap'), 0],
      [start({ scripts: [syntax] }), 'script', syntax, 2],
      [start({ geoipDatabase: join(dir, 'absent.mmdb') }), 'geoip', join(dir, 'absent.mmdb'), 0],
      [start({ profile: '9.9' }), 'script', 'settings', 0],
    ];
    for (const [message, kind, file, line] of cases) {
      const out = await collect(message);
      assert.equal(out.length, 1, `${kind}: only the failure`);
      const failed = out[0]!;
      assert.ok(failed.type === 'failed', `${kind}: ${JSON.stringify(failed)}`);
      assert.equal(failed.kind, kind);
      assert.equal(failed.file, file);
      assert.equal(failed.line, line);
      assert.ok(failed.message.length > 0 && failed.fix.length > 0);
      // The worker serves the extension: a wrong city database names its setting, not the CLI's option.
      if (kind === 'geoip') {
        assert.equal(failed.message, 'file not found.');
        assert.match(failed.fix, /"flowscript\.geoipDatabase"/);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a live source the tool cannot open fails as a source problem (live runs: test/integration/live-worker.test.ts)', async () => {
  const out = await collect(start({ source: { kind: 'interface', name: 'nosuch0' } }));
  assert.ok(out[0]!.type === 'failed' && out[0]!.kind === 'source');
});

function startWorker(message: StartMessage, onMessage: (m: WorkerMessage, worker: Worker) => void): Promise<number> {
  const worker = new Worker(resolve('dist/run-worker.js'));
  worker.on('message', (m: WorkerMessage) => onMessage(m, worker));
  worker.postMessage(message);
  return new Promise((done, fail) => {
    worker.on('error', fail);
    worker.on('exit', done);
  });
}

test('the bundled worker thread runs a script and ends by itself', async () => {
  const messages: WorkerMessage[] = [];
  const code = await startWorker(start(), (m) => messages.push(m));
  assert.equal(code, 0);
  assert.deepEqual(hitsOf(messages).map((h) => h.flow?.server), ['114.114.114.114', '1.2.4.8']);
  assert.equal(messages.at(-1)!.type, 'done');
});

test('terminate() stops the worker in the middle of a run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-worker-'));
  try {
    const big = join(dir, 'big.pcap');
    writeLargeCapture(CAPTURE, big, 300);
    const messages: WorkerMessage[] = [];
    await startWorker(start({ source: { kind: 'file', path: big } }), (m, worker) => {
      messages.push(m);
      if (m.type === 'progress' && m.percent >= 1) void worker.terminate();
    });
    const last = messages.filter((m) => m.type === 'progress').at(-1);
    assert.ok(last && last.type === 'progress' && last.percent < 100, 'stopped before the end');
    assert.ok(!messages.some((m) => m.type === 'done'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a script that loops forever is stopped per hook call and the run still ends', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-worker-'));
  try {
    const loop = join(dir, 'loop.lua');
    writeFileSync(loop, 'local script = { hooks = {} }\nfunction script.hooks.protocolDetected()\n  while true do end\nend\nreturn script\n');
    const messages = await collect(start({ scripts: [loop], instructionBudget: 100_000 }));
    const errors = hitsOf(messages).filter((h) => h.kind === 'error');
    assert.equal(errors.length, 10, 'one per protocolDetected call');
    for (const e of errors) {
      assert.equal(e.data?.error, 'budget');
      assert.equal(e.line, 3);
      assert.ok(e.flow, 'names the flow');
    }
    assert.equal(messages.at(-1)!.type, 'done');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
