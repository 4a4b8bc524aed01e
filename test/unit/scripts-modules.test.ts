/**
 * The built-in Lua modules and globals of flow scripts (engine/scripts/modules), run through a real
 * LuaVm per profile and checked against the api/flow catalog.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LuaVm, ModuleRegistry, type LuaTableValue, type LuaValue, type OutputEvent } from '../../engine/scripts/vm';
import { registerFlowScriptModules, type FlowModuleHooks, type TprintEvent, type TraceEvent } from '../../engine/scripts/modules';
import {
  ALERT_TYPES, FLOW_ENTITY_ID, MODULES, L4_KEYS, PROFILES, STDLIB_EXTENSIONS, alertSeverities, globalsFor, moduleFor, statusTypes,
  type Profile,
} from '../../api/flow';

interface Env {
  vm: LuaVm;
  output: OutputEvent[];
  tprints: TprintEvent[];
  traces: TraceEvent[];
}

function makeEnv(profile: Profile, hooks: Partial<FlowModuleHooks> = {}, scriptRoot?: string, withHooks = true): Env {
  const registry = new ModuleRegistry();
  const output: OutputEvent[] = [];
  const tprints: TprintEvent[] = [];
  const traces: TraceEvent[] = [];
  const vm = LuaVm.create({ instructionBudget: 5_000_000, modules: registry, onOutput: (e) => output.push(e), ...(scriptRoot ? { scriptRoot } : {}) });
  registerFlowScriptModules(registry, vm, profile, withHooks
    ? { onTprint: (e) => tprints.push(e), onTrace: (e) => traces.push(e), ...hooks }
    : hooks);
  return { vm, output, tprints, traces };
}

function run(env: Env, source: string, chunk = 'checks/test.lua'): LuaValue {
  const r = env.vm.loadScript(source, chunk);
  if (!r.ok) assert.fail(`unexpected error: ${r.error.message}\n${r.error.traceback}`);
  return r.value;
}

function table(v: LuaValue | undefined): LuaTableValue {
  assert.ok(v !== null && v !== undefined && typeof v === 'object' && v.kind === 'table', `expected a table, got ${JSON.stringify(v)}`);
  return v;
}

/** Lua type name of each key of a module, as a sorted list of "name:type". */
function shapeOf(env: Env, module: string): string[] {
  const t = table(run(env, `
    local m = require(${JSON.stringify(module)})
    local out = {}
    for k, v in pairs(m) do out[#out + 1] = k .. ':' .. type(v) end
    table.sort(out)
    return out
  `));
  return t.array.map(String);
}

const LUA_TYPE: Record<string, string> = { function: 'function', table: 'table', module: 'table' };

test('the documentation example loads in 2019.11: require("user_scripts") and flow_checkbox_input_builder as gui.input_builder', () => {
  const env = makeEnv('2019.11');
  const script = table(run(env, [
    'local user_scripts = require("user_scripts")',
    'local script = {',
    '   hooks = {},',
    '   gui = {',
    '      i18n_title = "Suspicious Countries",',
    '      i18n_description = "Trigger an alert when at least one among the client and server is from a suspicious country",',
    '      input_builder = user_scripts.flow_checkbox_input_builder,',
    '   }',
    '}',
    'function script.hooks.protocolDetected()',
    '   tprint("From China")',
    'end',
    'return(script)',
  ].join('\n'), 'suspicious_countries.lua'));
  const gui = table(script.fields.gui);
  const builder = gui.fields.input_builder;
  assert.ok(builder !== null && typeof builder === 'object' && builder.kind === 'function', 'input_builder is a function');
  const html = env.vm.call(builder as never, [{ key: 'suspicious_countries', enabled: true }]);
  assert.ok(html.ok);
  assert.match(String(html.value[0]), /^<input type="checkbox" name="suspicious_countries" checked>$/);
  // and the hook's tprint reports the script's line
  const hook = table(script.fields.hooks).fields.protocolDetected;
  const called = env.vm.call(hook as never);
  assert.ok(called.ok);
  assert.deepEqual(env.tprints, [{ text: ' string From China', file: 'suspicious_countries.lua', line: 11 }]);
});

test('in 4.0 and 4.2 user_scripts has no flow_checkbox_input_builder: the same header loads with input_builder nil', () => {
  for (const profile of ['4.0', '4.2'] as const) {
    const env = makeEnv(profile);
    const v = run(env, 'local user_scripts = require("user_scripts")\nreturn { builder = user_scripts.flow_checkbox_input_builder, n = type(user_scripts.script_categories) }');
    assert.equal(table(v).fields.builder, undefined, profile);
    assert.equal(table(v).fields.n, 'table', profile);
  }
});

test('every catalog module has exactly its catalog members in each profile, with their kinds and constant values', () => {
  for (const profile of PROFILES) {
    const env = makeEnv(profile);
    for (const name of MODULES.filter((m) => m.profiles.includes(profile) && m.name !== 'lua_utils' && m.name !== 'flow_utils').map((m) => m.name)) {
      const catalog = moduleFor(name, profile);
      assert.ok(catalog, `${name} in catalog for ${profile}`);
      const expected = catalog.members.map((m) => {
        const luaType = LUA_TYPE[m.kind] ?? (m.value === undefined ? 'nil' : typeof m.value);
        return `${m.name}:${luaType}`;
      }).sort();
      assert.deepEqual(shapeOf(env, name), expected, `${name} @ ${profile}`);
      const constants = catalog.members.filter((m) => m.kind === 'constant');
      for (const c of constants) {
        const got = run(env, `return require(${JSON.stringify(name)}).${c.name}`);
        assert.equal(got, c.value, `${name}.${c.name} @ ${profile}`);
      }
    }
  }
});

test('a module the catalog does not have in a profile cannot be required there', () => {
  for (const profile of PROFILES) {
    const env = makeEnv(profile);
    for (const m of MODULES) {
      const r = env.vm.loadScript(`return require(${JSON.stringify(m.name)})`, 'checks/req.lua');
      assert.equal(r.ok, m.profiles.includes(profile), `${m.name} @ ${profile}`);
      if (!r.ok) assert.match(r.error.message, new RegExp(`module '${m.name}' not found`));
    }
  }
  const env40 = makeEnv('4.0');
  const r = table(run(env40, `
    local alerts_api = require("alerts_api")
    local alert = {}
    alerts_api.addAlertGenerationInfo(alert, { key = "blacklisted" })
    return { gen = alert.alert_generation.script_key, disabled = next(alerts_api.getAllHostsDisabledStatusBitmaps(0)) == nil }`));
  assert.deepEqual(r.fields, { gen: 'blacklisted', disabled: true });
});

test('flow_consts.status_types: keys and ids per profile as in the catalog; 2019.11 prio, relevance, severity and alert type', () => {
  for (const profile of PROFILES) {
    const env = makeEnv(profile);
    const idField = profile === '4.2' ? 'status_key' : 'status_id';
    const types = table(run(env, 'return require("flow_consts").status_types'));
    const catalog = statusTypes(profile);
    assert.deepEqual(Object.keys(types.fields).sort(), catalog.map((s) => s.key).sort(), profile);
    const ids = new Set<number>();
    for (const s of catalog) {
      const def = table(types.fields[s.key]);
      const id = def.fields[idField];
      assert.equal(typeof id, 'number', `${s.key} has ${idField}`);
      if (s.id !== undefined) assert.equal(id, s.id, `${s.key} id @ ${profile}`);
      ids.add(id as number);
      const severity = alertSeverities(profile).find((x) => x.name === (s.severity ?? 'error'));
      assert.equal(table(def.fields.alert_severity).fields.severity_id, severity!.severityId, `${s.key} severity @ ${profile}`);
      if (profile === '2019.11') {
        assert.equal(def.fields.prio, s.prio);
        assert.equal(def.fields.relevance, s.relevance);
        const alert = ALERT_TYPES.find((a) => a.key === s.alertType)!;
        assert.equal(table(def.fields.alert_type).fields.alert_id, alert.id['2019.11'], `${s.key} alert type`);
      } else {
        assert.equal(def.fields.prio, undefined, `${s.key} has no prio in ${profile}`);
      }
      assert.equal(def.fields.create === undefined, profile !== '4.2', `${s.key} create only in 4.2`);
    }
    assert.equal(ids.size, catalog.length, `ids unique @ ${profile}`);
  }
  const env = makeEnv('2019.11');
  const r = table(run(env, `
    local fc = require("flow_consts")
    return {
      blacklisted = fc.status_types.status_blacklisted.status_id,
      info = fc.getStatusInfo(13) == fc.status_types.status_blacklisted,
      key = fc.getStatusType(28),
      custom = fc.getStatusInfo(fc.custom_status_1) == nil,
      -- bits 12 (remote_to_remote, prio 190) and 13 (blacklisted, prio 700)
      predominant = fc.getPredominantStatus((1 << 12) | (1 << 13)),
      title = fc.getStatusTitle(13),
    }`));
  assert.deepEqual(r.fields, { blacklisted: 13, info: true, key: 'status_udp_unidirectional', custom: true, predominant: 13, title: 'status_blacklisted' });
});

test('4.2: status_types.<key>.create(severity, ...) returns a status info table with the creator arguments', () => {
  const env = makeEnv('4.2');
  const r = table(run(env, `
    local fc = require("flow_consts")
    local ac = require("alert_consts")
    local st = fc.status_types.status_blacklisted_country
    local info = st.create(ac.alert_severities.warning, "CN", "IT", true, false)
    local plain = fc.status_types.status_web_mining_detected.create(ac.alert_severities.error)
    return {
      same_status = info.status_type == st,
      severity = info.alert_severity.severity_id,
      params = info.alert_type_params,
      alert_type_is_status_alert_type = info.alert_type == st.alert_type,
      plain_params = next(plain.alert_type_params) == nil,
      plain_status = plain.status_type.status_key,
      keys = (function() local k = {} for n in pairs(info) do k[#k + 1] = n end table.sort(k) return k end)(),
    }`));
  assert.equal(r.fields.same_status, true);
  assert.equal(r.fields.severity, alertSeverities('4.2').find((s) => s.name === 'warning')!.severityId);
  assert.deepEqual(table(r.fields.params).fields, { cli_country: 'CN', srv_country: 'IT', cli_blacklisted: true, srv_blacklisted: false });
  assert.equal(r.fields.alert_type_is_status_alert_type, true);
  assert.equal(r.fields.plain_params, true);
  assert.equal(r.fields.plain_status, statusTypes('4.2').find((s) => s.key === 'status_web_mining_detected')!.id);
  assert.deepEqual(table(r.fields.keys).array, ['alert_severity', 'alert_type', 'alert_type_params', 'status_type']);
});

test('alert_consts: severities with ids per profile, alert types with ids, the flow entity', () => {
  for (const profile of PROFILES) {
    const env = makeEnv(profile);
    const sev = table(run(env, 'return require("alert_consts").alert_severities'));
    const expected = Object.fromEntries(alertSeverities(profile).map((s) => [s.name, [s.severityId, s.syslogLevel]]));
    const got = Object.fromEntries(Object.entries(sev.fields).map(([k, v]) => [k, [table(v).fields.severity_id, table(v).fields.syslog_level]]));
    assert.deepEqual(got, expected, profile);
    assert.equal(run(env, 'return require("alert_consts").alert_entities.flow.entity_id'), FLOW_ENTITY_ID);
    assert.equal(run(env, 'local ac = require("alert_consts") return ac.alertEntityRaw("flow")'), FLOW_ENTITY_ID);
    const types = table(run(env, 'return require("alert_consts").alert_types'));
    assert.deepEqual(Object.keys(types.fields).sort(), ALERT_TYPES.filter((a) => a.profiles.includes(profile)).map((a) => a.key).sort());
  }
  const env = makeEnv('2019.11');
  assert.equal(run(env, 'return require("alert_consts").alert_types.alert_flow_blacklisted.alert_id'), 7);
  assert.equal(run(env, 'return require("alert_consts").getAlertType(21)'), 'alert_web_mining');
  assert.equal(run(env, 'return require("alert_consts").alertLevelToSyslogLevel(2)'), 3);
});

test('tprint of a nested table: ntopng\'s dotted-path lines with sorted keys, reported with the caller\'s file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fs-modules-'));
  mkdirSync(join(dir, 'checks'));
  writeFileSync(join(dir, 'checks', 'helper.lua'), 'local M = {}\nfunction M.dump(v)\n  tprint(v)\nend\nreturn M\n');
  const env = makeEnv('2019.11', {}, dir);
  run(env, [
    'local t = { b = { y = "two", x = 1 }, a = true, [2] = 2.5, [1] = "one" }',
    'tprint(t)',
    'require("helper").dump(42)',
  ].join('\n'));
  assert.deepEqual(env.tprints, [
    {
      text: [' table', '1 string one', '2 number 2.5', 'a boolean true', 'b table', 'b.x number 1', 'b.y string two'].join('\n'),
      file: 'checks/test.lua', line: 2,
    },
    { text: ' number 42', file: 'checks/helper.lua', line: 3 },
  ]);
  assert.deepEqual(env.output, [], 'tprint goes to the hook, not to stdout');
});

test('tprint stops at its item limit and, without an onTprint hook, writes through io.write', () => {
  const env = makeEnv('2019.11');
  run(env, 'local t = {} for i = 1, 1500 do t[i] = i end tprint(t)');
  const lines = env.tprints[0]!.text.split('\n');
  assert.equal(lines.length, 1002);
  assert.equal(lines[1000], '1000 number 1000');
  assert.equal(lines[1001], 'ERROR: Item limit reached.');

  const bare = makeEnv('2019.11', {}, undefined, false);
  run(bare, 'tprint({k = "v"})');
  assert.deepEqual(bare.output.map((e) => [e.kind, e.text]), [['write', ' table\nk string v\n']]);
});

test('traceError: levels and modes from the catalog, captured with file and line; INFO and DEBUG dropped until setTraceLevel', () => {
  const env = makeEnv('2019.11');
  run(env, [
    'traceError(TRACE_ERROR, TRACE_CONSOLE, "x")',
    'traceError(TRACE_WARNING, TRACE_WEB, "careful")',
    'traceError(TRACE_INFO, TRACE_CONSOLE, "dropped")',
    'traceError(TRACE_DEBUG, TRACE_CONSOLE, "dropped too")',
    'setTraceLevel(TRACE_DEBUG)',
    'traceError(TRACE_DEBUG, TRACE_CONSOLE, "now shown")',
    'resetTraceLevel()',
    'traceError(TRACE_INFO, TRACE_CONSOLE, "dropped again")',
    'ntop.traceEvent(TRACE_NORMAL, "other.lua", 7, "from ntop")',
    'return { TRACE_ERROR, TRACE_WARNING, TRACE_NORMAL, TRACE_INFO, TRACE_DEBUG, TRACE_CONSOLE, TRACE_WEB }',
  ].join('\n'));
  assert.deepEqual(env.traces, [
    { level: 0, levelName: 'ERROR', mode: 0, message: 'x', file: 'checks/test.lua', line: 1 },
    { level: 1, levelName: 'WARNING', mode: 1, message: 'careful', file: 'checks/test.lua', line: 2 },
    { level: 4, levelName: 'DEBUG', mode: 0, message: 'now shown', file: 'checks/test.lua', line: 6 },
    { level: 2, levelName: 'NORMAL', mode: 0, message: 'from ntop', file: 'other.lua', line: 7 },
  ]);
  const values = table(run(env, 'return { TRACE_ERROR, TRACE_WARNING, TRACE_NORMAL, TRACE_INFO, TRACE_DEBUG, TRACE_CONSOLE, TRACE_WEB }')).array;
  const names = ['TRACE_ERROR', 'TRACE_WARNING', 'TRACE_NORMAL', 'TRACE_INFO', 'TRACE_DEBUG', 'TRACE_CONSOLE', 'TRACE_WEB'];
  assert.deepEqual(values, names.map((n) => globalsFor('2019.11').find((g) => g.name === n)!.value));
});

test('dkjson: encode/decode round-trip of nested tables and strings with escapes; errors as dkjson reports them', () => {
  const env = makeEnv('2019.11');
  const r = table(run(env, String.raw`
    local json = require("dkjson")
    local value = {
      name = "quote \" backslash \\ newline \n tab \t ctl \1 é",
      list = { 1, 2.5, -3, { deep = { deeper = { "x" } } } },
      empty = {},
      flag = false,
      big = 3000000000,
    }
    local text = json.encode(value)
    local back, pos = json.decode(text)
    local function same(a, b)
      if type(a) ~= type(b) then return false end
      if type(a) ~= "table" then return a == b end
      for k, v in pairs(a) do if not same(v, b[k]) then return false end end
      for k in pairs(b) do if a[k] == nil then return false end end
      return true
    end
    local bad, bad_pos, bad_msg = json.decode('{"a": [1, 2,, 3]}')
    local cyclic = {} cyclic.self = cyclic
    local ok_fn, err_fn = pcall(json.encode, { f = print })
    local ok_cy, err_cy = pcall(json.encode, cyclic)
    local u = json.decode([[ "\u00e9\ud83d\ude00\/" ]])
    return {
      text = text, same = same(value, back), pos = pos, len = #text,
      bad = bad == nil, bad_pos = bad_pos, bad_msg = bad_msg,
      ok_fn = ok_fn, err_fn = err_fn, ok_cy = ok_cy, err_cy = err_cy,
      u = u, null_in_array = #json.decode("[1,null,3]"), literal = json.decode(" true "),
    }`));
  assert.equal(r.fields.text,
    '{"big":3000000000,"empty":[],"flag":false,"list":[1,2.5,-3,{"deep":{"deeper":["x"]}}],'
    + '"name":"quote \\" backslash \\\\ newline \\n tab \\t ctl \\u0001 é"}');
  assert.equal(r.fields.same, true);
  assert.equal(r.fields.pos, (r.fields.len as number) + 1);
  assert.equal(JSON.stringify(JSON.parse(r.fields.text as string)), JSON.stringify({
    big: 3000000000, empty: [], flag: false, list: [1, 2.5, -3, { deep: { deeper: ['x'] } }], name: 'quote " backslash \\ newline \n tab \t ctl \u0001 é',
  }));
  assert.equal(r.fields.bad, true);
  assert.equal(r.fields.bad_pos, 13);
  assert.match(String(r.fields.bad_msg), /unexpected character ','/);
  assert.equal(r.fields.ok_fn, false);
  assert.match(String(r.fields.err_fn), /type 'function' is not supported by JSON/);
  assert.equal(r.fields.ok_cy, false);
  assert.match(String(r.fields.err_cy), /reference cycle/);
  assert.equal(r.fields.u, 'é😀/');
  assert.equal(r.fields.null_in_array, 3);
  assert.equal(r.fields.literal, true);
});

test('ternary and i18n: the catalog\'s sample titles, placeholders from params, nil for unknown keys, host locale', () => {
  const env = makeEnv('2019.11', { locale: { 'alerts.hello': 'Hello %{name}, %{count} alerts', 'alerts.plain': 'Plain' } });
  const r = table(run(env, `return {
    t1 = ternary(true, "a", "b"), t2 = ternary(false, "a", "b"), t3 = ternary(nil, "a", "b"), t4 = ternary(0, "a", "b"),
    title = i18n("flow_callbacks_config.blacklisted"),
    unknown = i18n("no.such.key") == nil,
    hello = i18n("alerts.hello", { name = "ntop", count = 3 }),
    plain = i18n("alerts.plain"),
    missing_param = i18n("alerts.hello", { name = "x" }),
  }`));
  assert.deepEqual(r.fields, {
    t1: 'a', t2: 'b', t3: 'b', t4: 'a', title: 'Blacklisted Flow', unknown: true, hello: 'Hello ntop, 3 alerts', plain: 'Plain',
    missing_param: 'Hello x, %{count} alerts',
  });
});

test('every catalog global except flow exists in each profile with its kind; lua_utils and flow_utils can be required', () => {
  for (const profile of PROFILES) {
    const env = makeEnv(profile);
    for (const g of globalsFor(profile)) {
      if (g.name === 'flow') continue;
      const got = run(env, `return type(${g.name})`);
      const expected = g.kind === 'constant' ? typeof g.value : LUA_TYPE[g.kind];
      assert.equal(got, expected, `${g.name} @ ${profile}`);
    }
    for (const g of STDLIB_EXTENSIONS.filter((x) => x.profiles.includes(profile))) {
      assert.equal(run(env, `return type(${g.name})`), 'function', g.name);
    }
    assert.equal(run(env, 'return require("lua_utils") ~= nil and require("flow_utils") ~= nil and rawget(_G, "__flowscript_host") == nil'), true);
  }
});

test('l4_keys per profile from the catalog; shortFlowLabel and the string helpers', () => {
  for (const profile of PROFILES) {
    const env = makeEnv(profile);
    const keys = table(run(env, 'local out = {} for _, k in ipairs(l4_keys) do out[#out + 1] = k[2] .. "=" .. k[3] end return out'));
    assert.deepEqual(keys.array, L4_KEYS[profile].map((k) => `${k.name}=${k.id}`), profile);
  }
  const env = makeEnv('2019.11');
  const r = table(run(env, `return {
    label = shortFlowLabel({ ["proto.l4"] = "UDP", ["cli.ip"] = "10.0.0.1", ["cli.port"] = 5353, ["srv.ip"] = "8.8.8.8", ["srv.port"] = 53, ["proto.ndpi"] = "DNS" }),
    tcp = l4_proto_to_id("tcp"), name = l4_proto_to_string(17),
    parts = ("a,b,,c"):split(","), split = split("a,b,,c", ","),
    starts = string.starts("hello", "he"), ends = ends("hello", "lo"), not_ends = ends("hello", "he"),
    ipv4 = isIPv4("192.168.1.1"), not_ipv4 = isIPv4("256.1.1.1"), empty = isEmptyString(""), len = table.len({ a = 1, 2 }),
    sorted = (function() local out = {} for k, v in pairsByKeys({ c = 3, a = 1, b = 2 }) do out[#out + 1] = k .. v end return table.concat(out) end)(),
    http = interface.getnDPIProtoId("HTTP"), unknown_proto = interface.getnDPIProtoId("NoSuchProto"),
  }`));
  assert.deepEqual(
    { ...r.fields, parts: table(r.fields.parts).array, split: table(r.fields.split).array },
    {
      label: '[UDP] 10.0.0.1:5353 -> 8.8.8.8:53 [DNS]', tcp: 6, name: 'UDP', parts: ['a', 'b', 'c'], split: ['a', 'b', '', 'c'],
      starts: true, ends: true, not_ends: false, ipv4: true, not_ipv4: false, empty: true, len: 2, sorted: 'a1b2c3', http: 7, unknown_proto: -1,
    },
  );
});

test('user_scripts per profile: script_types.flow from the catalog, field units, fixed 4.2 category ids', () => {
  const env19 = makeEnv('2019.11');
  const flow19 = table(run(env19, 'return require("user_scripts").script_types.flow'));
  assert.equal(flow19.fields.parent_dir, 'interface');
  assert.deepEqual(table(flow19.fields.hooks).array, ['protocolDetected', 'statusChanged', 'flowEnd', 'periodicUpdate']);
  assert.equal(flow19.fields.subdirs, undefined);
  assert.equal(run(env19, 'return require("user_scripts").field_units.seconds'), 'field_units.seconds');
  const env42 = makeEnv('4.2');
  const flow42 = table(run(env42, 'return require("user_scripts").script_types.flow'));
  assert.equal(flow42.fields.default_config_only, true);
  assert.deepEqual(table(flow42.fields.subdirs).array, ['flow']);
  const cats = table(run(env42, 'local out = {} for k, c in pairs(require("user_scripts").script_categories) do out[k] = c.id end return out'));
  assert.deepEqual(cats.fields, { other: 0, security: 1, internals: 2, network: 3, system: 4 });
});

test('sample-style scripts load: load-time i18n/ternary/ntop.isnEdge/getDeviceProtocolPoliciesUrl, dkjson on external alert info, 4.0 status tables', () => {
  const env = makeEnv('2019.11');
  const dev = table(run(env, `
    local flow_consts = require("flow_consts")
    local user_scripts = require("user_scripts")
    local script = {
      key = "device_protocol_not_allowed",
      hooks = {},
      gui = {
        i18n_title = "flow_callbacks_config.dev_proto_not_allowed",
        i18n_description = i18n(ternary(ntop.isnEdge(), "flow_callbacks_config.dev_proto_not_allowed_nedge_description",
          "flow_callbacks_config.dev_proto_not_allowed_description"), { url = getDeviceProtocolPoliciesUrl() }),
        input_builder = user_scripts.flow_checkbox_input_builder,
      },
    }
    script.title = i18n(script.gui.i18n_title)
    script.url = getDeviceProtocolPoliciesUrl("device_type=1")
    script.status = flow_consts.status_types.status_device_protocol_not_allowed.status_id
    return script`, 'device_protocol_not_allowed.lua'));
  assert.equal(dev.fields.title, 'Device Application Not Allowed');
  assert.equal(dev.fields.url, '/lua/admin/edit_device_protocols.lua?device_type=1');
  assert.equal(dev.fields.status, 16);

  const ext = table(run(env, `
    local json = require("dkjson")
    local flow_consts = require("flow_consts")
    local info = json.decode('{"source":"suricata","severity_id":2,"alert":{"signature":"ET POLICY x","category":"Misc"}}')
    return { id = flow_consts.status_types.status_external_alert.status_id, sev = info.severity_id, sig = info.alert.signature }`,
  'external_alert_check.lua'));
  assert.deepEqual(ext.fields, { id: 21, sev: 2, sig: 'ET POLICY x' });

  const env40 = makeEnv('4.0');
  const s40 = table(run(env40, `
    local flow_consts = require("flow_consts")
    local t = flow_consts.status_types.status_blacklisted
    return { id = t.status_id, max = flow_consts.max_score, sev = t.alert_severity.severity_id,
      udp = flow_consts.status_types.status_udp_unidirectional.alert_severity.severity_id,
      internals = flow_consts.status_types.status_not_purged.alert_type ~= nil }`));
  assert.equal(typeof s40.fields.id, 'number');
  assert.equal(s40.fields.max, 1000);
  assert.equal(s40.fields.sev, alertSeverities('4.0').find((s) => s.name === 'error')!.severityId);
  assert.equal(s40.fields.udp, alertSeverities('4.0').find((s) => s.name === 'info')!.severityId);
  assert.equal(s40.fields.internals, true);
});

test('flow_consts.getPredominantStatus walks the bitmap\'s bits and agrees with the definition (every status by prio) on every bitmap', () => {
  const vm = LuaVm.create({ instructionBudget: 50_000_000 });
  registerFlowScriptModules(vm.modules, vm, '2019.11');
  const r = vm.loadScript([
    'local fc = require("flow_consts")',
    'local by_prio = {}',
    'for key, def in pairs(fc.status_types) do by_prio[#by_prio + 1] = { id = def.status_id, prio = def.prio or 0 } end',
    'table.sort(by_prio, function(a, b) if a.prio ~= b.prio then return a.prio > b.prio end return a.id < b.id end)',
    'local function reference(bitmap)',
    '  if bitmap == 0 then return 0 end',
    '  for _, s in ipairs(by_prio) do if math.floor(bitmap / 2 ^ s.id) % 2 == 1 then return s.id end end',
    '  return 0',
    'end',
    'local seed, checked = 12345, 0',
    'local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end',
    'for i = 1, 3000 do',
    '  local bitmap = 0',
    '  for b = 1, rand(4) do bitmap = bitmap + 2 ^ rand(40) end',
    '  if i % 3 == 0 then bitmap = math.tointeger(bitmap) or bitmap end',
    '  local want, got = reference(bitmap), fc.getPredominantStatus(bitmap)',
    '  if want ~= got then error(string.format("bitmap %.0f: %d expected, got %d", bitmap, want, got)) end',
    '  checked = checked + 1',
    'end',
    'return { checked, fc.getPredominantStatus(0), fc.getPredominantStatus(2 ^ 62), fc.getPredominantStatus(-1) == reference(-1) }',
  ].join('\n'), 'check.lua');
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const v = r.value as { kind: 'table'; array: unknown[] };
  assert.deepEqual(v.array, [3000, 0, 0, true]);
});
