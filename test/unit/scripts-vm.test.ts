/**
 * The Lua VM layer (engine/scripts/vm) in the current thread: loading, errors mapped to file and
 * line, the sandboxed standard library, require, natives, the instruction budget and counters
 * beyond fengari's 32-bit integers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LuaVm, ModuleRegistry, multiple,
  type LuaFunctionRef, type LuaTableValue, type LuaValue, type LuaVmOptions, type OutputEvent,
} from '../../engine/scripts/vm';

function makeVm(extra: Partial<LuaVmOptions> = {}): { vm: LuaVm; output: OutputEvent[] } {
  const output: OutputEvent[] = [];
  const vm = LuaVm.create({ instructionBudget: 1_000_000, onOutput: (e) => output.push(e), ...extra });
  return { vm, output };
}

function load(vm: LuaVm, source: string, chunk = 'checks/test.lua'): LuaValue {
  const r = vm.loadScript(source, chunk);
  if (!r.ok) assert.fail(`unexpected error: ${r.error.message}`);
  return r.value;
}

function table(v: LuaValue): LuaTableValue {
  assert.ok(v !== null && typeof v === 'object' && v.kind === 'table', `expected a table, got ${JSON.stringify(v)}`);
  return v;
}

function fn(v: LuaValue | undefined): LuaFunctionRef {
  assert.ok(v !== null && v !== undefined && typeof v === 'object' && v.kind === 'function', `expected a function, got ${JSON.stringify(v)}`);
  return v;
}

test('a script returning a table of hooks: fields, sequence, function refs with their lines, calls with arguments', () => {
  const { vm } = makeVm();
  const t = table(load(vm, [
    'local script = { key = "my_check", default_enabled = true, list = {"a", "b"}, n = 2.5 }',
    'function script.protocolDetected(now, info)',
    '  return now + 1, info.name .. "!", nil, #info.items',
    'end',
    'return script',
  ].join('\n')));
  assert.equal(t.fields.key, 'my_check');
  assert.equal(t.fields.default_enabled, true);
  assert.equal(t.fields.n, 2.5);
  assert.deepEqual(table(t.fields.list).array, ['a', 'b']);
  const hook = fn(t.fields.protocolDetected);
  assert.equal(hook.file, 'checks/test.lua');
  assert.equal(hook.line, 2);
  const r = vm.call(hook, [41, { name: 'x', items: [1, 2, 3] }]);
  assert.deepEqual(r, { ok: true, value: [42, 'x!', null, 3] });
});

test('a syntax error gives the file, the line and Lua\'s message', () => {
  const { vm } = makeVm();
  const r = vm.loadScript('local a = 1\nlocal b = = 2\n', 'checks/bad.lua');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.kind, 'syntax');
  assert.equal(r.error.file, 'checks/bad.lua');
  assert.equal(r.error.line, 2);
  assert.match(r.error.message, /^checks\/bad\.lua:2: unexpected symbol near '='$/);
});

test('a runtime error in a hook gives file:line and the traceback through the calls', () => {
  const { vm } = makeVm();
  const t = table(load(vm, [
    'local function inner(t)',
    '  return t.missing.field',
    'end',
    'return { flowEnd = function() local v = inner({}); return v end }',
  ].join('\n'), 'checks/rt.lua'));
  const r = vm.call(fn(t.fields.flowEnd));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.kind, 'runtime');
  assert.equal(r.error.file, 'checks/rt.lua');
  assert.equal(r.error.line, 2);
  assert.match(r.error.message, /attempt to index a nil value \(field 'missing'\)/);
  assert.match(r.error.traceback, /^stack traceback:/);
  assert.match(r.error.traceback, /checks\/rt\.lua:2: in/);
  assert.match(r.error.traceback, /checks\/rt\.lua:4: in/);
  // error() with a table value and with level 0 still gets a position from the stack
  const r2 = vm.loadScript('local x = 1\nerror({code = 1})', 'checks/obj.lua');
  assert.ok(!r2.ok && r2.error.file === 'checks/obj.lua' && r2.error.line === 2 && r2.error.message === '(error object is a table value)');
});

test('the dangerous parts of os/io and file loading are absent; os.exit does not end the process', () => {
  const { vm } = makeVm();
  const t = table(load(vm, `return {
    os.execute == nil, os.exit == nil, os.remove == nil, os.rename == nil, os.tmpname == nil, os.getenv == nil,
    io.popen == nil, io.open == nil, io.read == nil, io.lines == nil, loadfile == nil, dofile == nil,
    package.loadlib == nil, package.searchpath == nil, debug.sethook == nil, string.dump == nil,
    type(os.time()) == "number", type(os.clock()) == "number", type(os.date("%Y")) == "string",
  }`));
  assert.equal(t.array.length, 19);
  t.array.forEach((v, i) => assert.equal(v, true, `check #${i + 1}`));
  const exit = vm.loadScript('os.exit(7)', 'checks/exit.lua');
  assert.ok(!exit.ok && /attempt to call a nil value \(field 'exit'\)/.test(exit.error.message));
  const exec = vm.loadScript('return os.execute("touch /tmp/should-not-exist")', 'checks/exec.lua');
  assert.ok(!exec.ok && exec.error.line === 1);
  const bin = vm.loadScript('return load("\\27Lua")', 'checks/bin.lua');
  assert.ok(bin.ok);
  assert.equal(bin.value, null, 'binary chunks are refused (load returns nil, message)');
});

test('print and io.write are captured as events with chunk name and line; collectgarbage is a stub', () => {
  const { vm, output } = makeVm();
  load(vm, 'local x = 3\nprint("a", x, nil, true)\nio.write("b", 2, "\\n")\nprint(collectgarbage("count"))', 'checks/out.lua');
  assert.deepEqual(output, [
    { kind: 'print', text: 'a\t3\tnil\ttrue', file: 'checks/out.lua', line: 2 },
    { kind: 'write', text: 'b2\n', file: 'checks/out.lua', line: 3 },
    { kind: 'print', text: '0', file: 'checks/out.lua', line: 4 },
  ]);
  const bad = vm.loadScript('io.write({})', 'checks/w.lua');
  assert.ok(!bad.ok && bad.error.message === "checks/w.lua:1: bad argument #1 to 'write' (string expected, got table)");
});

test('require: built-in modules, modules next to the script, nothing outside its folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'scripts-vm-'));
  mkdirSync(join(root, 'checks', 'sub'), { recursive: true });
  writeFileSync(join(root, 'checks', 'helper.lua'), 'local M = {}\nfunction M.twice(x) return 2 * x end\nreturn M\n');
  writeFileSync(join(root, 'checks', 'sub', 'deep.lua'), 'return { value = require("helper").twice(21) }\n');
  writeFileSync(join(root, 'checks', 'broken.lua'), 'return {\n');
  writeFileSync(join(root, 'secret.lua'), 'return "secret"\n');
  const modules = new ModuleRegistry()
    .define('flow_consts', { source: 'return { status = { normal = 0 } }' })
    .define('user_scripts', { open: () => ({ script_types: 'x', is_native: () => true }) });
  const { vm } = makeVm({ scriptRoot: root, modules });
  const t = table(load(vm, [
    'local h = require("helper")',
    'local d = require("sub.deep")',
    'local fc = require("flow_consts")',
    'local us = require("user_scripts")',
    'return { h.twice(4), d.value, fc.status.normal, us.is_native(), require("helper") == h }',
  ].join('\n'), 'checks/main.lua'));
  assert.deepEqual(t.array, [8, 42, 0, true, true]);
  for (const name of ['..secret', '../secret', '/etc/passwd', 'secret']) {
    const r = vm.loadScript(`return require(${JSON.stringify(name)})`, 'checks/evil.lua');
    assert.ok(!r.ok, `require(${name}) must fail`);
    assert.match(r.error.message, /module '.*' not found/);
  }
  const broken = vm.loadScript('return require("broken")', 'checks/uses-broken.lua');
  assert.ok(!broken.ok && /error loading module 'broken' from file 'checks\/broken\.lua'/.test(broken.error.message));
  // modules registered after the VM was created are found too
  modules.define('late', { source: 'return 5' });
  assert.equal(load(vm, 'return require("late")', 'checks/late.lua'), 5);
});

test('natives: arguments read C-style, results pushed as numbers, strings, booleans, nil, tables, several values', () => {
  const { vm } = makeVm();
  let calls = 0;
  vm.registerFunction('flow.getL7Info', () => { calls++; return { l7_proto_name: 'TLS', l7_proto_id: 91 }; });
  vm.registerFunction('flow.pair', () => multiple('a', false, null, 7));
  vm.registerFunction('flow.echo', (c) => [c.argc, c.type(1), c.number(1), c.string(2), c.boolean(3), c.type(4)]);
  const t = table(load(vm, [
    'local info = flow.getL7Info()',
    'local a, b, c, d = flow.pair()',
    'local e = flow.echo(1.5, "s", true)',
    'return { info.l7_proto_name, info.l7_proto_id, a, b, c == nil, d, e[1], e[2], e[3], e[4], e[5], e[6], math.type(info.l7_proto_id) }',
  ].join('\n')));
  assert.deepEqual(t.array, ['TLS', 91, 'a', false, true, 7, 3, 'number', 1.5, 's', true, 'none', 'integer']);
  assert.equal(calls, 1, 'the table is built when the script calls the accessor, once');
});

test('a JS exception inside a native becomes a Lua error naming the line, catchable by pcall', () => {
  const { vm } = makeVm();
  vm.registerFunction('flow.getBroken', function getBroken() { throw new TypeError('no flow here'); });
  const t = table(load(vm, 'local ok, err = pcall(flow.getBroken)\nreturn { ok, err }', 'checks/native.lua'));
  assert.equal(t.array[0], false);
  assert.equal(t.array[1], 'checks/native.lua:1: getBroken: no flow here');
  const r = vm.loadScript('local x = 1\nflow.getBroken()', 'checks/native2.lua');
  assert.ok(!r.ok);
  assert.equal(r.error.kind, 'native');
  assert.equal(r.error.file, 'checks/native2.lua');
  assert.equal(r.error.line, 2);
  assert.equal(r.error.message, 'checks/native2.lua:2: getBroken: no flow here');
  assert.equal(load(vm, 'return 1 + 1', 'checks/after.lua'), 2, 'the VM stays usable');
});

test('the instruction budget stops `while true do end` with an error naming the line; the VM works afterwards', () => {
  const { vm } = makeVm({ instructionBudget: 200_000 });
  const t = table(load(vm, [
    'local n = 0',
    'return {',
    '  periodicUpdate = function()',
    '    while true do',
    '      n = n + 1',
    '    end',
    '  end,',
    '  swallow = function()',
    '    while true do pcall(function() while true do end end) end',
    '  end,',
    '  count = function() for i = 1, 1000 do n = n + 1 end return n end,',
    '}',
  ].join('\n'), 'checks/loop.lua'));
  const r = vm.call(fn(t.fields.periodicUpdate));
  assert.ok(!r.ok);
  assert.equal(r.error.kind, 'budget');
  assert.equal(r.error.file, 'checks/loop.lua');
  assert.ok(r.error.line === 4 || r.error.line === 5, `line ${r.error.line}`);
  assert.equal(r.error.message, `instruction budget of 200000 exceeded at checks/loop.lua:${r.error.line}`);
  assert.match(r.error.traceback, /checks\/loop\.lua:\d+: in function/);
  // pcall inside the script cannot absorb the budget error
  const s = vm.call(fn(t.fields.swallow));
  assert.ok(!s.ok && s.error.kind === 'budget' && s.error.line === 9);
  // the next call starts with a fresh budget
  const c = vm.call(fn(t.fields.count));
  assert.ok(c.ok, 'VM usable after the budget error');
  assert.equal(typeof c.value[0], 'number');
});

test('32-bit integers: math.maxinteger is 2^31-1, but a 5e9 byte counter pushed by the host compares, computes and prints like ntopng', () => {
  const { vm, output } = makeVm();
  vm.registerFunction('flow.getBytes', () => 5e9);
  vm.registerFunction('flow.getPackets', () => 2 ** 31);
  const t = table(load(vm, [
    'local b, p = flow.getBytes(), flow.getPackets()',
    'print(b, p, b + 1)',
    'return {',
    '  math.maxinteger, math.maxinteger + 1,',
    '  b > 4294967296, b > 2^31, b == 5000000000, b < 5000000001, b - 1,',
    '  tostring(b), b .. "", string.format("%d bytes, %5.1f, %s, %i%%", b, 2.5, b, p),',
    '  p, p > math.maxinteger, math.type(b), tostring(1.5), tostring(10.0), tostring(-2^40),',
    '}',
  ].join('\n')));
  assert.deepEqual(t.array, [
    2147483647, -2147483648, // the documented limitation: integer arithmetic wraps at 32 bits
    true, true, true, true, 4999999999,
    '5000000000', '5000000000', '5000000000 bytes,   2.5, 5000000000, 2147483648%',
    2147483648, true, 'float', '1.5', '10.0', '-1099511627776',
  ]);
  assert.equal(output[0]!.text, '5000000000\t2147483648\t5000000001');
});

test('a stale function reference from another VM is refused', () => {
  const a = LuaVm.create({ instructionBudget: 1000, ownerId: 1 });
  const b = LuaVm.create({ instructionBudget: 1000, ownerId: 2 });
  const f = fn(load(a, 'return function() return 1 end'));
  assert.deepEqual(a.call(f), { ok: true, value: [1] });
  const r = b.call(f);
  assert.ok(!r.ok && /stale function reference/.test(r.error.message));
});

test('callHook (the engine\'s fast path) passes now and the configuration, and after an error, a budget stop or a nested call the next hook still runs', () => {
  const { vm, output } = makeVm({ instructionBudget: 10_000 });
  const hooks = table(load(vm, [
    'local seen = {}',
    'return {',
    '  ok = function(now, conf) print(now, conf.name) end,',
    '  fails = function(now) error("bad " .. now) end,',
    '  loops = function(now) while true do end end,',
    '  nested = function(now) return pcall(error, "inner") end,',
    '}',
  ].join('\n')));
  const conf = vm.ref({ name: 'cfg' });
  const run = (name: string, now: number) => vm.callHook(fn(hooks.fields[name]), now, conf);
  assert.deepEqual(run('ok', 5_000_000_000), { ok: true, value: undefined });
  const failed = run('fails', 7);
  assert.ok(!failed.ok && failed.error.line === 4 && /bad 7/.test(failed.error.message), JSON.stringify(failed));
  assert.match(failed.ok ? '' : failed.error.traceback, /checks\/test\.lua:4/);
  const stopped = run('loops', 8);
  assert.ok(!stopped.ok && stopped.error.kind === 'budget' && stopped.error.line === 5, JSON.stringify(stopped));
  assert.deepEqual(run('nested', 9), { ok: true, value: undefined });
  assert.deepEqual(run('ok', 10), { ok: true, value: undefined });
  assert.deepEqual(output.map((o) => o.text), ['5000000000\tcfg', '10\tcfg']);
  // the stack is balanced: a regular call still sees its own results only
  assert.deepEqual(vm.call(fn(load(vm, 'return function(a) return a + 1 end')), [1]), { ok: true, value: [2] });
});

test('the Lua stack survives deep recursion, errors that shrink it and coroutines, between and inside calls', () => {
  const { vm } = makeVm({ instructionBudget: 5_000_000 });
  const t = table(load(vm, [
    'local function depth(n, a, b, c) if n == 0 then return a + b + c end return depth(n - 1, a, b, c) + 1 end',
    'return {',
    '  deep = function(n) return depth(n, 1, 2, 3) end,',
    '  fails = function() local ok, e = pcall(error, "x") error("outer") end,',
    '  co = function() local c = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end) return c(1), c(10) end,',
    '}',
  ].join('\n')));
  // 5000 frames need far more than the 1024 slots the VM keeps dense: fengari grows the stack
  assert.deepEqual(vm.call(fn(t.fields.deep), [5000]), { ok: true, value: [5006] });
  const failed = vm.call(fn(t.fields.fails));
  assert.ok(!failed.ok && /outer/.test(failed.error.message));
  assert.deepEqual(vm.call(fn(t.fields.co)), { ok: true, value: [2, 20] });
  assert.deepEqual(vm.call(fn(t.fields.deep), [10]), { ok: true, value: [16] });
});
