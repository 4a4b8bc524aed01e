/**
 * The protocol details the flow API exposes, against what ndpiReader printed for the
 * same flows: TLS JA3/JA3S fingerprints, HTTP URL, status and user agent, SSH HASSH; and
 * ntopng's `info` string built from them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCaptureFile } from '../../engine/run';
import type { Flow } from '../../engine/flows/flow';
import { capturePath, loadGroundTruths } from '../support/ground-truth';

interface Attrs { [name: string]: string | number | undefined }

/** Least share of flows that must agree, per field: the measured figures (raise them as dissectors improve). */
const FLOORS: { [field: string]: number } = { ja3c: 1, ja3s: 0.9, url: 0.95, http_status: 0.95, user_agent: 0.8, hassh_c: 1, 'info=dns query': 1, 'info=http url': 1, 'info=tls sni': 1 };

const key = (l4: string, client: { ip: string; port: number }, server: { ip: string; port: number }) =>
  `${l4}|${client.ip}|${client.port}|${server.ip}|${server.port}`;

test('TLS, HTTP and SSH details match ndpiReader, and info follows them', async () => {
  const checked: { [field: string]: [agree: number, of: number] } = {};
  const count = (field: string, agree: boolean) => {
    const c = (checked[field] ??= [0, 0]);
    c[1]++;
    if (agree) c[0]++;
  };
  for (const truth of loadGroundTruths()) {
    const flows = new Map<string, Flow>();
    await runCaptureFile(capturePath(truth), {
      accounting: 'ndpireader',
      observer: { flowEnded: (f) => flows.set(key(f.l4Proto === 6 ? 'TCP' : f.l4Proto === 17 ? 'UDP' : String(f.l4Proto), { ip: f.clientIp, port: f.clientPort }, { ip: f.serverIp, port: f.serverPort }), f) },
    });
    for (const g of truth.flows as (typeof truth.flows[number] & { attrs: Attrs })[]) {
      const flow = flows.get(key(g.l4, g.client, g.server));
      const l7 = flow?.l7;
      if (!l7) continue;
      const a = g.attrs;
      if (a.ja3c) count('ja3c', l7.tls?.ja3Client === a.ja3c);
      if (a.ja3s) count('ja3s', l7.tls?.ja3Server === a.ja3s);
      if (a.url) count('url', l7.http?.url === a.url);
      if (a.http_status) count('http_status', l7.http?.statusCode === Number(a.http_status));
      if (a.user_agent) count('user_agent', l7.http?.userAgent === a.user_agent);
      if (a.hassh_c) count('hassh_c', l7.ssh?.hasshClient === a.hassh_c);
      if (l7.dns?.query) count('info=dns query', l7.info === l7.dns.query);
      else if (l7.http?.url) count('info=http url', l7.info === l7.http.url);
      else if (l7.tls?.sni) count('info=tls sni', l7.info === l7.tls.sni);
    }
  }
  console.log(Object.entries(checked).map(([f, [ok, n]]) => `${f}: ${ok}/${n}`).join(', '));
  for (const [field, [ok, n]] of Object.entries(checked)) {
    assert.ok(n > 0, `${field}: nothing compared`);
    assert.ok(ok / n >= (FLOORS[field] ?? 1), `${field}: only ${ok} of ${n} agree`);
  }
  for (const field of ['ja3c', 'ja3s', 'url', 'http_status', 'user_agent', 'info=dns query', 'info=tls sni']) {
    assert.ok(checked[field], `${field} never compared`);
  }
});
