/**
 * The editor's engine worker on a live interface (source {kind: 'interface'}), through the
 * same runJob the worker thread runs: results start once tcpdump captures, `live` messages
 * carry the status bar's figures, `stop` ends the capture with flowEnd for the open flows
 * and a `done` with the tool's counters; a capture that cannot start fails before `loaded`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { DoneMessage, LiveMessage, WorkerMessage } from '../../engine/worker/protocol';
import { runJob } from '../../engine/worker/run-job';
import { captureToolOf } from '../../engine/capture/live';
import { dnsClient, processExists, startDnsResponder, waitFor } from '../live/loopback-traffic';

const WATCH = resolve(__dirname, '..', 'live', 'fixtures', 'live_watch.lua');

test('a live worker run streams hits and status, and stop ends every flow', async () => {
  const dns = await startDnsResponder();
  const client = await dnsClient(dns.port);
  const messages: WorkerMessage[] = [];
  const stop = new AbortController();
  try {
    const job = runJob({
      type: 'start', scripts: [WATCH], source: { kind: 'interface', name: 'lo', filter: `udp port ${client.port}` }, periodicSeconds: 1,
    }, (m) => messages.push(m), stop.signal);
    const first = await waitFor('the first live message', () => messages.find((m): m is LiveMessage => m.type === 'live'));
    assert.equal(messages[0]!.type, 'loaded', 'results start when the tool captures');
    assert.equal(first.tool, 'tcpdump');
    assert.ok(processExists(first.toolPid));
    await client.query('worker-test.example');
    await waitFor('a protocolDetected hit', () => messages.some((m) => m.type === 'hits' && m.hits.some((h) => h.message.startsWith('detected DNS'))));
    const status = await waitFor('a status with the packets and the hit', () =>
      messages.find((m): m is LiveMessage => m.type === 'live' && m.packets >= 2 && m.hits >= 1 && m.dropped !== undefined));
    assert.equal(status.flows, 1);
    assert.equal(status.dropped, 0);
    stop.abort();
    await job;
    const done = messages.find((m): m is DoneMessage => m.type === 'done');
    assert.ok(done, JSON.stringify(messages.filter((m) => m.type === 'failed')));
    assert.equal(done.flows, 1);
    assert.deepEqual({ ...done.capture, received: undefined }, { interface: 'lo', tool: 'tcpdump', stoppedBy: 'stop', dropped: 0, received: undefined });
    const hits = messages.flatMap((m) => (m.type === 'hits' ? m.hits : []));
    assert.equal(hits.filter((h) => h.hook === 'flowEnd').length, 1, 'flowEnd for the open flow');
    assert.equal(processExists(first.toolPid), false, 'no tcpdump left');
  } finally {
    stop.abort();
    client.close();
    await dns.close();
  }
});

test('a live worker run that cannot capture fails with the fix, before any result', async () => {
  const messages: WorkerMessage[] = [];
  await runJob({ type: 'start', scripts: [WATCH], source: { kind: 'interface', name: 'nosuch0' } }, (m) => messages.push(m));
  assert.deepEqual(messages.map((m) => m.type), ['failed']);
  const failed = messages[0] as Extract<WorkerMessage, { type: 'failed' }>;
  assert.equal(failed.kind, 'source');
  assert.equal(failed.file, 'nosuch0');
  assert.match(failed.message, /^no such interface for tcpdump/);
});

test('the capture tool setting: a name or a path, tcpdump or dumpcap', () => {
  assert.deepEqual(captureToolOf(undefined), { tool: 'tcpdump' });
  assert.deepEqual(captureToolOf('dumpcap'), { tool: 'dumpcap' });
  assert.deepEqual(captureToolOf('/opt/wireshark/bin/dumpcap'), { tool: 'dumpcap', toolPath: '/opt/wireshark/bin/dumpcap' });
  assert.deepEqual(captureToolOf('/usr/sbin/tcpdump'), { tool: 'tcpdump', toolPath: '/usr/sbin/tcpdump' });
});
