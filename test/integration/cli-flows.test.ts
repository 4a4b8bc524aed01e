/**
 * `flowscript flows` as a user runs it: the built CLI in a child process, on real
 * captures and on broken files.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { sharedCapturePath } from '../support/shared-pcaps';

const tmp = mkdtempSync(join(tmpdir(), 'flowscript-cli-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

function jsonLines(stdout: string) {
  return stdout.trim().split('\n').map((line) => JSON.parse(line));
}

describe('flowscript flows --json', () => {
  test('prints one object per flow with the ground-truth field names, then the summary', () => {
    const { status, stdout, stderr } = runCli(['flows', sharedCapturePath('google_ssl.pcap'), '--json']);
    assert.equal(status, 0, stderr);
    const lines = jsonLines(stdout);
    assert.equal(lines.length, 2);
    const [flow, last] = lines;
    assert.deepEqual(
      { l4: flow.l4, ip_version: flow.ip_version, client: flow.client, server: flow.server, vlan: flow.vlan, c2s: { packets: flow.c2s.packets, bytes: flow.c2s.bytes }, s2c: { packets: flow.s2c.packets, bytes: flow.s2c.bytes } },
      { l4: 'TCP', ip_version: 4, client: { ip: '172.31.3.224', port: 42835 }, server: { ip: '216.58.212.100', port: 443 }, vlan: null, c2s: { packets: 16, bytes: 1512 }, s2c: { packets: 12, bytes: 7596 } },
    );
    assert.equal(flow.first_seen, 1434443394.683);
    assert.equal(flow.last_seen, 1434443401.353);
    assert.deepEqual(last, { summary: { packets: 28, decoded: 28, skipped: {}, flows: 1, capture_issues: 0, evicted: 0 } });
  });

  test('lists the nDPI risks of each flow by name ([] when none)', () => {
    const { status, stdout, stderr } = runCli(['flows', sharedCapturePath('rdp.pcap'), '--json']);
    assert.equal(status, 0, stderr);
    const flows = jsonLines(stdout).slice(0, -1);
    const rdp = flows.find((f) => f.proto === 'RDP');
    assert.deepEqual(rdp?.risks, ['Desktop/File Sharing Session']);
    assert.ok(flows.every((f) => Array.isArray(f.risks)));
  });

  test('the summary counts packets that are on no flow, by reason', () => {
    const { status, stdout } = runCli(['flows', sharedCapturePath('ajp.pcap'), '--json']);
    assert.equal(status, 0);
    const summary = jsonLines(stdout).at(-1).summary;
    assert.equal(summary.packets, 38);
    assert.equal(summary.decoded + Object.values<number>(summary.skipped).reduce((a, b) => a + b, 0), 38);
    assert.ok(summary.skipped['non-ip'] > 0);
  });
});

describe('flowscript flows --summary', () => {
  test('prints only the summary line, with the same counts as --json', () => {
    const capture = sharedCapturePath('dns_fragmented.pcap');
    const summary = runCli(['flows', capture, '--summary']);
    assert.equal(summary.status, 0);
    const lines = jsonLines(summary.stdout);
    assert.equal(lines.length, 1);
    assert.deepEqual(lines[0], jsonLines(runCli(['flows', capture, '--json']).stdout).at(-1));
    assert.equal(lines[0].summary.flows, 21);
  });
});

describe('flowscript flows (table)', () => {
  test('prints a readable table and a one-line summary', () => {
    const { status, stdout } = runCli(['flows', sharedCapturePath('dns_fragmented.pcap')]);
    assert.equal(status, 0);
    const [header] = stdout.split('\n');
    assert.match(header, /^\s*#\s+L4\s+Client\s+Server/);
    assert.match(stdout, /\[2001:470:1f0b:16b0::a26:53\]:53/);
    assert.match(stdout, /66 packets, 66 on 21 flows/);
    assert.match(header, /Host\s+Risks\s*$/);
    assert.match(stdout, /DNS Packet Larger Than 512 bytes, Fragmented DNS Message/);
  });
});

describe('flowscript flows on bad input', () => {
  test('a missing file is one clear line, exit 2', () => {
    const { status, stdout, stderr } = runCli(['flows', join(tmp, 'nope.pcap')]);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /nope\.pcap: no such file/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  test('a file that is not a capture names the file and what is wrong, exit 1', () => {
    const path = join(tmp, 'notes.pcap');
    writeFileSync(path, 'these are my notes, not packets\n');
    const { status, stderr } = runCli(['flows', path]);
    assert.equal(status, 1);
    assert.match(stderr, /notes\.pcap: byte 0/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  test('an empty file is reported, exit 1', () => {
    const path = join(tmp, 'empty.pcap');
    writeFileSync(path, '');
    const { status, stderr } = runCli(['flows', path]);
    assert.equal(status, 1);
    assert.match(stderr, /empty\.pcap/);
  });

  test('a capture cut in the middle keeps every packet before the cut and exits 0', () => {
    const whole = readFileSync(sharedCapturePath('smtp.pcap'));
    const path = join(tmp, 'cut.pcap');
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const { status, stdout, stderr } = runCli(['flows', path, '--json']);
    assert.equal(status, 0);
    const summary = jsonLines(stdout).at(-1).summary;
    assert.ok(summary.packets > 10 && summary.packets < 95, `kept ${summary.packets} packets`);
    assert.equal(summary.capture_issues, 1);
    assert.match(stderr, /cut\.pcap: byte \d+ \(packet \d+\): /);
  });

  test('unknown options and commands are explained, not thrown', () => {
    const bad = runCli(['flows', sharedCapturePath('smtp.pcap'), '--frobnicate']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /frobnicate/);
    const unknown = runCli(['fly']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "fly"/);
    const accounting = runCli(['flows', sharedCapturePath('smtp.pcap'), '--accounting', 'magic']);
    assert.equal(accounting.status, 2);
    assert.match(accounting.stderr, /--accounting must be one of ntopng, ndpireader/);
  });
});
