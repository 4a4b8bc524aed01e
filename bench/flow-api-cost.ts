/**
 * What each `flow.*` function (profile 2019.11, no arguments) and the string builders scripts use
 * cost inside a hook: microseconds per call, best of five rounds, on a real flow of the sample
 * capture (a TLS flow with its SNI), in a VM bound exactly as a run binds it. The table tells a
 * script writer which calls are expensive (getFullInfo) and shows where the host spends its time.
 *
 *   FLOWSCRIPT_BENCH=api npm run bench
 */
import { resolve } from 'node:path';
import { functionsFor } from '../api/flow';
import { runCaptureFile } from '../engine/run';
import type { Flow } from '../engine/flows/flow';
import { GeoDatabase } from '../engine/geo';
import { bindFlowApi, DEFAULT_LOCAL_NETWORKS, type BindingContext } from '../engine/scripts/bindings';
import { LuaVm, type LuaFunctionRef, type LuaValue } from '../engine/scripts/vm';

const CALLS = 3000;
const ROUNDS = 5;

/** Lua expressions besides the flow API: what scripts build their messages with. */
const EXTRAS: Record<string, string> = {
  '(an empty hook)': 'nil',
  'tostring(443)': 'tostring(443)',
  "string.format('%d %s', 1, 'x')": "string.format('%d %s', 1, 'x')",
  "'port ' .. 443": "'port ' .. 443",
  "print('x')": "print('x')",
  'shortFlowLabel(flow.getInfo())': 'shortFlowLabel(flow.getInfo())',
  'flow_consts.getPredominantStatus(2^5 + 2^12)': 'flow_consts.getPredominantStatus(4128)',
};

export async function runFlowApiCostBench(): Promise<void> {
  const flows: Flow[] = [];
  await runCaptureFile(resolve(__dirname, '..', 'samples', 'captures', 'web.pcap'), { observer: { flowEnded: (f) => flows.push(f) } });
  const flow = flows.find((f) => f.l7?.tls?.sni) ?? flows[0]!;
  const ctx: BindingContext = {
    profile: '2019.11', geo: new GeoDatabase(), currentFlow: flow, localNetworks: DEFAULT_LOCAL_NETWORKS,
    log: { warning: () => {}, notImplemented: () => {} },
  };
  const vm = LuaVm.create({ instructionBudget: 1e9, onOutput: () => {} });
  const bound = bindFlowApi(vm, ctx);
  const exprs: Record<string, string> = {};
  for (const fn of functionsFor('2019.11')) if (fn.params.length === 0 && bound.implemented.includes(fn.name)) exprs[`flow.${fn.name}()`] = `flow.${fn.name}()`;
  Object.assign(exprs, EXTRAS);
  const names = Object.keys(exprs);
  const source = ['require("lua_utils")', 'local flow_consts = require("flow_consts")', 'local f = {}',
    ...names.map((k) => `f[${JSON.stringify(k)}] = function() local x = ${exprs[k]} end`), 'return f'].join('\n');
  const loaded = vm.loadScript(source, 'bench/flow-api-cost.lua');
  if (!loaded.ok) throw new Error(loaded.error.message);
  const hooks = loaded.value as Extract<LuaValue, { kind: 'table' }>;
  const conf = vm.ref({});
  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      const fn = hooks.fields[name] as LuaFunctionRef;
      const t0 = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) {
        const r = vm.callHook(fn, i, conf);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      }
      best.set(name, Math.min(best.get(name) ?? Infinity, process.cpuUsage(t0).user / CALLS));
    }
  }
  const empty = best.get('(an empty hook)')!;
  console.log(`cost of one call inside a hook, µs (CPU time, best of ${ROUNDS} x ${CALLS}; the empty hook's ${empty.toFixed(2)} µs included):`);
  for (const [name, us] of [...best].sort((a, b) => b[1] - a[1])) console.log(`${us.toFixed(2).padStart(9)}  ${name}`);
}

if (require.main === module) void runFlowApiCostBench();
