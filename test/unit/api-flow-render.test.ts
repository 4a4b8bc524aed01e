/** docs/flow-api.md and api/luals/*.lua are rendered from api/flow and must match the data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FLOW_FUNCTIONS, PROFILES, functionsFor, hooksFor, scriptFields } from '../../api/flow';
import { FLOW_DOC_PATH, renderFlowDoc } from '../../api/flow/render-docs';
import { LUALS_CONFIG_SNIPPET, LUALS_DIR, lualsFileName, renderLuals } from '../../api/flow/render-luals';

interface Fengari {
  lua: {
    LUA_OK: number;
    LUA_TFUNCTION: number;
    lua_pcall(L: unknown, nargs: number, nresults: number, msgh: number): number;
    lua_getglobal(L: unknown, name: Uint8Array): number;
    lua_getfield(L: unknown, index: number, name: Uint8Array): number;
    lua_pop(L: unknown, n: number): void;
    lua_tojsstring(L: unknown, index: number): string;
  };
  lauxlib: { luaL_newstate(): unknown; luaL_loadbuffer(L: unknown, src: Uint8Array, size: null, name: Uint8Array): number };
  lualib: { luaL_openlibs(L: unknown): void };
  to_luastring(s: string): Uint8Array;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fengari = require('fengari') as Fengari;

test('the committed docs/flow-api.md equals a fresh rendering (run api/flow/render-docs.ts --write after a data change)', () => {
  assert.equal(readFileSync(FLOW_DOC_PATH, 'utf8'), renderFlowDoc());
});

test('the committed LuaLS files equal a fresh rendering (run api/flow/render-luals.ts --write after a data change)', () => {
  assert.equal(lualsFileName('2019.11'), 'flowscript.lua');
  for (const p of PROFILES) {
    assert.equal(readFileSync(resolve(LUALS_DIR, lualsFileName(p)), 'utf8'), renderLuals(p), p);
  }
});

test('the docs cover every function, hook and field, and show the LuaLS configuration', () => {
  const doc = renderFlowDoc();
  for (const f of FLOW_FUNCTIONS) assert.ok(doc.includes(`### flow.${f.name}\n`), f.name);
  assert.ok(doc.includes(LUALS_CONFIG_SNIPPET));
  assert.deepEqual(JSON.parse(LUALS_CONFIG_SNIPPET)['workspace.library'], ['path/to/flowscript-studio/api/luals/flowscript.lua']);
  assert.ok(doc.includes('flow.getClientGeolocation() -> table'));
  assert.ok(doc.includes('`cli.latitude`, `cli.longitude`, `cli.country`, `cli.city`'));
  assert.ok(doc.includes('Replaced by `flow.getClientCountry` (4.0).'));
  assert.ok(doc.includes('| `statusChanged` | 2019.11: yes; 4.0: accepted, never called; 4.2: accepted, never called |'));
});

test('each LuaLS file is valid Lua that defines exactly the profile\'s flow functions', () => {
  const { lua, lauxlib, lualib, to_luastring } = fengari;
  for (const p of PROFILES) {
    const text = renderLuals(p);
    assert.ok(text.startsWith('---@meta'));
    const L = lauxlib.luaL_newstate();
    lualib.luaL_openlibs(L);
    assert.equal(lauxlib.luaL_loadbuffer(L, to_luastring(text), null, to_luastring(lualsFileName(p))), lua.LUA_OK);
    const status = lua.lua_pcall(L, 0, 0, 0);
    assert.equal(status, lua.LUA_OK, status === lua.LUA_OK ? '' : lua.lua_tojsstring(L, -1));
    lua.lua_getglobal(L, to_luastring('flow'));
    for (const f of FLOW_FUNCTIONS) {
      const type = lua.lua_getfield(L, -1, to_luastring(f.name));
      assert.equal(type === lua.LUA_TFUNCTION, f.profiles.includes(p), `flow.${f.name} in ${p}`);
      lua.lua_pop(L, 1);
    }
    assert.equal((text.match(/^function flow\./gm) ?? []).length, functionsFor(p).length);
  }
});

test('the LuaLS files carry per-profile hook arguments, fields and signatures', () => {
  const old = renderLuals('2019.11');
  const v40 = renderLuals('4.0');
  const v42 = renderLuals('4.2');
  assert.ok(old.includes('---@field protocolDetected? fun(now: integer) '));
  assert.ok(v40.includes('---@field protocolDetected? fun(now: integer, script_conf: table) '));
  assert.ok(v42.includes('Never called in 4.2.'));
  for (const p of PROFILES) {
    const text = renderLuals(p);
    for (const h of hooksFor(p)) assert.ok(text.includes(`---@field ${h.name}? fun(`), `${h.name} in ${p}`);
    for (const f of scriptFields(p)) assert.ok(new RegExp(`^---@field ${f.name}\\??\\s`, 'm').test(text), `${f.name} in ${p}`);
  }
  assert.ok(old.includes('---@param status_id integer'));
  assert.ok(old.includes('function flow.triggerStatus(status_id, status_info, custom_severity) end'));
  assert.ok(v40.includes('function flow.triggerStatus(flow_status_type, status_info, flow_score, cli_score, srv_score, custom_severity) end'));
  assert.ok(v42.includes('function flow.triggerStatus(status_info, flow_score, cli_score, srv_score) end'));
  assert.ok(old.includes('---@field ["cli.country"] string'));
  assert.ok(old.includes('---@field ["cli.latitude"] number'));
  assert.ok(old.includes('---@field ["cli.port"] integer'));
  assert.ok(old.includes('---@field ["blacklisted.cat"] boolean'));
  assert.ok(old.includes('---@return flowlib.getClientGeolocation.result'));
  assert.ok(!v40.includes('getClientGeolocation'));
  assert.ok(v40.includes('---@return string?\nfunction flow.getClientCountry() end'));
  assert.ok(old.includes('---@field l4_proto? "tcp"|"udp"|"icmp"|"icmpv6"|"igmp" '));
  assert.ok(v42.includes('---@field prio? number '));
});
