/**
 * Live capture on the loopback interface with the real tcpdump (CI runs as root): the test
 * sends real DNS and HTTP traffic to 127.0.0.1 while the engine captures it, and checks that
 * hooks fire while the capture runs, that periodicUpdate follows the wall clock on a flow with
 * no packets, that stopping ends every open flow through flowEnd, and that tcpdump is gone.
 * The capture filter keeps it to the test's own ports (other tests may use loopback too).
 * Hook intervals are shortened (walk and periodicUpdate every second, docs/live.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GeoDatabase } from '../../engine/geo';
import type { Hit } from '../../engine/hits';
import type { LiveStatus } from '../../engine/run-live';
import { runScriptsLive } from '../../engine/scripts/runner/run-scripts-live';
import { dnsClient, processExists, startDnsResponder, startHttpServer, waitFor } from '../live/loopback-traffic';

const WATCH = resolve(__dirname, '..', 'live', 'fixtures', 'live_watch.lua');
const SAMPLES = resolve(__dirname, '..', '..', 'samples');

test('scripts see live loopback traffic as it happens, periodicUpdate runs on the wall clock, Stop ends every flow', async () => {
  const dns = await startDnsResponder();
  const http = await startHttpServer();
  const client = await dnsClient(dns.port);
  const hits: Hit[] = [];
  let status: LiveStatus | undefined;
  let pid = -1;
  const stop = new AbortController();
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.lua')).map((f) => join(SAMPLES, f));
  try {
    let started!: () => void;
    const startedP = new Promise<void>((r) => (started = r));
    let settled = false;
    const run = runScriptsLive({
      scripts: [WATCH, ...samples],
      geo: new GeoDatabase(),
      onHit: (h) => hits.push(h),
      timing: { walkSeconds: 1, periodicSeconds: 1 },
      live: {
        capture: { interface: 'lo', filter: `(udp port ${client.port}) or (tcp port ${http.port})` },
        signal: stop.signal,
        tickMs: 100,
        toolStatsMs: 200,
        onStarted: (c) => {
          pid = c.pid;
          started();
        },
        onStatus: (s) => (status = s),
      },
    }).finally(() => (settled = true));
    await Promise.race([startedP, run]);
    assert.ok(processExists(pid), 'tcpdump runs while capturing');
    const printed = (prefix: string, port: number) =>
      hits.filter((h) => h.kind === 'print' && h.message.startsWith(prefix) && h.flow?.serverPort === port);

    // DNS: the answer comes back and protocolDetected reports the flow, before any Stop. The
    // query name has characters no host name has, so the sample dns_invalid_query.lua fires too.
    const answer = await client.query('live test!.example');
    assert.equal(answer.readUInt16BE(6), 1, 'the responder answered');
    const dnsHit = await waitFor('protocolDetected on the DNS flow', () => printed('detected DNS', dns.port)[0]);
    assert.equal(settled, false, 'the hit arrived while the capture runs');
    assert.equal(dnsHit.hook, 'protocolDetected');
    assert.equal(dnsHit.flow?.l4, 'UDP');
    const sampleHit = await waitFor('the dns_invalid_query sample', () => hits.find((h) => h.script === 'dns_invalid_query' && h.kind === 'print'));
    assert.equal(sampleHit.message, 'invalid DNS query: live_test_.example', 'as nDPI, invalid characters read as _');
    assert.equal(settled, false, 'the sample\'s hit arrived while the capture runs');

    // HTTP on a kept-alive connection: detected, then periodicUpdate again and again while the
    // connection sits idle: only the wall clock can drive those calls.
    assert.equal(await http.get('/live'), 'hello /live\n');
    await waitFor('protocolDetected on the HTTP flow', () => printed('detected HTTP', http.port)[0]);
    const first = await waitFor('a periodicUpdate of the idle HTTP flow', () => printed('periodic HTTP', http.port)[0]);
    const packetsAtFirst = status!.packets;
    await waitFor('two more periodicUpdates of the idle HTTP flow', () => printed('periodic HTTP', http.port)[2]);
    assert.equal(status!.packets, packetsAtFirst, 'no packet arrived between those periodicUpdate calls');
    assert.ok(first.time! > Date.now() / 1000 - 60, '`now` is wall-clock time');
    assert.equal(settled, false);

    // Stop: the capture ends, the HTTP connection is still open, and yet every flow gets flowEnd.
    stop.abort();
    const { summary, stats } = await run;
    assert.equal(summary.stoppedBy, 'stop');
    assert.equal(summary.tool, 'tcpdump');
    assert.equal(summary.toolPid, pid);
    assert.equal(summary.toolStats.dropped, 0, 'tcpdump dropped nothing');
    assert.ok(summary.flows >= 2, `${summary.flows} flows`);
    const ended = new Set(hits.filter((h) => h.hook === 'flowEnd' && h.script === 'live_watch').map((h) => h.flow!.id));
    assert.equal(ended.size, summary.flows, 'flowEnd for every flow');
    assert.ok(printed('end HTTP', http.port).length === 1, 'the open HTTP flow was ended by the stop');
    assert.deepEqual(hits.filter((h) => h.kind === 'error'), [], 'no script error, samples included');
    assert.ok(stats.scripts.includes('live_watch'));
    assert.equal(processExists(pid), false, 'no tcpdump process remains');
  } finally {
    stop.abort();
    client.close();
    await http.close();
    await dns.close();
  }
});
