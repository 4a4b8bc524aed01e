/**
 * The bundled sample captures: reproducible from the project's own generator, valid for
 * a real peer (tshark checks every checksum), and the same flows in pcap and pcapng.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCaptureFile } from '../../engine/run';
import { flowToJson, type FlowJson } from '../../engine/report/flow-json';

const SAMPLES = resolve(__dirname, '..', '..', 'samples', 'captures');

async function flows(path: string): Promise<FlowJson[]> {
  const out: FlowJson[] = [];
  await runCaptureFile(path, { observer: { flowEnded: (f) => out.push(flowToJson(f, true)) } });
  return out.sort((a, b) => a.id - b.id);
}

test('npm run samples reproduces the committed captures byte for byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-samples-'));
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-samples.ts', dir], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const name of ['mixed.pcap', 'mixed.pcapng', 'web.pcap', 'long-lived.pcap', 'remote.pcap']) {
      assert.ok(readFileSync(join(dir, name)).equals(readFileSync(join(SAMPLES, name))), `${name} differs: run npm run samples and commit`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tshark finds no bad checksum and no malformed packet in the samples', () => {
  for (const name of ['mixed.pcap', 'mixed.pcapng']) {
    const result = spawnSync('tshark', [
      '-r', join(SAMPLES, name),
      '-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE',
      '-T', 'fields', '-e', 'frame.number', '-e', 'ip.checksum.status', '-e', 'tcp.checksum.status',
      '-e', 'udp.checksum.status', '-e', 'icmp.checksum.status', '-e', '_ws.malformed',
    ], { encoding: 'utf8' });
    assert.ok(!result.error, 'tshark is required (apt-get install tshark); .ci/run installs it');
    const rows = result.stdout.replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
    assert.equal(rows.length, 103, `${name}: frames`);
    for (const [frame, ...statuses] of rows) {
      // Wireshark's checksum status: 1 = good, 0 = bad, 2 = unverified.
      const verdicts = statuses.slice(0, 4).filter((s) => s !== '');
      assert.ok(verdicts.length > 0 && verdicts.every((s) => s === '1'), `${name} frame ${frame}: checksum status ${statuses.join(',')}`);
      assert.equal(statuses[4], '', `${name} frame ${frame} is malformed`);
    }
  }
});

test('the sample pcap and pcapng give the same flows, including a flow ended by idleness', async () => {
  const fromPcap = await flows(join(SAMPLES, 'mixed.pcap'));
  assert.deepEqual(await flows(join(SAMPLES, 'mixed.pcapng')), fromPcap);
  assert.equal(fromPcap.length, 10);
  const dns = fromPcap.filter((f) => f.client.port === 51000);
  assert.deepEqual(dns.map((f) => f.end_reason), ['idle', 'idle']);
  // The project's own traffic is recognised by its own dissectors, with the host names it carries.
  assert.deepEqual(
    fromPcap.map((f) => `${f.proto} ${f.host ?? '-'}`),
    [
      'DNS.Google www.example.com', 'HTTP www.example.com', 'DNS www.cnnic.cn', 'TLS www.cnnic.cn', 'TLS shop.example.de',
      'ICMP -', 'DNS www.example.org', 'NTP -', 'SSH SSH-2.0-OpenSSH_9.6', 'DNS.Google www.example.net',
    ],
  );
  assert.ok(fromPcap.every((f) => f.confidence === 'DPI'));
  const ssh = fromPcap.find((f) => f.server.port === 22)!;
  assert.ok(ssh.duration_s > 180 && ssh.tcp!.three_way_handshake);
  assert.equal(ssh.c2s.tcp!.retransmissions + ssh.c2s.tcp!.lost + ssh.c2s.tcp!.out_of_order, 0);
});
