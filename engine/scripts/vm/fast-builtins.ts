/**
 * Fast paths for the two string builders every flow script uses on every call: `tostring` and
 * `string.format`. fengari implements both over its own printf (format strings parsed byte by byte,
 * a luaL_Buffer, numbers formatted through several conversions): `tostring(443)` cost 5.5 µs and
 * `string.format('%d %s', 1, 'x')` 12.9 µs in a hook (bench: the flow API cost table in
 * docs/design.md). The common cases are answered here, byte for byte as Lua 5.3 would; anything
 * else (a `__tostring` metamethod, floats, widths, flags, precisions, `%q`, `%x`, missing or
 * mistyped arguments) goes to fengari's own function, which also raises Lua's errors. On that
 * path, `%d` of a counter at or above 2^31 (a float here: number-format.ts) is made printable first.
 */
import { lua, to_luastring, type LuaState } from 'fengari';
import { pushInterned } from './interned';

type CFunction = (L: LuaState) => number;

const { LUA_TNIL, LUA_TNUMBER, LUA_TSTRING } = lua;
const PERCENT = 37;
/** Integers pushed through the interned-string cache; larger ones would only churn it. */
const INTERN_LIMIT = 65536;

/** Lua's decimal text of an integer, as a Lua string on the stack. */
function pushIntegerText(L: LuaState, n: number): void {
  const text = String(n);
  if (n > -INTERN_LIMIT && n < INTERN_LIMIT) pushInterned(L, text);
  else lua.lua_pushstring(L, to_luastring(text));
}

/**
 * True when the value at idx has no `__tostring` metamethod (numbers and strings share one
 * metatable each). luaL_getmetafield would copy and hash the key on every call: the key here is
 * the interned Lua string.
 */
function noToString(L: LuaState, idx: number): boolean {
  if (!lua.lua_getmetatable(L, idx)) return true;
  pushInterned(L, '__tostring');
  const t = lua.lua_rawget(L, -2);
  lua.lua_pop(L, 2);
  return t === LUA_TNIL;
}

/** `tostring(v)`: strings and integers here, everything else through `original`. */
export function fastToString(original: CFunction): CFunction {
  return (L) => {
    if (lua.lua_gettop(L) >= 1) {
      const t = lua.lua_type(L, 1);
      if (t === LUA_TSTRING && noToString(L, 1)) {
        lua.lua_settop(L, 1);
        return 1;
      }
      if (t === LUA_TNUMBER && lua.lua_isinteger(L, 1) && noToString(L, 1)) {
        pushIntegerText(L, lua.lua_tointeger(L, 1));
        return 1;
      }
    }
    return original(L);
  };
}

const TWO_31 = 2 ** 31;
const TWO_53 = 2 ** 53;
const SPEC = /%([-+ #0]*\d*)(\.?\d*)([a-zA-Z%])/g;

/**
 * string.format('%d', counter) for counters >= 2^31, which the host pushes as floats (fengari
 * integers are 32-bit; number-format.ts): such %d/%i arguments are formatted with %.0f, as a 64-bit
 * integer would be. Rewrites the format (argument 1) in place; the usual case costs one scan of
 * the arguments' types.
 */
function formatWithLargeIntegers(L: LuaState): void {
  const n = lua.lua_gettop(L);
  let large = false;
  for (let i = 2; i <= n && !large; i++) {
    if (lua.lua_type(L, i) === LUA_TNUMBER && !lua.lua_isinteger(L, i)) {
      const v = lua.lua_tonumber(L, i);
      large = Number.isInteger(v) && Math.abs(v) >= TWO_31 && Math.abs(v) <= TWO_53;
    }
  }
  if (!large || lua.lua_type(L, 1) !== LUA_TSTRING) return;
  let arg = 1;
  const fmt = lua.lua_tojsstring(L, 1).replace(SPEC, (all: string, flags: string, _precision: string, conv: string) => {
    if (conv === '%') return all;
    arg++;
    if ((conv === 'd' || conv === 'i') && lua.lua_type(L, arg) === LUA_TNUMBER && !lua.lua_isinteger(L, arg)) {
      const v = lua.lua_tonumber(L, arg);
      if (Number.isInteger(v) && Math.abs(v) <= TWO_53) return `%${flags}.0f`;
    }
    return all;
  });
  lua.lua_pushstring(L, to_luastring(fmt));
  lua.lua_replace(L, 1);
}

/** `string.format`: the fast path, else fengari's with counters >= 2^31 made printable by `%d`. */
export function fastFormat(original: CFunction): CFunction {
  return (L) => {
    if (tryFastFormat(L)) return 1;
    formatWithLargeIntegers(L);
    return original(L);
  };
}

/**
 * `string.format(fmt, ...)` when fmt holds only literal text, `%%`, and bare `%s`/`%d`/`%i`
 * conversions whose arguments are strings or integers (`%s` of a string keeps every byte, zeros
 * included, as Lua 5.3 does without modifiers). Returns false, having pushed nothing, for any
 * other call, which the caller then hands to fengari.
 */
export function tryFastFormat(L: LuaState): boolean {
  const argc = lua.lua_gettop(L);
  if (argc < 1 || lua.lua_type(L, 1) !== LUA_TSTRING) return false;
  const fmt = lua.lua_tostring(L, 1)!;
  const parts: Uint8Array[] = [];
  let size = 0;
  let literalFrom = 0;
  let arg = 1;
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== PERCENT) continue;
    const conv = fmt[i + 1];
    if (conv === undefined) return false;
    if (i > literalFrom) { parts.push(fmt.subarray(literalFrom, i)); size += i - literalFrom; }
    i++;
    literalFrom = i + 1;
    if (conv === PERCENT) { parts.push(fmt.subarray(i, i + 1)); size += 1; continue; }
    arg++;
    if (arg > argc) return false;
    const t = lua.lua_type(L, arg);
    let bytes: Uint8Array;
    if (conv === 115 /* s */) {
      if (t === LUA_TSTRING && noToString(L, arg)) bytes = lua.lua_tostring(L, arg)!;
      else if (t === LUA_TNUMBER && lua.lua_isinteger(L, arg) && noToString(L, arg)) bytes = to_luastring(String(lua.lua_tointeger(L, arg)));
      else return false;
    } else if (conv === 100 /* d */ || conv === 105 /* i */) {
      if (t !== LUA_TNUMBER || !lua.lua_isinteger(L, arg)) return false;
      bytes = to_luastring(String(lua.lua_tointeger(L, arg)));
    } else {
      return false;
    }
    parts.push(bytes);
    size += bytes.length;
  }
  if (fmt.length > literalFrom) { parts.push(fmt.subarray(literalFrom)); size += fmt.length - literalFrom; }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  lua.lua_pushstring(L, out);
  return true;
}
