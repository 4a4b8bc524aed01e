/**
 * `flowscript run --interface` and `flowscript interfaces` as a user runs them, with the real
 * tcpdump on loopback (CI runs as root): Ctrl+C stops cleanly with the summary and leaves no
 * tcpdump behind; a refused capture (tcpdump run by an unprivileged user), a missing interface
 * and a bad filter each give one message saying what to do, never a stack trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CLI, runCli } from '../support/run-cli';
import { dnsClient, processExists, startDnsResponder, waitFor } from '../live/loopback-traffic';

const WATCH = resolve(__dirname, '..', 'live', 'fixtures', 'live_watch.lua');

test('Ctrl+C stops a live run cleanly: flowEnd for open flows, the summary, no tcpdump left', async () => {
  const dns = await startDnsResponder();
  const client = await dnsClient(dns.port);
  const child = spawn(process.execPath, [CLI, 'run', WATCH, '--interface', 'lo', '--filter', `udp port ${client.port}`, '--periodic-seconds', '1'], {
    env: { ...process.env, FLOWSCRIPT_NO_PROGRESS: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  try {
    const pid = Number(await waitFor('the capture to start', () => /capturing on lo with tcpdump \(pid (\d+)\)/.exec(stderr)?.[1]));
    assert.ok(processExists(pid));
    await client.query('cli-test.example');
    await waitFor('the protocolDetected hit on stdout', () => /protocolDetected .* detected DNS/.test(stdout));
    child.kill('SIGINT');
    assert.equal(await exited, 0, stderr);
    assert.match(stdout, /flowEnd .* end DNS 127\.0\.0\.1:\d+ -> 127\.0\.0\.1:53/);
    assert.match(stdout, /^\d+ packets, 1 flows; profile 2019\.11; 1 script\(s\) running: live_watch$/m);
    assert.match(stdout, /^capture: tcpdump on lo, stopped by stop: \d+ packets received by the filter, 0 dropped by the kernel$/m);
    assert.match(stderr, /stopping the capture/);
    assert.equal(processExists(pid), false, 'tcpdump is gone');
  } finally {
    child.kill('SIGKILL');
    client.close();
    await dns.close();
  }
});

test('a capture tcpdump may not make says why and gives the setcap command, without a stack trace', () => {
  // The real tcpdump, run by the unprivileged user "nobody" (through a copy of the CLI it can read).
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-live-perm-'));
  try {
    chmodSync(dir, 0o755);
    cpSync(dirname(CLI), join(dir, 'dist'), { recursive: true });
    const geo = dirname(require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/package.json'));
    cpSync(geo, join(dir, 'node_modules', '@ip-location-db', 'geo-whois-asn-country-mmdb'), { recursive: true });
    cpSync(WATCH, join(dir, 'live_watch.lua'));
    const tcpdump = spawnSync('sh', ['-c', 'command -v tcpdump'], { encoding: 'utf8' }).stdout.trim();
    const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, join(dir, 'dist', 'cli.js'), 'run', 'live_watch.lua', '--interface', 'lo'], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, FLOWSCRIPT_NO_PROGRESS: '1' },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr,
      'flowscript: tcpdump may not capture on lo: user nobody is not root and ' + tcpdump + ' has no capture capabilities ' +
      '(tcpdump said: "lo: You don\'t have permission to perform this capture on that device").\n' +
      'Allow it once, as an administrator:\n' +
      `  sudo setcap cap_net_raw,cap_net_admin=eip ${tcpdump}\n` +
      'or run flowscript as root.\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing interface, a bad filter and a missing tool are one message each', () => {
  const noIf = runCli(['run', WATCH, '--interface', 'nosuch0']);
  assert.equal(noIf.status, 1);
  assert.match(noIf.stderr, /^flowscript: nosuch0: no such interface for tcpdump \(tcpdump said: "nosuch0: No such device exists"\)\. Interfaces here: .*\blo\b.*\n$/);
  const badFilter = runCli(['run', WATCH, '--interface', 'lo', '--filter', 'port nosuchservice']);
  assert.equal(badFilter.status, 1);
  assert.equal(badFilter.stderr, 'flowscript: capture filter "port nosuchservice" rejected by tcpdump: unknown port \'nosuchservice\'\n');
  const noTool = runCli(['run', WATCH, '--interface', 'lo', '--capture-tool-path', '/nonexistent/tcpdump']);
  assert.equal(noTool.status, 1);
  assert.match(noTool.stderr, /^flowscript: \/nonexistent\/tcpdump: no such executable\. Point the capture tool path/);
  const noIfOption = runCli(['run', WATCH, 'capture.pcap', '--filter', 'udp']);
  assert.equal(noIfOption.status, 2);
  assert.equal(noIfOption.stderr, 'flowscript: --filter needs --interface (it is an option of live capture)\n');
  for (const r of [noIf, badFilter, noTool, noIfOption]) assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('flowscript interfaces lists what tcpdump and dumpcap can open, with descriptions', () => {
  const text = runCli(['interfaces']);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^lo\s+\[Up, Running, Loopback\]$/m);
  assert.match(text.stdout, /^any\s+Pseudo-device that captures on all interfaces\s+\[Up, Running\]$/m);
  const json = runCli(['interfaces', '--json', '--capture-tool', 'dumpcap']);
  assert.equal(json.status, 0, json.stderr);
  const list = JSON.parse(json.stdout) as Array<{ name: string; description?: string }>;
  assert.deepEqual(list.find((i) => i.name === 'lo'), { index: list.findIndex((i) => i.name === 'lo') + 1, name: 'lo', description: 'Loopback', flags: [] });
});
