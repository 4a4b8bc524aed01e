/**
 * flow.getRiskInfo() and flow.hasRisk() (profile 4.2) on real flows of the shared captures,
 * with ntopng's argument checks: a bad argument answers nil and logs a warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { riskByName } from '../../api/ndpi';
import { runCaptureFile } from '../../engine/run';
import type { Flow } from '../../engine/flows/flow';
import { GeoDatabase } from '../../engine/geo';
import { bindFlowApi, DEFAULT_LOCAL_NETWORKS, type BindingContext } from '../../engine/scripts/bindings';
import { LuaVm, type LuaValue } from '../../engine/scripts/vm';
import { sharedCapturePath } from '../support/shared-pcaps';

function setup() {
  const warnings: string[] = [];
  const ctx: BindingContext = {
    profile: '4.2', geo: new GeoDatabase(), currentFlow: undefined, localNetworks: DEFAULT_LOCAL_NETWORKS,
    log: { warning: (_fn, message) => warnings.push(message), notImplemented: (fn) => warnings.push(`not implemented: ${fn}`) },
  };
  const vm = LuaVm.create({ instructionBudget: 1_000_000 });
  bindFlowApi(vm, ctx);
  const call = (expr: string): LuaValue => {
    const r = vm.loadScript(`return (${expr})`, 'probe.lua');
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    return r.value;
  };
  return { ctx, call, warnings };
}

async function flowOf(capture: string, serverPort: number): Promise<Flow> {
  const flows: Flow[] = [];
  await runCaptureFile(sharedCapturePath(capture), { observer: { flowEnded: (f) => flows.push(f) } });
  const flow = flows.find((f) => f.serverPort === serverPort && f.l7?.hasAnyRisk);
  assert.ok(flow, `${capture}: no flow to port ${serverPort} with risks`);
  return flow;
}

const id = (name: string) => riskByName(name)!.id;

test('getRiskInfo maps each risk name to its id; hasRisk tests one id or any', async () => {
  const { ctx, call, warnings } = setup();
  // The Log4Shell victim fetching a Java class over HTTP: numeric Host, binary transfer, exploit.
  ctx.currentFlow = await flowOf('log4j-webapp-exploit.pcap', 80);
  const info = call('flow.getRiskInfo()');
  assert.ok(info !== null && typeof info === 'object' && info.kind === 'table');
  assert.deepEqual(info.fields, {
    'Binary Application Transfer': id('Binary Application Transfer'),
    'HTTP Numeric IP Address': id('HTTP Numeric IP Address'),
    'Possible Exploit Detected': id('Possible Exploit Detected'),
  });
  assert.equal(call('flow.hasRisk()'), true);
  assert.equal(call(`flow.hasRisk(${id('Possible Exploit Detected')})`), true);
  assert.equal(call(`flow.hasRisk(${id('Weak TLS Cipher')})`), false);
  // Ids outside nDPI's table are never set.
  assert.equal(call('flow.hasRisk(0)'), false);
  assert.equal(call('flow.hasRisk(999)'), false);
  assert.deepEqual(warnings, []);
});

test('a flow without risks: empty table, hasRisk false', async () => {
  const { ctx, call } = setup();
  const flows: Flow[] = [];
  await runCaptureFile(sharedCapturePath('smtp.pcap'), { observer: { flowEnded: (f) => flows.push(f) } });
  ctx.currentFlow = flows.find((f) => f.l7?.label === 'SMTP');
  assert.ok(ctx.currentFlow);
  const info = call('flow.getRiskInfo()');
  assert.ok(info !== null && typeof info === 'object' && info.kind === 'table');
  assert.deepEqual(info.fields, {});
  assert.equal(call('flow.hasRisk()'), false);
});

test('hasRisk with a bad argument answers nil and logs ntopng\'s warning', async () => {
  const { ctx, call, warnings } = setup();
  ctx.currentFlow = await flowOf('ssh.pcap', 22);
  assert.equal(call('flow.hasRisk("SSH Obsolete Client Version/Cipher")'), null);
  assert.equal(call('flow.hasRisk(1.5)'), null);
  assert.deepEqual(warnings, ['hasRisk : expected number@pos 1, got string', 'hasRisk : expected number@pos 1, got number']);
  assert.equal(call(`flow.hasRisk(${id('SSH Obsolete Client Version/Cipher')})`), true);
});
