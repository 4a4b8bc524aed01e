/** bench/empty-hooks.ts: the benchmark's "same calls, empty hooks" copies of the samples. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { emptyHooks } from '../../bench/empty-hooks';
import { LuaVm } from '../../engine/scripts/vm';

test('hook bodies are cut (both ways of writing hooks), everything else stays', () => {
  const source = [
    'local helper = function() return 1 end',
    'local script = { l7_proto = "TLS", hooks = {',
    '  flowEnd = function(now) print("end") end,',
    '}, gui = { i18n_title = "x" } }',
    'function script.hooks.protocolDetected(now)',
    '  if flow.isUnicast() then print("hi") end',
    'end',
    'function script.setup() return true end',
    'return script',
  ].join('\n');
  const out = emptyHooks(source);
  assert.doesNotMatch(out, /print|isUnicast/);
  assert.match(out, /local helper = function\(\) return 1 end/);
  assert.match(out, /function script\.setup\(\) return true end/);
  assert.match(out, /l7_proto = "TLS"/);
  const vm = LuaVm.create({ instructionBudget: 10_000 });
  const r = vm.loadScript(out, 'x.lua');
  assert.ok(r.ok && r.value !== null && typeof r.value === 'object' && r.value.kind === 'table');
  const hooks = r.value.fields.hooks;
  assert.ok(hooks !== null && typeof hooks === 'object' && hooks.kind === 'table');
  assert.deepEqual(Object.keys(hooks.fields).sort(), ['flowEnd', 'protocolDetected']);
});

test('the documentation sample keeps its hook, emptied', () => {
  const src = readFileSync('samples/suspicious_countries.lua', 'utf8');
  const out = emptyHooks(src);
  assert.doesNotMatch(out, /From China/);
  assert.match(out, /function script\.hooks\.protocolDetected\(\)\s*end/);
});
