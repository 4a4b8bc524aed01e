/**
 * fengari's own cost of one hook-shaped call, with nothing of ours around it: `lua_pcall` of
 * `function(now) end` in a bare state. The benchmark multiplies it by a run's hook calls to show the
 * floor that no host code can go below (bench/scripts-cost.ts).
 */
import { lauxlib, lua, lualib } from 'fengari';

/** Best of `rounds` rounds of `calls` calls, in microseconds per call. */
export function bareCallMicros(calls = 200_000, rounds = 5): number {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  if (lauxlib.luaL_loadbuffer(L, new TextEncoder().encode('return function(now) end'), null, 'bare') !== lua.LUA_OK) throw new Error('bare call: load failed');
  lua.lua_call(L, 0, 1);
  const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
      lua.lua_pushinteger(L, i);
      lua.lua_pcall(L, 1, 0, 0);
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / calls / 1000);
  }
  return best;
}
