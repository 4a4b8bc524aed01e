// Minimal ambient declaration for fengari 0.1.5 (it ships no types). Only what engine/scripts/vm uses;
// nothing outside engine/scripts/vm may import 'fengari' (the rest of the engine uses LuaVm).
declare module 'fengari' {
  export type LuaString = Uint8Array;
  /** An opaque lua_State. */
  export interface LuaState { readonly __fengariState: never }
  export interface LuaDebug {
    source: LuaString | null;
    short_src: LuaString | null;
    currentline: number;
    linedefined: number;
    what: LuaString | null;
    name: LuaString | null;
  }
  export type LuaCFunction = (L: LuaState) => number;
  export type LuaHook = (L: LuaState, ar: LuaDebug) => void;

  export function to_luastring(s: string, cache?: boolean): LuaString;
  export function to_jsstring(s: LuaString, from?: number, to?: number, replacement_char?: boolean): string;

  export const lua: {
    LUA_OK: number; LUA_YIELD: number; LUA_ERRRUN: number; LUA_ERRSYNTAX: number; LUA_ERRMEM: number; LUA_ERRERR: number;
    LUA_TNONE: number; LUA_TNIL: number; LUA_TBOOLEAN: number; LUA_TLIGHTUSERDATA: number; LUA_TNUMBER: number;
    LUA_TSTRING: number; LUA_TTABLE: number; LUA_TFUNCTION: number; LUA_TUSERDATA: number; LUA_TTHREAD: number;
    LUA_MASKCOUNT: number; LUA_REGISTRYINDEX: number; LUA_MULTRET: number; LUA_RIDX_GLOBALS: number;
    lua_Debug: new () => LuaDebug;
    lua_atnativeerror(L: LuaState, f: LuaCFunction): LuaCFunction | undefined;
    lua_sethook(L: LuaState, f: LuaHook | null, mask: number, count: number): void;
    lua_getstack(L: LuaState, level: number, ar: LuaDebug): number;
    lua_getinfo(L: LuaState, what: LuaString, ar: LuaDebug): number;
    lua_gettop(L: LuaState): number;
    lua_settop(L: LuaState, idx: number): void;
    lua_tocfunction(L: LuaState, idx: number): ((L: LuaState) => number) | null;
    lua_pop(L: LuaState, n: number): void;
    lua_pushvalue(L: LuaState, idx: number): void;
    lua_insert(L: LuaState, idx: number): void;
    lua_replace(L: LuaState, idx: number): void;
    lua_remove(L: LuaState, idx: number): void;
    lua_absindex(L: LuaState, idx: number): number;
    lua_type(L: LuaState, idx: number): number;
    lua_isinteger(L: LuaState, idx: number): boolean;
    lua_tonumber(L: LuaState, idx: number): number;
    lua_tointeger(L: LuaState, idx: number): number;
    lua_toboolean(L: LuaState, idx: number): boolean;
    lua_tojsstring(L: LuaState, idx: number): string;
    lua_tostring(L: LuaState, idx: number): LuaString | null;
    lua_touserdata(L: LuaState, idx: number): unknown;
    lua_topointer(L: LuaState, idx: number): unknown;
    lua_pushnil(L: LuaState): void;
    lua_pushnumber(L: LuaState, n: number): void;
    lua_pushinteger(L: LuaState, n: number): void;
    lua_pushboolean(L: LuaState, b: boolean): void;
    lua_pushstring(L: LuaState, s: LuaString | string): LuaString;
    lua_pushliteral(L: LuaState, s: string): LuaString;
    lua_pushjsfunction(L: LuaState, f: LuaCFunction): void;
    lua_pushcfunction(L: LuaState, f: LuaCFunction): void;
    lua_createtable(L: LuaState, narr: number, nrec: number): void;
    lua_rawset(L: LuaState, idx: number): void;
    lua_newtable(L: LuaState): void;
    lua_setfield(L: LuaState, idx: number, k: LuaString | string): void;
    lua_getfield(L: LuaState, idx: number, k: LuaString | string): number;
    lua_rawseti(L: LuaState, idx: number, n: number): void;
    lua_rawgeti(L: LuaState, idx: number, n: number): number;
    lua_rawget(L: LuaState, idx: number): number;
    lua_getmetatable(L: LuaState, idx: number): boolean;
    lua_rawlen(L: LuaState, idx: number): number;
    lua_next(L: LuaState, idx: number): number;
    lua_setglobal(L: LuaState, name: LuaString | string): void;
    lua_getglobal(L: LuaState, name: LuaString | string): number;
    lua_pcall(L: LuaState, nargs: number, nresults: number, msgh: number): number;
    lua_call(L: LuaState, nargs: number, nresults: number): void;
    lua_error(L: LuaState): never;
  };
  export const lauxlib: {
    LUA_NOREF: number;
    luaL_newstate(): LuaState;
    luaL_requiref(L: LuaState, name: LuaString | string, open: LuaCFunction, glb: number): void;
    luaL_loadbuffer(L: LuaState, buff: LuaString, size: number | null, name: LuaString | string): number;
    luaL_traceback(L: LuaState, L1: LuaState, msg: LuaString | null, level: number): void;
    luaL_tolstring(L: LuaState, idx: number): LuaString;
    luaL_ref(L: LuaState, t: number): number;
    luaL_unref(L: LuaState, t: number, ref: number): void;
    luaL_error(L: LuaState, fmt: string | LuaString, ...args: unknown[]): never;
    luaL_where(L: LuaState, level: number): void;
  };
  export const lualib: {
    luaopen_base: LuaCFunction; luaopen_coroutine: LuaCFunction; luaopen_table: LuaCFunction;
    luaopen_os: LuaCFunction; luaopen_string: LuaCFunction; luaopen_utf8: LuaCFunction;
    luaopen_math: LuaCFunction; luaopen_debug: LuaCFunction; luaopen_package: LuaCFunction;
    luaL_openlibs(L: LuaState): void;
  };
}

declare module 'fengari/src/lobject.js' {
  // Patched by number-format.ts so integral floats beyond the 32-bit range print like 64-bit integers.
  const lobject: {
    luaO_tostring: (L: unknown, obj: { ttisinteger(): boolean; value: number; setsvalue(s: unknown): void }) => void;
    luaO_pushvfstring: (L: unknown, fmt: Uint8Array, argp: unknown[]) => unknown;
    pushsvalue2s: (L: unknown, ts: unknown) => void;
    TValue: new (type: number, value: unknown) => unknown;
  };
  export = lobject;
}
declare module 'fengari/src/lstring.js' {
  const lstring: { luaS_bless(L: unknown, s: Uint8Array): unknown; luaS_hashlongstr(ts: unknown): string };
  export = lstring;
}
declare module 'fengari/src/ltable.js' {
  // Used by LuaVm.push to fill record tables without going through the stack.
  const ltable: { luaH_setfrom(L: unknown, t: unknown, key: unknown, value: unknown): void; invalidateTMcache(t: unknown): void };
  export = ltable;
}
