/**
 * Measures hook calls per second through the LuaVm interface, in the shape of deps-notes §1 mode (b):
 * a small hook calling 3 natives that each return a 2-field table (built when called), plus the same
 * hook through LuaSandbox (one worker round trip per call) for comparison.
 *   node --import tsx engine/scripts/vm/measure-calls.ts [calls]
 */
import { LuaSandbox } from './sandbox-host';
import { LuaVm } from './lua-vm';
import type { LuaFunctionRef, LuaValue } from './types';

const HOOK = `
local n = 0
return function(now)
  local cli = flow.getClientGeolocation()
  local srv = flow.getServerGeolocation()
  local l7 = flow.getL7Info()
  if cli.country == "CN" or srv.country == "CN" then n = n + 1 end
  if l7.l7_proto_name == "TLS" and l7.l7_proto_id > 90 and cli.asn ~= srv.asn then n = n + 1 end
  return n
end`;

function hookOf(v: LuaValue): LuaFunctionRef {
  if (v === null || typeof v !== 'object' || v.kind !== 'function') throw new Error('hook expected');
  return v;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const calls = Number(process.argv[2] ?? 200_000);
  const vm = LuaVm.create({ instructionBudget: 1_000_000 });
  vm.registerFunction('flow.getClientGeolocation', () => ({ country: 'CN', asn: 4134 }));
  vm.registerFunction('flow.getServerGeolocation', () => ({ country: 'US', asn: 15169 }));
  vm.registerFunction('flow.getL7Info', () => ({ l7_proto_name: 'TLS', l7_proto_id: 91 }));
  const loaded = vm.loadScript(HOOK, 'bench/hook.lua');
  if (!loaded.ok) throw new Error(loaded.error.message);
  const hook = hookOf(loaded.value);
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) {
      const r = vm.call(hook, [i]);
      if (!r.ok) throw new Error(r.error.message);
    }
    rates.push(calls / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  console.log(`LuaVm.call, hook + 3 natives returning 2-field tables: ${Math.round(median(rates) / 1000)}k calls/s ` +
    `(median of 5 x ${calls}; rounds ${rates.map((r) => Math.round(r / 1000)).join(', ')}k)`);

  const sandboxCalls = Math.min(calls, 20_000);
  const setup = require.resolve('./measure-setup');
  const sandbox = await LuaSandbox.start({ instructionBudget: 1_000_000, setupModule: setup });
  try {
    const sl = await sandbox.loadScript(HOOK, 'bench/hook.lua');
    if (!sl.ok) throw new Error(sl.error.message);
    const sh = hookOf(sl.value);
    const label = { script: 'bench/hook.lua', hook: 'protocolDetected' };
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < sandboxCalls; i++) await sandbox.call(sh, [i], label);
    const seq = sandboxCalls / (Number(process.hrtime.bigint() - t0) / 1e9);
    const t1 = process.hrtime.bigint();
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < sandboxCalls; i++) batch.push(sandbox.call(sh, [i], label));
    await Promise.all(batch);
    const pipelined = sandboxCalls / (Number(process.hrtime.bigint() - t1) / 1e9);
    console.log(`LuaSandbox.call (worker): ${Math.round(seq / 1000)}k calls/s awaiting each call, ` +
      `${Math.round(pipelined / 1000)}k calls/s with ${sandboxCalls} calls in flight`);
  } finally {
    await sandbox.close();
  }
}

void main();
