/**
 * Interned Lua strings for the host's hot path. fengari's lua_pushstring / lua_setfield copy the
 * bytes into a new TString each time, and the first table access then computes a hash string byte
 * by byte: for the keys and small values the flow bindings push on every call this was the largest
 * cost of a hook call (CPU profile, docs/design.md). Lua strings are immutable, so one TString per
 * distinct JS string (hash computed once) can be shared by every push in the thread.
 */
import { to_luastring, type LuaState } from 'fengari';
import lobject = require('fengari/src/lobject.js');
import lstring = require('fengari/src/lstring.js');

/** Bounded: values pushed once (long URLs, unique names) should not pile up. */
const MAX_ENTRIES = 100_000;
const MAX_LENGTH = 256;
const cache = new Map<string, unknown>();

/** The Lua string (a fengari TString) of `s`: the interned one when `s` is short. */
export function luaString(L: LuaState, s: string): unknown {
  let ts = cache.get(s);
  if (ts === undefined) {
    ts = lstring.luaS_bless(L, to_luastring(s));
    if (s.length <= MAX_LENGTH) {
      lstring.luaS_hashlongstr(ts);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(s, ts);
    }
  }
  return ts;
}

/** Pushes `s` as a Lua string, reusing an interned TString when `s` is short. */
export function pushInterned(L: LuaState, s: string): void {
  lobject.pushsvalue2s(L, luaString(L, s));
}
