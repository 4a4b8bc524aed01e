/**
 * `flowscript run` end to end: the documentation's example over the sample capture prints
 * "From China" for exactly the flows with a Chinese peer, and broken scripts become error hits
 * with file and line while the run goes on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptureFile } from '../../engine/run';
import type { Hit } from '../../engine/hits';
import { runCli } from '../support/run-cli';

const SAMPLE = 'samples/suspicious_countries.lua';
const CAPTURE = 'samples/captures/mixed.pcap';
const CHINESE = new Set(['1.2.4.8', '114.114.114.114']);

function parse(stdout: string): { hits: Hit[]; summary: any } {
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
  const last = lines.pop();
  assert.ok(last.summary, 'the last line is the summary');
  return { hits: lines as Hit[], summary: last.summary };
}

test('the documentation sample prints "From China" for exactly the flows with a Chinese peer', async () => {
  const r = runCli(['run', SAMPLE, CAPTURE, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const { hits, summary } = parse(r.stdout);

  // Every flow of the capture with a Chinese peer, from the engine itself.
  const chinese: string[] = [];
  await runCaptureFile(CAPTURE, {
    observer: {
      flowEnded: (f) => {
        if (CHINESE.has(f.clientIp) || CHINESE.has(f.serverIp)) chinese.push(`${f.l4Proto === 6 ? 'TCP' : 'UDP'} ${f.clientIp}:${f.clientPort} -> ${f.serverIp}:${f.serverPort}`);
      },
    },
  });
  assert.deepEqual(chinese.sort(), ['TCP 192.168.1.23:52010 -> 1.2.4.8:443', 'UDP 192.168.1.23:52000 -> 114.114.114.114:53']);

  assert.deepEqual(
    hits.map((h) => `${h.flow!.l4} ${h.flow!.client}:${h.flow!.clientPort} -> ${h.flow!.server}:${h.flow!.serverPort}`).sort(),
    chinese.sort(),
  );
  for (const h of hits) {
    assert.equal(h.kind, 'print');
    assert.equal(h.script, 'suspicious_countries');
    assert.equal(h.hook, 'protocolDetected');
    assert.equal(h.file, SAMPLE);
    assert.equal(h.line, 22, 'the tprint line of the documented script');
    // ntopng's tprint of a string writes " string <value>".
    assert.equal(h.message, ' string From China');
    assert.equal(h.flow!.countries.server, 'CN');
    assert.equal(typeof h.time, 'number');
  }
  assert.equal(summary.flows, 10);
  assert.deepEqual(summary.scripts, ['suspicious_countries']);
  assert.equal(summary.hook_calls.suspicious_countries.protocolDetected.calls, 10);
  assert.deepEqual(summary.hits, { print: 2, status: 0, alert: 0, score: 0, error: 0, stats: 0 });
  assert.equal(summary.errors, 0);
});

test('a hit carries the flow counters as they were when it happened', async () => {
  const r = runCli(['run', SAMPLE, CAPTURE, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const { hits } = parse(r.stdout);
  const final = new Map<number, { packets: number; bytes: number; firstSeen: number }>();
  await runCaptureFile(CAPTURE, {
    observer: { flowEnded: (f) => final.set(f.clientPort, { packets: f.packets, bytes: f.bytes, firstSeen: f.firstSeen }) },
  });
  assert.equal(hits.length, 2);
  for (const h of hits) {
    const c = h.flow!.counters!;
    const end = final.get(h.flow!.clientPort)!;
    assert.ok(c.packets[0] >= 1, 'the client has sent the packet that was detected');
    assert.ok(c.packets[0] + c.packets[1] <= end.packets, 'no more packets than the flow had at its end');
    assert.ok(c.bytes[0] + c.bytes[1] <= end.bytes && c.bytes[0] > 0);
    assert.equal(c.firstSeen, end.firstSeen);
    // Hooks run on the scheduler's walks (docs/hooks.md), at or after the latest packet.
    assert.ok(c.lastSeen >= c.firstSeen && c.lastSeen <= h.time!, `${c.lastSeen} within the flow and before the hook at ${h.time}`);
  }
});

test('the text output shows the same two hits, then a summary', () => {
  const r = runCli(['run', SAMPLE, CAPTURE]);
  assert.equal(r.status, 0, r.stderr);
  const hitLines = r.stdout.split('\n').filter((l) => l.startsWith('print'));
  assert.equal(hitLines.length, 2);
  for (const l of hitLines) assert.match(l, /samples\/suspicious_countries\.lua:22 {2}protocolDetected .*(1\.2\.4\.8|114\.114\.114\.114).*From China$/);
  assert.match(r.stdout, /10 flows/);
  assert.match(r.stdout, /hits: 2 print; errors: 0/);
});

test('broken scripts give error hits with file and line, and the run finishes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-run-'));
  const write = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };
  const syntax = write('syntax_error.lua', ['local s = {hooks = {}}', 'function s.hooks.protocolDetected(', '  x = = 1', 'end', 'return s']);
  const hookError = write('hook_error.lua', ['local s = {hooks = {}}', 'function s.hooks.protocolDetected(now)', '  local t = nil', '  return t.field', 'end', 'return s']);
  const forever = write('forever.lua', ['local s = {l4_proto = "icmp", hooks = {}}', 'function s.hooks.protocolDetected(now)', '  local n = 0', '  while true do', '    n = n + 1', '  end', 'end', 'return s']);
  const noTable = write('no_table.lua', ['local s = {hooks = {}}', 'function s.hooks.flowEnd() end', '-- forgot to return s', '']);
  // hook_error last: as in ntopng, an error aborts the rest of its flow's dispatch (checked below)
  const r = runCli(['run', syntax, forever, noTable, SAMPLE, hookError, CAPTURE, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const { hits, summary } = parse(r.stdout);
  const errors = hits.filter((h) => h.kind === 'error');

  const of = (file: string) => errors.filter((h) => h.file === file);
  const s = of(syntax);
  assert.equal(s.length, 1);
  assert.equal(s[0].line, 3);
  assert.equal(s[0].script, 'syntax_error');
  assert.match(s[0].message, /^syntax error: /);

  const h = of(hookError);
  assert.equal(h.length, 9, 'one error per protocolDetected call (but the ICMP one, aborted by forever.lua), the run goes on');
  for (const e of h) {
    assert.equal(e.line, 4);
    assert.equal(e.hook, 'protocolDetected');
    assert.match(e.message, /attempt to index a nil value/);
    assert.ok(e.flow);
  }

  const f = of(forever);
  assert.equal(f.length, 1, 'the only ICMP flow');
  assert.ok(f[0].line === 4 || f[0].line === 5, `loop line, got ${f[0].line}`);
  assert.match(f[0].message, /instruction budget/);
  assert.equal((f[0].data as { error: string }).error, 'budget');

  const n = of(noTable);
  assert.equal(n.length, 1);
  assert.equal(n[0].line, 3);
  assert.match(n[0].message, /must return a table with hooks/);

  assert.equal(errors.length, 12, errors.map((e) => e.message).join('\n'));
  // The good script still ran on every flow.
  const prints = hits.filter((x) => x.kind === 'print');
  assert.equal(prints.length, 2);
  assert.ok(prints.every((p) => p.message === ' string From China'));
  assert.deepEqual(summary.scripts, ['forever', 'suspicious_countries', 'hook_error']);
  assert.equal(summary.errors, 12);

  // hook_error first: its error skips the scripts after it in each dispatch, and says so.
  const first = parse(runCli(['run', hookError, SAMPLE, CAPTURE, '--json']).stdout);
  assert.equal(first.hits.filter((x) => x.kind === 'print').length, 0);
  const skipped = first.hits.filter((x) => x.kind === 'error');
  assert.equal(skipped.length, 10);
  for (const e of skipped) assert.deepEqual((e.data as { skipped: string[] }).skipped, ['suspicious_countries']);
});

test('missing scripts and captures are one-line errors', () => {
  const a = runCli(['run', 'no/such/script.lua', CAPTURE]);
  assert.equal(a.status, 2);
  assert.equal(a.stderr, 'flowscript: no/such/script.lua: no such script file\n');
  const b = runCli(['run', SAMPLE, 'no/such.pcap']);
  assert.equal(b.status, 2);
  assert.equal(b.stderr, 'flowscript: no/such.pcap: no such capture file\n');
  const c = runCli(['run', SAMPLE]);
  assert.equal(c.status, 2);
  assert.match(c.stderr, /^flowscript: run takes one or more scripts, then a capture file\n/);
  const d = runCli(['run', SAMPLE, CAPTURE, '--profile', '5.0']);
  assert.equal(d.status, 2);
  assert.match(d.stderr, /--profile must be one of 2019\.11, 4\.0, 4\.2/);
});

test('profile 4.0 calls hooks with (now, script_conf) and binds getClientCountry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-run-'));
  const path = join(dir, 'country40.lua');
  writeFileSync(path, [
    'local s = {hooks = {}, default_value = {limit = 3}}',
    'function s.hooks.protocolDetected(now, conf)',
    '  if flow.getServerCountry() == "CN" then print(math.type(now), conf.limit) end',
    'end',
    'return s',
  ].join('\n'));
  const r = runCli(['run', path, CAPTURE, '--json', '--profile', '4.0']);
  assert.equal(r.status, 0, r.stderr);
  const { hits } = parse(r.stdout);
  assert.deepEqual(hits.map((h) => [h.kind, h.line, h.message]), [['print', 3, 'integer\t3'], ['print', 3, 'integer\t3']]);
});

test('--blacklist: flow.isBlacklisted and getBlacklistedInfo answer from the file; a bad line is a one-line error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-run-'));
  const list = join(dir, 'blacklist.txt');
  writeFileSync(list, '# threat list\n1.2.4.8\n203.0.113.0/24  # documentation range\n');
  const script = join(dir, 'listed.lua');
  writeFileSync(script, [
    'local s = {hooks = {}}',
    'function s.hooks.protocolDetected(now)',
    '  if flow.isBlacklisted() then tprint(flow.getBlacklistedInfo()) end',
    'end',
    'return s',
  ].join('\n'));
  const r = runCli(['run', script, CAPTURE, '--json', '--blacklist', list]);
  assert.equal(r.status, 0, r.stderr);
  const { hits } = parse(r.stdout);
  assert.deepEqual(hits.map((h) => [h.flow!.server, h.message]), [['1.2.4.8', ' table\nblacklisted.srv boolean true']]);
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, '1.2.4.8\nnot-an-address\n');
  const b = runCli(['run', script, CAPTURE, '--blacklist', bad]);
  assert.equal(b.status, 2);
  assert.equal(b.stderr, `flowscript: ${bad}:2: "not-an-address" is not an address or a network (1.2.3.4, 10.0.0.0/8, 2001:db8::/32)\n`);
});

test('--wallclock walks on the wall clock as ntopng does on a pcap: a capture read in under 5 s gets no periodicUpdate, every flow still gets protocolDetected', () => {
  const long = 'samples/captures/long-lived.pcap';
  const onPacketTime = parse(runCli(['run', 'samples/long_flow_periodic.lua', long, '--json']).stdout);
  assert.ok(onPacketTime.summary.hook_calls.long_flow_periodic.periodicUpdate.calls > 0);
  const wall = runCli(['run', 'samples/long_flow_periodic.lua', long, '--json', '--wallclock']);
  assert.equal(wall.status, 0, wall.stderr);
  const onWallClock = parse(wall.stdout);
  assert.deepEqual(onWallClock.summary.hook_calls, {});
  assert.equal(onWallClock.hits.length, 0);
  // the documentation sample detects at the walk that ends the capture: same "From China" hits
  const sample = parse(runCli(['run', SAMPLE, CAPTURE, '--json', '--wallclock']).stdout);
  const reference = parse(runCli(['run', SAMPLE, CAPTURE, '--json']).stdout);
  assert.deepEqual(sample.hits.map((h) => [h.message, h.flow?.server]).sort(), reference.hits.map((h) => [h.message, h.flow?.server]).sort());
  assert.ok(sample.hits.length > 0);
  const live = runCli(['run', SAMPLE, '--interface', 'lo', '--wallclock']);
  assert.equal(live.status, 2);
  assert.match(live.stderr, /--wallclock is for captures read from a file/);
});
