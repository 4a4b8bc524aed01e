/**
 * What the Lua VM cannot stop by itself: a runaway pattern match (no VM instructions run, so the
 * instruction budget never fires) is stopped by the isolated run's deadline, becomes an error
 * hit naming its line, and the run goes on; string.rep cannot build huge strings; the sandbox
 * has no way out to the host.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeoDatabase } from '../../engine/geo';
import type { Hit } from '../../engine/hits';
import { runScripts } from '../../engine/scripts/runner';

const CAPTURE = 'samples/captures/mixed.pcap';
const geo = new GeoDatabase();

function scriptFile(name: string, lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-safety-'));
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

test('a runaway pattern match is stopped at its deadline, named by line, and the run goes on', async () => {
  const runaway = scriptFile('runaway.lua', [
    'local s = { l4_proto = "icmp", hooks = {} }',
    'function s.hooks.protocolDetected(now)',
    '  local subject = string.rep("a", 40) .. "b"',
    '  return string.find(subject, string.rep("a*", 20) .. "c")',
    'end',
    'return s',
  ]);
  const hits: Hit[] = [];
  const { summary, stats } = await runScripts({
    scripts: [runaway, 'samples/suspicious_countries.lua'], capture: CAPTURE, geo, hookDeadlineMs: 800,
    onHit: (h) => hits.push(h),
  });
  const errors = hits.filter((h) => h.kind === 'error');
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0]!.file, runaway);
  assert.equal(errors[0]!.line, 4);
  assert.equal(errors[0]!.hook, 'protocolDetected');
  assert.equal(errors[0]!.flow!.l4, 'ICMP');
  assert.equal((errors[0]!.data as { error: string }).error, 'deadline');
  assert.match(errors[0]!.message, /took more than 0\.8 s/);
  // the other script still ran on every flow, each print delivered once
  assert.deepEqual(hits.filter((h) => h.kind === 'print').map((h) => h.flow!.server).sort(), ['1.2.4.8', '114.114.114.114']);
  assert.equal(summary.flows, 10);
  assert.equal(stats.hits.error, 1);
  assert.equal(stats.hits.print, 2);
});

test('a script that eats memory is stopped by the worker heap limit; the error names it and the run goes on', async () => {
  const hog = scriptFile('hog.lua', [
    'local s = { l4_proto = "icmp", hooks = {} }',
    'local keep = {}',
    'function s.hooks.protocolDetected(now)',
    '  for i = 1, 1e8 do keep[#keep + 1] = { i, tostring(i) } end',
    'end',
    'return s',
  ]);
  const hits: Hit[] = [];
  const { summary } = await runScripts({
    scripts: [hog, 'samples/suspicious_countries.lua'], capture: CAPTURE, geo, memoryLimitMb: 96, instructionBudget: 2e9, hookDeadlineMs: 60_000,
    onHit: (h) => hits.push(h),
  });
  const errors = hits.filter((h) => h.kind === 'error');
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal((errors[0]!.data as { error: string }).error, 'memory');
  assert.equal(errors[0]!.file, hog);
  assert.equal(errors[0]!.line, 4);
  assert.match(errors[0]!.message, /ran out of memory/);
  assert.equal(hits.filter((h) => h.kind === 'print').length, 2);
  assert.equal(summary.flows, 10);
});

test('string.rep refuses huge results, and the sandbox has no os.execute, io.popen, os.exit or file writes', async () => {
  const marker = join(tmpdir(), `flowscript-escape-${process.pid}`);
  const probe = scriptFile('probe.lua', [
    'local s = { l4_proto = "icmp", hooks = {} }',
    'function s.hooks.protocolDetected(now)',
    '  print(type(os.execute), type(io.popen), type(os.exit), type(io.open), type(os.remove), type(loadfile), type(dofile))',
    `  print(pcall(require, "../../../etc/passwd"))`,
    '  local ok, err = pcall(string.rep, "x", 1e9)',
    '  print(ok, err)',
    'end',
    'return s',
  ]);
  const hits: Hit[] = [];
  await runScripts({ scripts: [probe], capture: CAPTURE, geo, onHit: (h) => hits.push(h) });
  const prints = hits.filter((h) => h.kind === 'print').map((h) => h.message);
  assert.equal(prints[0], 'nil\tnil\tnil\tnil\tnil\tnil\tnil');
  assert.match(prints[1]!, /^false\t/);
  assert.match(prints[2]!, /^false\t.*resulting string too large/);
  assert.ok(!existsSync(marker));
});
