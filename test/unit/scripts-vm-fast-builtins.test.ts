/**
 * engine/scripts/vm/fast-builtins.ts answers tostring and string.format itself in the common cases:
 * every case here is checked against fengari's own function on the same arguments (differential),
 * byte for byte, errors included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lauxlib, lua, lualib, to_luastring, type LuaState } from 'fengari';
import { fastToString, tryFastFormat } from '../../engine/scripts/vm/fast-builtins';

/** A bare state with `fast_tostring`/`fast_format` next to the originals. */
function state(): LuaState {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  lua.lua_getglobal(L, to_luastring('tostring'));
  const tostring = lua.lua_tocfunction(L, -1)!;
  lua.lua_pop(L, 1);
  lua.lua_pushjsfunction(L, fastToString(tostring));
  lua.lua_setglobal(L, to_luastring('fast_tostring'));
  lua.lua_getglobal(L, to_luastring('string'));
  lua.lua_getfield(L, -1, to_luastring('format'));
  const format = lua.lua_tocfunction(L, -1)!;
  lua.lua_pop(L, 2);
  let fast = 0;
  lua.lua_pushjsfunction(L, (L2: LuaState) => (tryFastFormat(L2) ? (fast++, 1) : format(L2)));
  lua.lua_setglobal(L, to_luastring('fast_format'));
  lua.lua_pushjsfunction(L, (L2: LuaState) => { lua.lua_pushinteger(L2, fast); return 1; });
  lua.lua_setglobal(L, to_luastring('fast_count'));
  return L;
}

/** Runs `chunk` and returns its single string result (or the error message). */
function run(L: LuaState, chunk: string): string {
  if (lauxlib.luaL_loadbuffer(L, to_luastring(chunk), null, to_luastring('=t')) !== lua.LUA_OK) return `load: ${lua.lua_tojsstring(L, -1)}`;
  const status = lua.lua_pcall(L, 0, 1, 0);
  const out = status === lua.LUA_OK ? `ok:${lua.lua_tojsstring(L, -1)}` : `error:${lua.lua_tojsstring(L, -1)}`;
  lua.lua_pop(L, 1);
  return out;
}

const TOSTRING_CASES = [
  '443', '-7', '0', '2147483647', '-2147483648', '3.5', '1e100', '2^53', '0/0', '"abc"', '"a\\0b"', '""',
  'nil', 'true', 'false', 'setmetatable({}, { __tostring = function() return "T" end })',
  'setmetatable({}, { __tostring = function() return 1 end })', 'setmetatable({}, { __name = "My" })',
];

test('tostring: the fast path agrees with fengari on integers, strings and the rest', () => {
  const L = state();
  for (const c of TOSTRING_CASES) {
    const fast = run(L, `local v = ${c}; return (fast_tostring(v):gsub('0x%x+', 'ADDR'))`);
    const slow = run(L, `local v = ${c}; return (tostring(v):gsub('0x%x+', 'ADDR'))`);
    assert.equal(fast, slow, c);
  }
  assert.match(run(L, 'return fast_tostring()'), /^error:.*bad argument #1/);
});

test('tostring: a __tostring set on strings or numbers is honoured', () => {
  const L = state();
  assert.equal(run(L, 'debug.setmetatable(0, { __tostring = function(n) return "N" .. (n + 0) end }); return fast_tostring(5)'), 'ok:N5');
  assert.equal(run(L, 'getmetatable("").__tostring = function(s) return "S" end; return fast_tostring("x")'), 'ok:S');
});

const FORMAT_CASES: Array<[string, boolean]> = [
  ['"%d %s", 1, "x"', true], ['"plain"', true], ['"100%%"', true], ['"%s|%s", "a\\0b", -12', true], ['"%i", 2147483647', true],
  ['"%5d", 3', false], ['"%d", 3.0', false], ['"%d", 3.5', false], ['"%d", "10"', false], ['"%s", 1.5', false],
  ['"%s", nil', false], ['"%s", {}', false], ['"%x", 255', false], ['"%q", "a\\nb"', false], ['"%d"', false],
  ['"%"', false], ['"%s %d", "a"', false], ['"%.3f", 1', false], ['"%s", setmetatable({}, { __tostring = function() return "T" end })', false],
  ['"%d", 5000000000', false], ['"%s", true', false],
];

test('string.format: the fast path agrees with fengari, and answers only the cases it knows', () => {
  const L = state();
  for (const [args, expectFast] of FORMAT_CASES) {
    const before = Number(run(L, 'return fast_count()').slice(3));
    const fast = run(L, `return (fast_format(${args}):gsub('0x%x+', 'ADDR'))`);
    const after = Number(run(L, 'return fast_count()').slice(3));
    const slow = run(L, `return (string.format(${args}):gsub('0x%x+', 'ADDR'))`);
    assert.equal(fast.replace(/fast_format/g, 'format'), slow, args);
    assert.equal(after - before === 1, expectFast, `${args}: fast path ${expectFast ? 'expected' : 'not expected'}`);
  }
});
