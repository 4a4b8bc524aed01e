/**
 * The Lua worker sandbox (engine/scripts/vm/sandbox-host.ts): what the count hook cannot stop —
 * a backtracking pattern match and a memory bomb — is stopped by the host, and a fresh worker goes on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LuaSandbox, type LuaFunctionRef, type LuaValue } from '../../engine/scripts/vm';

function fields(v: LuaValue): { [k: string]: LuaValue } {
  assert.ok(v !== null && typeof v === 'object' && v.kind === 'table', `expected a table, got ${JSON.stringify(v)}`);
  return v.fields;
}
function fn(v: LuaValue | undefined): LuaFunctionRef {
  assert.ok(v !== null && v !== undefined && typeof v === 'object' && v.kind === 'function');
  return v;
}

const SCRIPT = [
  'return {',
  '  protocolDetected = function(x) print("got", x) return x * 2 end,',
  "  statusChanged = function() return string.find(string.rep('a', 30)..'b', string.rep('a*', 20)..'c') end,",
  "  flowEnd = function() local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end end,",
  '  periodicUpdate = function() while true do end end,',
  '}',
].join('\n');

test('a call runs in the worker with its output; a runaway pattern match is stopped by the deadline and a fresh worker continues', async () => {
  const sandbox = await LuaSandbox.start({ instructionBudget: 1_000_000, deadlineMs: 1000 });
  try {
    const loaded = await sandbox.loadScript(SCRIPT, 'checks/runaway.lua');
    assert.ok(loaded.ok);
    const hooks = fields(loaded.value);
    const ok = await sandbox.call(fn(hooks.protocolDetected), [21], { script: 'checks/runaway.lua', hook: 'protocolDetected' });
    assert.deepEqual(ok, { ok: true, value: [42], output: [{ kind: 'print', text: 'got\t21', file: 'checks/runaway.lua', line: 2 }] });

    // the instruction budget still works inside the worker, and the worker survives it
    const loop = await sandbox.call(fn(hooks.periodicUpdate), [], { script: 'checks/runaway.lua', hook: 'periodicUpdate' });
    assert.ok(!loop.ok && loop.error.kind === 'budget' && loop.error.line === 5);

    const started = Date.now();
    const stuck = await sandbox.call(fn(hooks.statusChanged), [], { script: 'checks/runaway.lua', hook: 'statusChanged' });
    const took = Date.now() - started;
    assert.ok(!stuck.ok);
    assert.equal(stuck.error.kind, 'deadline');
    assert.equal(stuck.error.message, 'script checks/runaway.lua: call to hook statusChanged took more than 1 s; stopped');
    assert.ok(took >= 1000, `stopped after ${took} ms, before its 1 s deadline`);
    assert.ok(sandbox.stopped);

    const after = await sandbox.call(fn(hooks.protocolDetected), [1], { script: 'checks/runaway.lua', hook: 'protocolDetected' });
    assert.ok(!after.ok && after.error.kind === 'worker' && /restart it to go on/.test(after.error.message));

    await sandbox.restart();
    assert.equal(sandbox.generation, 2);
    const stale = await sandbox.call(fn(hooks.protocolDetected), [1], { script: 'checks/runaway.lua', hook: 'protocolDetected' });
    assert.ok(!stale.ok && /stale function reference/.test(stale.error.message), 'references of the old worker are refused');
    const again = await sandbox.loadScript(SCRIPT, 'checks/runaway.lua');
    assert.ok(again.ok);
    const fresh = await sandbox.call(fn(fields(again.value).protocolDetected), [5], { script: 'checks/runaway.lua', hook: 'protocolDetected' });
    assert.ok(fresh.ok && fresh.value[0] === 10);
  } finally {
    await sandbox.close();
  }
});

test('a memory bomb is contained by the worker heap cap; the host process and a fresh worker go on', async () => {
  const sandbox = await LuaSandbox.start({ instructionBudget: 2e9, deadlineMs: 20_000, maxOldGenerationSizeMb: 32 });
  try {
    const loaded = await sandbox.loadScript(SCRIPT, 'checks/bomb.lua');
    assert.ok(loaded.ok);
    const r = await sandbox.call(fn(fields(loaded.value).flowEnd), [], { script: 'checks/bomb.lua', hook: 'flowEnd' });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'memory');
    assert.equal(r.error.message, 'script checks/bomb.lua: call to hook flowEnd ran out of memory (limit 32 MB); stopped');
    await sandbox.restart();
    const ok = await sandbox.loadScript('return 1 + 2', 'checks/after.lua');
    assert.deepEqual(ok, { ok: true, value: 3, output: [] });
  } finally {
    await sandbox.close();
  }
});

test('the brief\'s memory bomb under the default deadline: stopped either way, never the host', async () => {
  const sandbox = await LuaSandbox.start({ instructionBudget: 2e9, deadlineMs: 1500, maxOldGenerationSizeMb: 32 });
  try {
    const r = await sandbox.loadScript("local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 100) end", 'checks/bomb2.lua');
    assert.ok(!r.ok);
    assert.ok(r.error.kind === 'memory' || r.error.kind === 'deadline', r.error.kind);
    assert.match(r.error.message, /^script checks\/bomb2\.lua: loading (ran out of memory|took more than 1\.5 s)/);
  } finally {
    await sandbox.close();
  }
});
