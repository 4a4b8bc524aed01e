/**
 * The `flow.*` bindings: every catalog function of each profile is bound (implemented, or a
 * "not implemented yet" native), and each implemented one, called from Lua on real flows of the
 * shared captures, returns the documented type and only documented keys.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { functionsFor, PROFILES, type LuaType, type Profile, type ResolvedFunction } from '../../api/flow';
import { runCaptureFile } from '../../engine/run';
import type { Flow } from '../../engine/flows/flow';
import { GeoDatabase } from '../../engine/geo';
import { bindFlowApi, bindingCoverage, DEFAULT_LOCAL_NETWORKS, type BindingContext, type CallSite } from '../../engine/scripts/bindings';
import { LuaVm, type LuaValue } from '../../engine/scripts/vm';
import { sharedCapturePath } from '../support/shared-pcaps';

const geo = new GeoDatabase();

interface Logged { kind: 'warning' | 'not-implemented'; fn: string; message?: string; site: CallSite }

function setup(profile: Profile) {
  const logged: Logged[] = [];
  const ctx: BindingContext = {
    profile, geo, currentFlow: undefined, localNetworks: DEFAULT_LOCAL_NETWORKS,
    log: {
      warning: (fn, message, site) => logged.push({ kind: 'warning', fn, message, site }),
      notImplemented: (fn, site) => logged.push({ kind: 'not-implemented', fn, site }),
    },
  };
  const vm = LuaVm.create({ instructionBudget: 1_000_000 });
  const bound = bindFlowApi(vm, ctx);
  const call = (expr: string): LuaValue => {
    const r = vm.loadScript(`return (${expr})`, 'probe.lua'); // parenthesised: not a tail call, so the caller line is known
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    return r.value;
  };
  return { ctx, vm, bound, logged, call };
}

async function flowsOf(capture: string): Promise<Flow[]> {
  const flows: Flow[] = [];
  await runCaptureFile(sharedCapturePath(capture), { observer: { flowEnded: (f) => flows.push(f) } });
  return flows;
}

/** A valid argument for a parameter: status tables where the profile wants them, else a number or a string. */
function argumentFor(profile: Profile, name: string, type: ResolvedFunction['params'][number]['type']): string {
  if (name === 'flow_status_type') return 'require("flow_consts").status_types.status_blacklisted';
  if (profile === '4.2' && name === 'status_info') return 'require("flow_consts").status_types.status_blacklisted.create(1, {})';
  const types = typeof type === 'string' ? [type] : type;
  return types.includes('integer') || types.includes('number') ? '7' : types.includes('string') ? '"flowscript"' : '{}';
}

function luaTypeOf(v: LuaValue): string {
  if (v === null) return 'nil';
  if (typeof v === 'object') return v.kind === 'other' ? v.type : v.kind;
  return typeof v;
}

function typeOk(expected: readonly LuaType[], v: LuaValue): boolean {
  const actual = luaTypeOf(v);
  return expected.some((t) => t === 'any' || t === actual || (t === 'integer' && actual === 'number' && Number.isInteger(v)));
}

function checkResult(fn: ResolvedFunction, v: LuaValue, where: string): void {
  const types: readonly LuaType[] = typeof fn.returns.type === 'string' ? [fn.returns.type] : fn.returns.type;
  if (v === null && (fn.returns.nullable || types.includes('nil'))) return;
  assert.ok(typeOk(types, v), `${where}: flow.${fn.name}() returned ${luaTypeOf(v)}, expected ${types.join('|')}`);
  if (fn.returns.keys && v !== null && typeof v === 'object' && v.kind === 'table') {
    const allowed = new Set(fn.returns.keys);
    for (const key of Object.keys(v.fields)) assert.ok(allowed.has(key), `${where}: flow.${fn.name}() has undocumented key '${key}'`);
  }
}

for (const profile of PROFILES) {
  test(`profile ${profile}: every catalog function is bound, and nothing else`, () => {
    const { vm, bound } = setup(profile);
    const table = vm.getGlobal('flow');
    assert.ok(table !== null && typeof table === 'object' && table.kind === 'table');
    const names = functionsFor(profile).map((f) => f.name).sort();
    assert.deepEqual(Object.keys(table.fields).sort(), names);
    assert.deepEqual([...bound.implemented, ...bound.notImplemented].sort(), names);
    assert.deepEqual(bindingCoverage(profile), { implemented: bound.implemented, notImplemented: bound.notImplemented });
    assert.deepEqual(bound.notImplemented, [], 'nothing is left unimplemented');
    assert.ok(bound.implemented.length >= 55, `${bound.implemented.length} implemented`);
  });
}

const CAPTURES = ['iphone.pcap', 'google_ssl.pcap', 'ftp_failed.pcap'];

for (const profile of PROFILES) {
  test(`profile ${profile}: implemented functions return the documented types and keys on real flows`, async () => {
    const { ctx, call, logged } = setup(profile);
    let checked = 0;
    const answered = new Set<string>();
    for (const capture of CAPTURES) {
      const flows = await flowsOf(capture);
      assert.ok(flows.length > 0);
      for (const flow of flows.slice(0, 40)) {
        ctx.currentFlow = flow;
        for (const fn of functionsFor(profile)) {
          const args = fn.params.filter((p) => !p.optional).map((p) => argumentFor(profile, p.name, p.type)).join(', ');
          const value = call(`flow.${fn.name}(${args})`);
          checkResult(fn, value, `${capture} flow ${flow.id}`);
          if (value !== null) answered.add(fn.name);
          checked++;
        }
      }
    }
    assert.deepEqual(logged, []);
    assert.ok(checked > 1000);
    // Every implemented getter gives a real answer on some flow; the only one that never can
    // is retrieveExternalAlertInfo (filled by ntopng's Suricata path, never from a capture).
    // Setters documented as returning nil are left out.
    const silent = functionsFor(profile).filter((f) => f.returns.type !== 'nil' && !answered.has(f.name)).map((f) => f.name);
    assert.deepEqual(silent, ['retrieveExternalAlertInfo']);
  });
}

test('getClientGeolocation/getServerGeolocation: exactly the four keys, country from the database', async () => {
  const { ctx, call } = setup('2019.11');
  const flows = await flowsOf('google_ssl.pcap');
  const flow = flows.find((f) => geo.countryOf(f.serverIp) !== undefined)!;
  assert.ok(flow, 'a flow with a public server');
  ctx.currentFlow = flow;
  const srv = call('flow.getServerGeolocation()') as Extract<LuaValue, { kind: 'table' }>;
  assert.deepEqual(Object.keys(srv.fields).sort(), ['srv.city', 'srv.country', 'srv.latitude', 'srv.longitude']);
  assert.equal(srv.fields['srv.country'], geo.countryOf(flow.serverIp));
  const cli = call('flow.getClientGeolocation()') as Extract<LuaValue, { kind: 'table' }>;
  assert.deepEqual(Object.keys(cli.fields).sort(), ['cli.city', 'cli.country', 'cli.latitude', 'cli.longitude']);
  assert.equal(call('type(flow.getServerGeolocation()["srv.country"])'), 'string');
});

test('getInfo has every documented key (info only in 4.x), TLS and DNS tables are filled from the detector', async () => {
  const flows = await flowsOf('iphone.pcap');
  for (const profile of PROFILES) {
    const { ctx, call } = setup(profile);
    const tls = flows.find((f) => f.l7?.tls?.sni)!;
    assert.ok(tls, 'a TLS flow with SNI');
    ctx.currentFlow = tls;
    const info = call('flow.getInfo()') as Extract<LuaValue, { kind: 'table' }>;
    const expected = functionsFor(profile).find((f) => f.name === 'getInfo')!.returns.keys!.filter((k) => k !== 'info');
    for (const k of expected) assert.ok(k in info.fields, `${profile}: getInfo lacks ${k}`);
    assert.equal('info' in info.fields, profile !== '2019.11');
    assert.equal(info.fields['proto.l4'], 'TCP');
    const t = call('flow.getTLSInfo()') as Extract<LuaValue, { kind: 'table' }>;
    const sniKey = profile === '2019.11' ? 'protos.tls.certificate' : 'protos.tls.client_requested_server_name';
    assert.equal(t.fields[sniKey], tls.l7!.tls!.sni);
    assert.equal(call('flow.getTLSVersion()'), tls.l7!.tls!.version ?? 0);
    const dns = flows.find((f) => f.l7?.dns?.query)!;
    ctx.currentFlow = dns;
    const d = call('flow.getDNSInfo()') as Extract<LuaValue, { kind: 'table' }>;
    assert.equal(d.fields['protos.dns.last_query'], dns.l7!.dns!.query);
    assert.deepEqual(call('flow.getHTTPInfo()'), { kind: 'table', fields: {}, array: [] });
  }
});

test('isBidirectional has the 2019.11 bug; locality uses ntopng\'s default local networks', async () => {
  const flows = await flowsOf('iphone.pcap');
  const oneWay = flows.find((f) => f.clientToServer.packets > 0 && f.serverToClient.packets === 0);
  const twoWay = flows.find((f) => f.bidirectional)!;
  assert.ok(oneWay, 'iphone.pcap has one-way flows (multicast announcements)');
  for (const profile of PROFILES) {
    const { ctx, call } = setup(profile);
    ctx.currentFlow = twoWay;
    assert.equal(call('flow.isBidirectional()'), true);
    ctx.currentFlow = oneWay!;
    assert.equal(call('flow.isBidirectional()'), profile === '2019.11');
    ctx.currentFlow = twoWay;
    const cliLocal = twoWay.clientIp.startsWith('192.168.1.');
    const srvLocal = twoWay.serverIp.startsWith('192.168.1.');
    assert.equal(call('flow.isLocalToRemote()'), cliLocal && !srvLocal);
    assert.equal(call('flow.getInfo()["cli.localhost"]'), cliLocal);
  }
});

test('no current flow, bad arguments and unimplemented functions: nil and a log line, never a raise', async () => {
  const { ctx, call, logged } = setup('2019.11');
  assert.equal(call('flow.getInfo()'), null);
  assert.deepEqual(logged.map((l) => [l.kind, l.fn, l.message]), [['warning', 'getInfo', 'getInfo : no current flow']]);
  logged.length = 0;
  ctx.currentFlow = (await flowsOf('iphone.pcap'))[0];
  assert.equal(call('flow.matchesL7("x")'), null);
  assert.equal(call('flow.matchesL7()'), null);
  assert.equal(typeof call('flow.matchesL7(7)'), 'boolean');
  assert.equal(call('flow.triggerStatus(1)'), null);
  assert.equal(call('flow.getStatus()'), 2, 'status id 1 is bit 1');
  assert.deepEqual(logged.map((l) => [l.kind, l.fn, l.message, l.site.file, l.site.line]), [
    ['warning', 'matchesL7', 'matchesL7 : expected number@pos 1, got string', 'probe.lua', 1],
    ['warning', 'matchesL7', 'matchesL7 : expected number@pos 1, got nil', 'probe.lua', 1],
  ]);
});
