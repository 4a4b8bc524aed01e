/**
 * LuaVm: one sandboxed Lua 5.3 state (fengari) behind our own interface. Only engine/scripts/vm
 * imports fengari. See number-format.ts for the 32-bit integer strategy and sandbox-prelude.ts for
 * what is removed from the standard library.
 *
 * Safety inside the VM (the worker in sandbox-host.ts adds wall-clock and memory limits on top):
 *  - an instruction budget per top-level call through the count hook; once exceeded, the hook raises
 *    at every instruction so a script cannot swallow the error with pcall and carry on;
 *  - lua_atnativeerror turns a JS exception in a native into a Lua error (catchable by pcall);
 *  - `require` resolves package.preload, the ModuleRegistry and .lua files of the script's folder.
 */
import { lauxlib, lua, lualib, to_jsstring, to_luastring, type LuaDebug, type LuaState, type LuaString } from 'fengari';
import { readFileSync, realpathSync } from 'node:fs';
import { posix, resolve, sep } from 'node:path';
import lobject = require('fengari/src/lobject.js');
import { fastFormat, fastToString } from './fast-builtins';
import ltable = require('fengari/src/ltable.js');
import { luaString, pushInterned } from './interned';
import { needsFloat, patchLargeIntegralFloatFormatting } from './number-format';
import { SANDBOX_PRELUDE } from './sandbox-prelude';
import {
  ModuleRegistry, MultipleValues,
  type JsValue, type LuaErrorInfo, type LuaFunctionRef, type LuaResult, type LuaTableValue, type LuaValue,
  type LuaVmOptions, type NativeCall, type NativeFunction, type OutputEvent, type LuaRef, MAX_STRING_BYTES, WATCH_LINE,
} from './types';

const {
  LUA_OK, LUA_ERRSYNTAX, LUA_MASKCOUNT, LUA_MULTRET, LUA_REGISTRYINDEX,
  LUA_TNIL, LUA_TNONE, LUA_TBOOLEAN, LUA_TNUMBER, LUA_TSTRING, LUA_TTABLE, LUA_TFUNCTION,
} = lua;

const TYPE_NAMES = ['nil', 'boolean', 'userdata', 'number', 'string', 'table', 'function', 'userdata', 'thread'];
const MODULE_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const MAX_DEPTH = 16;
const S = (s: string): LuaString => to_luastring(s, true);
const INFO_SL = S('Sl');
const INFO_FN_S = S('>S');
const INFO_L = S('l');

/** Slots of the dense Lua stack (keepStackFast); fengari's own limit is 1,000,000. */
const STACK_SLOTS = 1024;
/** fengari's lstate.EXTRA_STACK: slots kept free above stack_last. */
const EXTRA_STACK = 5;
/** The fields of fengari's lua_State that keepStackFast replaces. */
interface FengariStack { stack: Array<{ value: unknown } | undefined>; top: number; stack_last: number }
/** A fengari TValue, written in place. */
interface ScratchValue { setfltvalue(n: number): void; setivalue(n: number): void; setsvalue(ts: unknown): void; setbvalue(b: boolean): void }
/** Stack slot of the pinned message handler (protectedCall). */
const PINNED_MSGH = 1;
const OK: LuaResult<undefined> = Object.freeze({ ok: true, value: undefined });
/** Where a script is: chunk name (file) and line. */
interface Where { file: string; line: number }

export class LuaVm {
  /** Creates a fresh sandboxed VM. */
  static create(options: LuaVmOptions): LuaVm {
    return new LuaVm(options);
  }

  readonly instructionBudget: number;
  readonly modules: ModuleRegistry;
  private readonly L: LuaState;
  private readonly root: string;
  private readonly interval: number;
  private readonly onOutput: (event: OutputEvent) => void;
  /** Chunk name → folder (relative to root) whose files it may require. */
  private readonly homes = new Map<string, string>();
  private used = 0;
  private depth = 0;
  private exhausted: Where | null = null;
  private nativeError: { name: string; message: string } | null = null;
  private errorWhere: Where | null = null;
  private closed = false;
  private hookSet = false;
  private readonly ownerId: number | undefined;

  private constructor(options: LuaVmOptions) {
    patchLargeIntegralFloatFormatting();
    this.instructionBudget = options.instructionBudget;
    this.modules = options.modules ?? new ModuleRegistry();
    this.root = resolve(options.scriptRoot ?? process.cwd());
    this.interval = Math.max(1, Math.min(options.hookInterval ?? 1000, options.instructionBudget));
    this.onOutput = options.onOutput ?? (() => {});
    this.ownerId = options.ownerId;
    const L = lauxlib.luaL_newstate();
    this.L = L;
    lua.lua_atnativeerror(L, this.onNativeError);
    const libs: Array<[string, (L: LuaState) => number]> = [
      ['_G', lualib.luaopen_base], ['package', lualib.luaopen_package], ['coroutine', lualib.luaopen_coroutine],
      ['table', lualib.luaopen_table], ['string', lualib.luaopen_string], ['math', lualib.luaopen_math],
      ['utf8', lualib.luaopen_utf8], ['os', lualib.luaopen_os], ['debug', lualib.luaopen_debug],
    ];
    for (const [name, open] of libs) {
      lauxlib.luaL_requiref(L, S(name), open, 1);
      lua.lua_pop(L, 1);
    }
    const status = lauxlib.luaL_loadbuffer(L, S(SANDBOX_PRELUDE), null, S('=(sandbox prelude)'));
    if (status !== LUA_OK) throw new Error(`sandbox prelude: ${lua.lua_tojsstring(L, -1)}`);
    for (const fn of [this.print, this.write, this.builtinSearcher, this.folderSearcher]) lua.lua_pushjsfunction(L, fn);
    if (lua.lua_pcall(L, 4, 0, 0) !== LUA_OK) throw new Error(`sandbox prelude: ${lua.lua_tojsstring(L, -1)}`);
    this.watch = options.watch;
    this.guardStringFunctions();
    // tostring and string.format: fast paths in front of fengari's own (fast-builtins.ts), which
    // they call directly on the same frame so that its errors name the function
    lua.lua_rawgeti(L, LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
    this.wrapCFunction(-1, 'tostring', fastToString);
    lua.lua_getfield(L, -1, S('string'));
    this.wrapCFunction(-1, 'format', fastFormat);
    lua.lua_pop(L, 2);
    // the message handler of every call (protectedCall), at stack slot 1 for the VM's life:
    // everything else keeps the stack balanced above it
    lua.lua_pushjsfunction(L, this.messageHandler);
    this.keepStackFast();
  }

  /**
   * fengari's stack is a JS array that it grows by setting `length` and shrinks with `delete`; once
   * it has grown past 64 slots V8 keeps it as a dictionary, and every push and pop of every
   * operation becomes a hash-table update (an empty hook call cost 2.5 times more, a field set in
   * a returned table 2.2 times more; docs/design.md). Between calls, when no Lua frame holds a
   * slot, the stack is replaced by a dense array of the same values with every slot above the top
   * filled, so that pops (holes) stay few against its length and V8 keeps it a fast array.
   */
  private keepStackFast(): void {
    const L = this.L as unknown as FengariStack;
    const size = Math.max(STACK_SLOTS, L.stack.length);
    const dense = new Array<{ value: unknown } | undefined>(size);
    for (let i = 0; i < size; i++) dense[i] = i < L.top ? L.stack[i] : (new lobject.TValue(LUA_TNIL, null) as { value: unknown });
    L.stack = dense;
    L.stack_last = size - EXTRA_STACK;
    this.stackSize = size;
  }

  private stackSize = 0;

  /** Replaces the C function `name` of the table at `idx` by `wrap(original)`. */
  private wrapCFunction(idx: number, name: string, wrap: (original: (L: LuaState) => number) => (L: LuaState) => number): void {
    const L = this.L;
    const table = lua.lua_absindex(L, idx);
    lua.lua_getfield(L, table, S(name));
    const original = lua.lua_tocfunction(L, -1);
    lua.lua_pop(L, 1);
    if (!original) throw new Error(`LuaVm: ${name} is not a C function`);
    lua.lua_pushjsfunction(L, wrap(original));
    lua.lua_setfield(L, table, S(name));
  }

  private readonly watch: Int32Array | undefined;

  /**
   * Wraps the string functions that can run long inside one VM instruction: each call records
   * its line for the watchdog, and string.rep refuses results over MAX_STRING_BYTES.
   */
  private guardStringFunctions(): void {
    const L = this.L;
    lua.lua_getglobal(L, S('string'));
    for (const name of ['find', 'match', 'gmatch', 'gsub', 'rep']) {
      lua.lua_getfield(L, -1, S(name));
      const original = lauxlib.luaL_ref(L, LUA_REGISTRYINDEX);
      const isRep = name === 'rep';
      lua.lua_pushjsfunction(L, (L2: LuaState): number => {
        if (this.watch) {
          const ar = new lua.lua_Debug();
          if (lua.lua_getstack(L2, 1, ar)) {
            lua.lua_getinfo(L2, INFO_L, ar);
            Atomics.store(this.watch, WATCH_LINE, ar.currentline);
          }
        }
        if (isRep) {
          const n = lua.lua_type(L2, 2) === LUA_TNUMBER ? lua.lua_tonumber(L2, 2) : 0;
          const t1 = lua.lua_type(L2, 1);
          const s = t1 === LUA_TSTRING ? lua.lua_tostring(L2, 1)!.length : t1 === LUA_TNUMBER ? 24 : 0;
          const sep = lua.lua_type(L2, 3) === LUA_TSTRING ? lua.lua_tostring(L2, 3)!.length : 0;
          if (n > 0 && (s + sep) * n > MAX_STRING_BYTES) {
            return this.raise(L2, `resulting string too large (string.rep would build ${Math.round(((s + sep) * n) / 1048576)} MB; the limit is ${MAX_STRING_BYTES / 1048576} MB)`);
          }
        }
        const nargs = lua.lua_gettop(L2);
        lua.lua_rawgeti(L2, LUA_REGISTRYINDEX, original);
        lua.lua_insert(L2, 1);
        lua.lua_call(L2, nargs, LUA_MULTRET);
        return lua.lua_gettop(L2);
      });
      lua.lua_setfield(L, -2, S(name));
    }
    lua.lua_pop(L, 1);
  }

  /**
   * Compiles and runs a script; its first return value comes back (a flow script returns its table).
   * chunkName is the script's path relative to scriptRoot, e.g. 'checks/my_check.lua'.
   */
  loadScript(source: string, chunkName: string): LuaResult<LuaValue> {
    this.assertOpen();
    const L = this.L;
    const base = lua.lua_gettop(L);
    this.homes.set(chunkName, posix.dirname(chunkName));
    const status = lauxlib.luaL_loadbuffer(L, to_luastring(source), null, to_luastring('@' + chunkName));
    if (status !== LUA_OK) {
      const error = this.mapError(status === LUA_ERRSYNTAX ? 'syntax' : 'runtime', this.errorText(L, -1));
      lua.lua_settop(L, base);
      return { ok: false, error };
    }
    const result = this.protectedCall(base, 0, 1);
    if (!result.ok) return result;
    const value = this.toValue(L, base + 1, 0, new Map());
    lua.lua_settop(L, base);
    return { ok: true, value };
  }

  /** Calls a Lua function by reference; returns all its results. */
  call(fn: LuaFunctionRef, args: readonly JsValue[] = []): LuaResult<LuaValue[]> {
    this.assertOpen();
    if (fn.owner !== this.ownerId || typeof fn.ref !== 'number') {
      return { ok: false, error: { kind: 'runtime', file: fn.file ?? '', line: fn.line ?? 0, message: 'stale function reference (it belongs to another VM)', traceback: '' } };
    }
    const L = this.L;
    const base = lua.lua_gettop(L);
    lua.lua_rawgeti(L, LUA_REGISTRYINDEX, fn.ref);
    for (const a of args) this.push(L, a, 0);
    const result = this.protectedCall(base, args.length, LUA_MULTRET);
    if (!result.ok) return result;
    const top = lua.lua_gettop(L);
    const values: LuaValue[] = [];
    for (let i = base + 1; i <= top; i++) values.push(this.toValue(L, i, 0, null));
    lua.lua_settop(L, base);
    return { ok: true, value: values };
  }

  /**
   * The hook-call fast path (the engine makes one per flow and script): no results are read and
   * the arguments are `now` and a registry value, without an argument array or result values.
   * Same budget, errors and positions as call().
   */
  callHook(fn: LuaFunctionRef, now: number, conf: LuaRef): LuaResult<undefined> {
    if (this.closed) this.assertOpen();
    if (fn.owner !== this.ownerId) return this.call(fn, [now, conf]) as LuaResult<never>;
    const L = this.L;
    const base = lua.lua_gettop(L);
    lua.lua_rawgeti(L, LUA_REGISTRYINDEX, fn.ref);
    if (needsFloat(now)) lua.lua_pushnumber(L, now);
    else lua.lua_pushinteger(L, now);
    lua.lua_rawgeti(L, LUA_REGISTRYINDEX, conf.ref);
    return this.protectedCall(base, 2, 0);
  }

  /**
   * Sets a global (or a field of nested global tables: 'flow.getL7Info'); a JS function becomes a
   * native. Intermediate tables are created when missing.
   */
  setGlobal(path: string, value: JsValue): void {
    this.assertOpen();
    const L = this.L;
    const parts = path.split('.');
    const base = lua.lua_gettop(L);
    if (parts.length === 1) {
      this.push(L, value, 0);
      lua.lua_setglobal(L, S(path));
      return;
    }
    lua.lua_rawgeti(L, LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
    for (const part of parts.slice(0, -1)) {
      if (lua.lua_getfield(L, -1, S(part)) !== LUA_TTABLE) {
        lua.lua_pop(L, 1);
        lua.lua_newtable(L);
        lua.lua_pushvalue(L, -1);
        lua.lua_setfield(L, -3, S(part));
      }
    }
    this.push(L, value, 0);
    lua.lua_setfield(L, -2, S(parts[parts.length - 1]!));
    lua.lua_settop(L, base);
  }

  /** Registers a native function under a global path ('print', 'flow.getL7Info'). */
  registerFunction(path: string, fn: NativeFunction): void {
    this.setGlobal(path, fn);
  }

  /** Reads a global (or nested field) as a LuaValue. */
  getGlobal(path: string): LuaValue {
    this.assertOpen();
    const L = this.L;
    const base = lua.lua_gettop(L);
    lua.lua_rawgeti(L, LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
    for (const part of path.split('.')) {
      if (lua.lua_type(L, -1) !== LUA_TTABLE) { lua.lua_settop(L, base); return null; }
      lua.lua_getfield(L, -1, S(part));
    }
    const value = this.toValue(L, -1, 0, new Map());
    lua.lua_settop(L, base);
    return value;
  }

  /**
   * Builds the Lua value of `value` once and keeps it in the registry: passing the ref to call()
   * pushes that same value again (a hook's script_conf table, as ntopng passes the same table).
   */
  ref(value: JsValue): LuaRef {
    this.assertOpen();
    this.push(this.L, value, 0);
    return { kind: 'ref', ref: lauxlib.luaL_ref(this.L, LUA_REGISTRYINDEX) };
  }

  /** Drops a function reference (the function can then be collected). */
  release(fn: LuaFunctionRef): void {
    if (!this.closed) lauxlib.luaL_unref(this.L, LUA_REGISTRYINDEX, fn.ref);
  }

  /** fengari has no lua_close; this only makes further use an error and drops the references. */
  close(): void {
    this.closed = true;
    this.homes.clear();
  }

  // --- calls, budget, errors -------------------------------------------------------------

  /**
   * Stack: [base], fn, args... Calls fn with the message handler pinned at stack slot 1; leaves
   * its results above base on success, and the stack at base on error.
   */
  private protectedCall(base: number, nargs: number, nresults: number): LuaResult<undefined> {
    const L = this.L;
    const outer = this.depth === 0;
    if (outer) {
      this.used = 0;
      // the hook stays installed between calls (no Lua runs then); after an exhausted budget it
      // fired at every instruction: back to the normal interval
      if (this.exhausted !== null || !this.hookSet) {
        lua.lua_sethook(L, this.countHook, LUA_MASKCOUNT, this.interval);
        this.hookSet = true;
      }
      this.exhausted = null;
      this.nativeError = null;
      this.errorWhere = null;
    }
    this.depth++;
    let status: number;
    try {
      status = lua.lua_pcall(L, nargs, nresults, PINNED_MSGH);
    } finally {
      this.depth--;
    }
    // grown (deep recursion) or shrunk (fengari shrinks it after an error): dense again
    if (outer && (L as unknown as FengariStack).stack.length !== this.stackSize) this.keepStackFast();
    if (status === LUA_OK) {
      return OK;
    }
    const error = this.mapError('runtime', this.errorText(L, -1));
    lua.lua_settop(L, base);
    return { ok: false, error };
  }

  private readonly countHook = (L: LuaState, _ar: LuaDebug): void => {
    this.used += this.interval;
    if (this.watch) {
      const ar = new lua.lua_Debug();
      if (lua.lua_getstack(L, 0, ar)) {
        lua.lua_getinfo(L, INFO_L, ar);
        Atomics.store(this.watch, WATCH_LINE, ar.currentline);
      }
    }
    if (this.used <= this.instructionBudget && this.exhausted === null) return;
    if (this.exhausted === null) {
      this.exhausted = this.whereAt(L, 0) ?? { file: '', line: 0 };
      // raise at every instruction from now on, so that pcall inside the script cannot absorb it
      lua.lua_sethook(L, this.countHook, LUA_MASKCOUNT, 1);
      if (L !== this.L) lua.lua_sethook(this.L, this.countHook, LUA_MASKCOUNT, 1);
    }
    const { file, line } = this.exhausted;
    lua.lua_pushstring(L, to_luastring(`instruction budget of ${this.instructionBudget} exceeded at ${file}:${line}`));
    lua.lua_error(L);
  };

  /** lua_atnativeerror: a JS exception thrown inside a native becomes a Lua error with a position. */
  private readonly onNativeError = (L: LuaState): number => {
    const e = lua.lua_touserdata(L, -1);
    const message = e instanceof Error ? e.message : String(e);
    const name = this.currentNative ?? 'native function';
    this.nativeError = { name, message };
    const where = this.callerWhere(L, 0);
    lua.lua_pushstring(L, to_luastring(`${where ? `${where.file}:${where.line}: ` : ''}${name}: ${message}`));
    return 1;
  };
  private currentNative: string | null = null;

  /** Message handler: adds the traceback and remembers the innermost Lua position. */
  private readonly messageHandler = (L: LuaState): number => {
    const t = lua.lua_type(L, 1);
    let msg: string;
    if (t === LUA_TSTRING || t === LUA_TNUMBER) msg = lua.lua_tojsstring(L, 1);
    else if (t === LUA_TNIL) msg = 'nil';
    else msg = `(error object is a ${TYPE_NAMES[t] ?? 'unknown'} value)`;
    this.errorWhere = this.callerWhere(L, 0);
    lauxlib.luaL_traceback(L, L, to_luastring(msg), 1);
    return 1;
  };

  private errorText(L: LuaState, idx: number): string {
    const t = lua.lua_type(L, idx);
    return t === LUA_TSTRING || t === LUA_TNUMBER ? lua.lua_tojsstring(L, idx) : `(error object is a ${TYPE_NAMES[t] ?? 'unknown'} value)`;
  }

  private mapError(kind: LuaErrorInfo['kind'], text: string): LuaErrorInfo {
    const cut = text.indexOf('\nstack traceback:');
    let message = cut >= 0 ? text.slice(0, cut) : text;
    const traceback = cut >= 0 ? this.unshortenTraceback(text.slice(cut + 1)) : '';
    if (this.exhausted) {
      return { kind: 'budget', file: this.exhausted.file, line: this.exhausted.line, message, traceback };
    }
    if (this.nativeError && message.endsWith(`${this.nativeError.name}: ${this.nativeError.message}`)) kind = 'native';
    const m = /^([^\n]*?):(\d+): /.exec(message);
    if (m) {
      const file = this.unshorten(m[1]!);
      message = `${file}:${m[2]}: ${message.slice(m[0].length)}`;
      return { kind, file, line: Number(m[2]), message, traceback };
    }
    const where = this.errorWhere;
    return { kind, file: where?.file ?? '', line: where?.line ?? 0, message, traceback };
  }

  /** Lua shortens long chunk names to '...tail'; map back to a chunk name we loaded. */
  private unshorten(file: string): string {
    if (!file.startsWith('...')) return file;
    const tail = file.slice(3);
    for (const name of this.homes.keys()) if (name.endsWith(tail)) return name;
    return file;
  }
  private unshortenTraceback(tb: string): string {
    return tb.replace(/\.\.\.([^\s:]+):(\d+):/g, (all, tail: string, line: string) => {
      const full = this.unshorten('...' + tail);
      return full.startsWith('...') ? all : `${full}:${line}:`;
    });
  }

  private chunkFile(source: LuaString | null): string {
    if (!source) return '';
    const s = to_jsstring(source);
    return s.startsWith('@') || s.startsWith('=') ? s.slice(1) : s;
  }

  private whereAt(L: LuaState, level: number): Where | null {
    const ar = new lua.lua_Debug();
    if (!lua.lua_getstack(L, level, ar)) return null;
    lua.lua_getinfo(L, INFO_SL, ar);
    return { file: this.chunkFile(ar.source), line: ar.currentline };
  }

  /** The innermost Lua function on the stack at or above `from` (skipping natives). */
  private callerWhere(L: LuaState, from: number): Where | null {
    const ar = new lua.lua_Debug();
    for (let level = from; level < 50 && lua.lua_getstack(L, level, ar); level++) {
      lua.lua_getinfo(L, INFO_SL, ar);
      if (ar.currentline > 0) return { file: this.chunkFile(ar.source), line: ar.currentline };
    }
    return null;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('LuaVm is closed');
  }

  // --- print, io.write, require ------------------------------------------------------------

  private readonly print = (L: LuaState): number => {
    const n = lua.lua_gettop(L);
    const parts: string[] = [];
    for (let i = 1; i <= n; i++) {
      parts.push(to_jsstring(lauxlib.luaL_tolstring(L, i)));
      lua.lua_pop(L, 1);
    }
    this.emit(L, 'print', parts.join('\t'));
    return 0;
  };

  private readonly write = (L: LuaState): number => {
    const n = lua.lua_gettop(L);
    let text = '';
    for (let i = 1; i <= n; i++) {
      const t = lua.lua_type(L, i);
      if (t !== LUA_TSTRING && t !== LUA_TNUMBER) {
        return this.raise(L, `bad argument #${i} to 'write' (string expected, got ${TYPE_NAMES[t] ?? 'no value'})`);
      }
      text += to_jsstring(lauxlib.luaL_tolstring(L, i));
      lua.lua_pop(L, 1);
    }
    this.emit(L, 'write', text);
    return 0;
  };

  private emit(L: LuaState, kind: OutputEvent['kind'], text: string): void {
    const where = this.callerWhere(L, 1);
    this.onOutput({ kind, text, file: where?.file ?? '', line: where?.line ?? 0 });
  }

  private raise(L: LuaState, message: string): never {
    const where = this.callerWhere(L, 1);
    lua.lua_pushstring(L, to_luastring(where ? `${where.file}:${where.line}: ${message}` : message));
    return lua.lua_error(L);
  }

  private readonly builtinSearcher = (L: LuaState): number => {
    const name = lua.lua_tojsstring(L, 1);
    const module = this.modules.get(name);
    if (!module) {
      lua.lua_pushstring(L, to_luastring(`\n\tno built-in module '${name}'`));
      return 1;
    }
    if ('source' in module) {
      const chunk = `builtin/${name}.lua`;
      this.homes.set(chunk, 'builtin');
      if (lauxlib.luaL_loadbuffer(L, to_luastring(module.source), null, to_luastring('@' + chunk)) !== LUA_OK) {
        return this.raise(L, `error loading built-in module '${name}':\n\t${lua.lua_tojsstring(L, -1)}`);
      }
    } else {
      const open = module.open;
      lua.lua_pushjsfunction(L, (L2: LuaState) => {
        this.push(L2, open(), 0);
        return 1;
      });
    }
    lua.lua_pushstring(L, to_luastring(':builtin:'));
    return 2;
  };

  private readonly folderSearcher = (L: LuaState): number => {
    const name = lua.lua_tojsstring(L, 1);
    if (!MODULE_NAME.test(name)) {
      lua.lua_pushstring(L, to_luastring(`\n\tmodule name '${name}' is not a file next to the script`));
      return 1;
    }
    const home = this.requiringHome(L);
    if (home === null || home === 'builtin') {
      lua.lua_pushstring(L, to_luastring(`\n\tno script folder to look for '${name}' in`));
      return 1;
    }
    const rel = posix.join(home, name.replace(/\./g, '/') + '.lua');
    const folder = resolve(this.root, home);
    let bytes: Buffer;
    try {
      const real = realpathSync(resolve(this.root, rel));
      const realFolder = realpathSync(folder);
      if (!real.startsWith(realFolder + sep)) throw new Error('outside');
      bytes = readFileSync(real);
    } catch {
      lua.lua_pushstring(L, to_luastring(`\n\tno file '${rel}'`));
      return 1;
    }
    this.homes.set(rel, home);
    if (lauxlib.luaL_loadbuffer(L, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), null, to_luastring('@' + rel)) !== LUA_OK) {
      return this.raise(L, `error loading module '${name}' from file '${rel}':\n\t${lua.lua_tojsstring(L, -1)}`);
    }
    lua.lua_pushstring(L, to_luastring(rel));
    return 2;
  };

  /** The folder of the script that (directly or through its modules) calls require. */
  private requiringHome(L: LuaState): string | null {
    const ar = new lua.lua_Debug();
    for (let level = 1; level < 50 && lua.lua_getstack(L, level, ar); level++) {
      lua.lua_getinfo(L, INFO_SL, ar);
      const src = ar.source ? to_jsstring(ar.source) : '';
      if (src.startsWith('@')) return this.homes.get(src.slice(1)) ?? null;
    }
    return null;
  }

  // --- JS ⇄ Lua values ---------------------------------------------------------------------

  /** Pushes one JS value (MultipleValues pushes only its first value here). */
  private push(L: LuaState, v: JsValue, depth: number): void {
    switch (typeof v) {
      case 'number':
        if (needsFloat(v)) lua.lua_pushnumber(L, v);
        else lua.lua_pushinteger(L, v);
        return;
      case 'string':
        pushInterned(L, v);
        return;
      case 'boolean':
        lua.lua_pushboolean(L, v);
        return;
      case 'undefined':
        lua.lua_pushnil(L);
        return;
      case 'function':
        lua.lua_pushjsfunction(L, this.native(v));
        return;
    }
    if (v === null || depth > MAX_DEPTH) { lua.lua_pushnil(L); return; }
    if (v instanceof MultipleValues) { this.push(L, v.values[0], depth); return; }
    if (v instanceof Uint8Array) { lua.lua_pushstring(L, v); return; }
    if (Array.isArray(v)) {
      const arr = v as readonly JsValue[];
      lua.lua_createtable(L, arr.length, 0);
      for (let i = 0; i < arr.length; i++) {
        this.push(L, arr[i], depth + 1);
        lua.lua_rawseti(L, -2, i + 1);
      }
      return;
    }
    const obj = v as { readonly [key: string]: JsValue };
    const kind = (obj as Partial<LuaFunctionRef> | Partial<LuaRef>).kind;
    if ((kind === 'function' || kind === 'ref') && typeof (obj as Partial<LuaFunctionRef>).ref === 'number') {
      lua.lua_rawgeti(L, LUA_REGISTRYINDEX, (obj as unknown as LuaFunctionRef).ref);
      return;
    }
    lua.lua_createtable(L, 0, 0);
    // Fields with a number, string or boolean go straight into fengari's table (no stack slots,
    // no API checks: the record tables of flow.* calls were most of their cost); others through
    // the stack. Same keys and values as lua_rawset would store.
    const state = L as unknown as FengariStack;
    const table = state.stack[state.top - 1]!.value;
    const key = this.scratchKey;
    const value = this.scratchValue;
    for (const k in obj) {
      const fv = obj[k];
      switch (typeof fv) {
        case 'undefined':
          continue;
        case 'number':
          if (needsFloat(fv)) value.setfltvalue(fv);
          else value.setivalue(fv);
          break;
        case 'string':
          value.setsvalue(luaString(L, fv));
          break;
        case 'boolean':
          value.setbvalue(fv);
          break;
        default:
          if (fv === null) continue;
          pushInterned(L, k);
          this.push(L, fv, depth + 1);
          lua.lua_rawset(L, -3);
          continue;
      }
      key.setsvalue(luaString(L, k));
      ltable.luaH_setfrom(L, table, key, value);
    }
    ltable.invalidateTMcache(table);
  }

  /** Reused by push(): fengari's luaH_setfrom copies the key and the value it is given. */
  private readonly scratchKey = new lobject.TValue(LUA_TNIL, null) as ScratchValue;
  private readonly scratchValue = new lobject.TValue(LUA_TNIL, null) as ScratchValue;

  /** Wraps a NativeFunction as a fengari function: arguments read lazily, results pushed C-style. */
  private native(fn: NativeFunction): (L: LuaState) => number {
    const name = fn.name || 'native function';
    return (L: LuaState): number => {
      const previous = this.currentNative;
      this.currentNative = name;
      const result = fn(this.nativeCall(L));
      this.currentNative = previous;
      if (result === undefined) return 0;
      if (result instanceof MultipleValues) {
        for (const r of result.values) this.push(L, r, 0);
        return result.values.length;
      }
      this.push(L, result, 0);
      return 1;
    };
  }

  private nativeCall(L: LuaState): NativeCall {
    return new NativeCallImpl(this, L, lua.lua_gettop(L));
  }

  /** @internal used by NativeCallImpl: the innermost non-built-in Lua position. */
  scriptSite(L: LuaState): Where {
    const ar = new lua.lua_Debug();
    for (let level = 1; level < 60 && lua.lua_getstack(L, level, ar); level++) {
      lua.lua_getinfo(L, INFO_SL, ar);
      if (ar.currentline <= 0 || !ar.source) continue;
      const src = to_jsstring(ar.source);
      if (src.startsWith('@') && !src.startsWith('@builtin/')) return { file: src.slice(1), line: ar.currentline };
    }
    return { file: '', line: 0 };
  }

  /** @internal used by NativeCallImpl */
  valueAt(L: LuaState, i: number): LuaValue {
    return this.toValue(L, i, 0, new Map());
  }

  private toValue(L: LuaState, idx: number, depth: number, seenOrNull: Map<unknown, LuaTableValue> | null): LuaValue {
    const t = lua.lua_type(L, idx);
    switch (t) {
      case LUA_TNIL: case LUA_TNONE: return null;
      case LUA_TBOOLEAN: return lua.lua_toboolean(L, idx);
      case LUA_TNUMBER: return lua.lua_tonumber(L, idx);
      case LUA_TSTRING: return lua.lua_tojsstring(L, idx);
      case LUA_TFUNCTION: {
        lua.lua_pushvalue(L, idx);
        const ar = new lua.lua_Debug();
        lua.lua_pushvalue(L, -1);
        lua.lua_getinfo(L, INFO_FN_S, ar);
        const ref = lauxlib.luaL_ref(L, LUA_REGISTRYINDEX);
        const src = ar.source ? to_jsstring(ar.source) : '';
        const owner = this.ownerId;
        return src.startsWith('@')
          ? { kind: 'function', ref, owner, file: src.slice(1), line: ar.linedefined }
          : { kind: 'function', ref, owner };
      }
      case LUA_TTABLE: {
        const seen = seenOrNull ?? new Map<unknown, LuaTableValue>();
        const abs = lua.lua_absindex(L, idx);
        const id = lua.lua_topointer(L, abs);
        const known = seen.get(id);
        if (known) return known;
        if (depth >= MAX_DEPTH) return { kind: 'other', type: 'table (nested too deep)' };
        const table: LuaTableValue = { kind: 'table', fields: {}, array: [] };
        seen.set(id, table);
        const n = lua.lua_rawlen(L, abs);
        lua.lua_pushnil(L);
        while (lua.lua_next(L, abs) !== 0) {
          const kt = lua.lua_type(L, -2);
          const value = this.toValue(L, -1, depth + 1, seen);
          if (kt === LUA_TNUMBER && lua.lua_isinteger(L, -2) && lua.lua_tointeger(L, -2) >= 1 && lua.lua_tointeger(L, -2) <= n) {
            table.array[lua.lua_tointeger(L, -2) - 1] = value;
          } else if (kt === LUA_TSTRING) {
            table.fields[lua.lua_tojsstring(L, -2)] = value;
          } else if (kt === LUA_TNUMBER || kt === LUA_TBOOLEAN) {
            table.fields[String(kt === LUA_TNUMBER ? lua.lua_tonumber(L, -2) : lua.lua_toboolean(L, -2))] = value;
          }
          lua.lua_pop(L, 1);
        }
        for (let i = 0; i < n; i++) if (!(i in table.array)) table.array[i] = null;
        return table;
      }
      default:
        return { kind: 'other', type: TYPE_NAMES[t] ?? 'unknown' };
    }
  }
}

/** The arguments of one native call (a class, not closures: natives are on the hot path). */
class NativeCallImpl implements NativeCall {
  constructor(private readonly vm: LuaVm, private readonly L: LuaState, readonly argc: number) {}
  type(i: number): string {
    return i > this.argc ? 'none' : TYPE_NAMES[lua.lua_type(this.L, i)] ?? 'unknown';
  }
  number(i: number): number | null {
    return i <= this.argc && lua.lua_type(this.L, i) === LUA_TNUMBER ? lua.lua_tonumber(this.L, i) : null;
  }
  string(i: number): string | null {
    return i <= this.argc && lua.lua_type(this.L, i) === LUA_TSTRING ? lua.lua_tojsstring(this.L, i) : null;
  }
  boolean(i: number): boolean {
    return i <= this.argc && lua.lua_toboolean(this.L, i);
  }
  value(i: number): LuaValue {
    return i <= this.argc ? this.vm.valueAt(this.L, i) : null;
  }
  site(): { file: string; line: number } {
    return this.vm.scriptSite(this.L);
  }
  field(i: number, key: string): number | string | null {
    if (i > this.argc || lua.lua_type(this.L, i) !== LUA_TTABLE) return null;
    const t = lua.lua_getfield(this.L, i, to_luastring(key));
    const v = t === LUA_TNUMBER ? lua.lua_tonumber(this.L, -1) : t === LUA_TSTRING ? lua.lua_tojsstring(this.L, -1) : null;
    lua.lua_pop(this.L, 1);
    return v;
  }
}
