/**
 * Every sample script, run on the capture its first lines name, gives exactly the hits listed
 * here (kind, line, hook, flow, message). The samples are what users write; the captures come
 * from the project's own writer (npm run samples).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GeoDatabase } from '../../engine/geo';
import { runScripts } from '../../engine/scripts/runner';

const SAMPLES = resolve(__dirname, '..', '..', 'samples');
const geo = new GeoDatabase();

const EXPECTED: Record<string, string[]> = {
  'blacklist_score.lua': [
      'score 20 protocolDetected 192.168.1.10:42003->185.220.101.1:443 score flow 100, client 0, server 0',
      'score 21 protocolDetected 192.168.1.10:42003->185.220.101.1:443 score flow 100, client 50, server 0',
      'status 22 protocolDetected 192.168.1.10:42003->185.220.101.1:443 set status_blacklisted (13)',
      'print 24 protocolDetected 192.168.1.10:42003->185.220.101.1:443 blacklisted server 185.220.101.1 (tor exit node)',
      'alert 22 protocolDetected 192.168.1.10:42003->185.220.101.1:443 alert status_blacklisted (13), alert type 7, severity 2'
  ],
  'dns_invalid_query.lua': [
      'status 19 protocolDetected 192.168.1.23:40003->8.8.8.8:53 set status_dns_invalid_query (11)',
      'print 20 protocolDetected 192.168.1.23:40003->8.8.8.8:53 invalid DNS query: update_20check.example.com',
      'alert 19 protocolDetected 192.168.1.23:40003->8.8.8.8:53 alert status_dns_invalid_query (11), alert type 3, severity 2'
  ],
  'http_login_post.lua': [
      'print 16 flowEnd 192.168.1.10:40009->93.184.215.14:80 clear-text login: POST intranet.example.com/login on intranet.example.com'
  ],
  'long_flow_periodic.lua': [
      'print 14 periodicUpdate 192.168.1.10:41001->85.214.0.1:22 [TCP] 192.168.1.10:41001 -> 85.214.0.1:22 [SSH]: 80 s, 871 bytes sent, 1263 received',
      'print 14 periodicUpdate 192.168.1.10:41001->85.214.0.1:22 [TCP] 192.168.1.10:41001 -> 85.214.0.1:22 [SSH]: 140 s, 1339 bytes sent, 2067 received',
      'print 14 periodicUpdate 192.168.1.10:41001->85.214.0.1:22 [TCP] 192.168.1.10:41001 -> 85.214.0.1:22 [SSH]: 200 s, 1807 bytes sent, 2871 received',
      'print 14 periodicUpdate 192.168.1.10:41001->85.214.0.1:22 [TCP] 192.168.1.10:41001 -> 85.214.0.1:22 [SSH]: 260 s, 2275 bytes sent, 3675 received',
      'print 14 periodicUpdate 192.168.1.10:41001->85.214.0.1:22 [TCP] 192.168.1.10:41001 -> 85.214.0.1:22 [SSH]: 320 s, 2743 bytes sent, 4479 received'
  ],
  'old_tls_alert.lua': [
      'status 17 protocolDetected 192.168.1.10:40006->198.51.100.80:443 set status_tls_old_protocol_version (25)',
      'alert 17 protocolDetected 192.168.1.10:40006->198.51.100.80:443 alert status_tls_old_protocol_version (25), alert type 43, severity 2'
  ],
  'quic_services.lua': [
      'print 13 protocolDetected 192.168.1.23:40008->142.250.180.14:443 QUIC to 142.250.180.14 (QUIC.YouTube, category Media)'
  ],
  'remote_to_remote.lua': [
      'status 13 protocolDetected 203.0.113.5:42001->198.51.100.7:80 set status_remote_to_remote (12)',
      'print 14 protocolDetected 203.0.113.5:42001->198.51.100.7:80 remote to remote: [TCP] 203.0.113.5:42001 -> 198.51.100.7:80 [HTTP]',
      'status 13 protocolDetected 203.0.113.9:42002->198.51.100.53:53 set status_remote_to_remote (12)',
      'print 14 protocolDetected 203.0.113.9:42002->198.51.100.53:53 remote to remote: [UDP] 203.0.113.9:42002 -> 198.51.100.53:53 [DNS]'
  ],
  'status_changes.lua': [
      'status 13 protocolDetected 192.168.1.10:41003->85.214.0.3:8080 set status_tcp_connection_refused (9)',
      'print 20 statusChanged 192.168.1.10:41003->85.214.0.3:8080 statuses now 512, predominant status_tcp_connection_refused'
  ],
  'suspicious_countries.lua': [
      'print 22 protocolDetected 192.168.1.23:52000->114.114.114.114:53  string From China',
      'print 22 protocolDetected 192.168.1.23:52010->1.2.4.8:443  string From China'
  ],
  'tls_sni_watch.lua': [
      'print 21 protocolDetected 192.168.1.23:40005->203.0.113.66:443 look-alike TLS server name: secure-paypa1.com'
  ],
  'udp_one_way.lua': [
      'status 16 protocolDetected 192.168.1.10:41002->85.214.0.2:514 set status_udp_unidirectional (28)'
  ],
  'unanswered_tcp.lua': [
      'print 13 flowEnd 192.168.1.10:41003->85.214.0.3:8080 no TCP handshake: 192.168.1.10:41003 -> 85.214.0.3:8080 (1 packets answered)'
  ],
};

/** The capture a sample names in its first lines (`-- flowscript: capture=captures/x.pcap`). */
function captureOf(source: string): string | undefined {
  const head = source.split('\n').slice(0, 5).join('\n');
  return /^-- flowscript: capture=(\S+)/m.exec(head)?.[1];
}

test('every sample names its capture in its first lines, and the capture exists', () => {
  for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.lua'))) {
    const source = readFileSync(join(SAMPLES, name), 'utf8');
    const capture = name === 'suspicious_countries.lua' ? 'captures/mixed.pcap' : captureOf(source);
    assert.ok(capture, `${name} has no "-- flowscript: capture=" line`);
    assert.ok(readFileSync(join(SAMPLES, capture)).length > 24, `${name}: ${capture}`);
  }
  assert.deepEqual(readdirSync(SAMPLES).filter((f) => f.endsWith('.lua')).sort(), Object.keys(EXPECTED).sort());
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`sample ${name} gives exactly its hits`, async () => {
    const source = readFileSync(join(SAMPLES, name), 'utf8');
    const capture = join(SAMPLES, captureOf(source) ?? 'captures/mixed.pcap');
    const hits: string[] = [];
    const { stats } = await runScripts({
      scripts: [join(SAMPLES, name)], capture, geo,
      onHit: (h) => hits.push(`${h.kind} ${h.line} ${h.hook} ${h.flow ? `${h.flow.client}:${h.flow.clientPort}->${h.flow.server}:${h.flow.serverPort}` : '-'} ${h.message}`),
    });
    assert.deepEqual(hits, expected);
    assert.equal(stats.hits.error, 0);
  });
}
