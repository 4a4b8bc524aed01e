/**
 * The generic binder: registers the global `flow` table of a profile from the api/flow catalog.
 * Every catalog function of the profile gets a native, and nothing else does:
 *  - implemented ones (natives.ts) read the current flow; without one they answer nil and log
 *    ntopng's warning (spec §1.1);
 *  - functions with parameters check their argument types like `ntop_lua_check` (nil and a logged
 *    warning, never a raise), and are called through a small Lua wrapper that passes the caller's
 *    file and line so the warning points at the script;
 *  - the others log a "not implemented yet" error (with file and line) and return nil.
 */
import { functionsFor, type LuaType, type ResolvedFunction, type TypeSpec } from '../../../api/flow';
import type { LuaVm, NativeCall, NativeFunction } from '../vm';
import type { LuaFunctionRef } from '../vm';
import type { BindingContext, CallSite } from './context';
import { IMPLEMENTED } from './natives';
import { StatusBook } from '../status/book';
import { DRIVER_FUNCTIONS, STATUS_DRIVER_SOURCE } from '../status/driver-lua';
import { statusNatives, type DriverHost } from '../status/natives';
import { registerFlowScriptModules } from '../modules';
import { compatFunctions } from './compat';

export interface BoundFunctions {
  implemented: string[];
  notImplemented: string[];
  /** The flow driver's alert step, to call after a dispatch that triggered a status (status/driver-lua.ts). */
  driverEnd?: LuaFunctionRef;
}

const isDriverFunction = (profile: BindingContext['profile'], name: string): boolean => DRIVER_FUNCTIONS[profile].includes(name);

/** Catalog functions of the profile that have an implementation, and those that do not (yet). */
export function bindingCoverage(profile: BindingContext['profile']): BoundFunctions {
  const implemented: string[] = [];
  const notImplemented: string[] = [];
  for (const fn of functionsFor(profile)) (IMPLEMENTED[fn.name] || isDriverFunction(profile, fn.name) ? implemented : notImplemented).push(fn.name);
  return { implemented, notImplemented };
}

/** Registers `flow.*` for ctx.profile in `vm`. Call once per VM, before loading scripts. */
export function bindFlowApi(vm: LuaVm, ctx: BindingContext, host?: DriverHost): BoundFunctions {
  if (!vm.modules.get('flow_consts')) registerFlowScriptModules(vm.modules, vm, ctx.profile);
  ctx.statuses ??= new StatusBook(ctx.profile, () => {});
  vm.setGlobal('flow', {});
  // Natives are bound directly; where a native needs the caller's position (a warning, a status
  // or score hit) it asks the VM for the innermost script frame then (cheaper than a Lua wrapper
  // calling debug.getinfo on every call).
  for (const fn of functionsFor(ctx.profile)) {
    if (isDriverFunction(ctx.profile, fn.name)) continue;
    const impl = IMPLEMENTED[fn.name];
    if (!impl) {
      vm.registerFunction(`flow.${fn.name}`, (call) => {
        ctx.log.notImplemented(fn.name, call.site());
        return null;
      });
    } else if (fn.params.length > 0) {
      vm.registerFunction(`flow.${fn.name}`, (call) => {
        const problem = argumentProblem(fn, call);
        if (problem) {
          ctx.log.warning(fn.name, problem, call.site());
          return null;
        }
        const flow = ctx.currentFlow;
        if (!flow) {
          ctx.log.warning(fn.name, `${fn.name} : no current flow`, call.site());
          return null;
        }
        return impl(flow, ctx, call, call.site());
      });
    } else {
      vm.registerFunction(`flow.${fn.name}`, (call) => {
        const flow = ctx.currentFlow;
        if (!flow) {
          ctx.log.warning(fn.name, `${fn.name} : no current flow`, call.site());
          return null;
        }
        return impl(flow, ctx, call);
      });
    }
  }
  let dispatchNo = 0;
  vm.setGlobal('__flowscript_status', statusNatives(ctx.statuses, ctx, host ?? {
    script: () => '', dispatchNo: () => dispatchNo++, markDirty: () => {},
    warn: (message, site) => ctx.log.warning('triggerStatus', message, site),
  }));
  const d = vm.loadScript(STATUS_DRIVER_SOURCE[ctx.profile], 'builtin/flow_driver.lua');
  if (!d.ok) throw new Error(`flow driver: ${d.error.message}\n${d.error.traceback}`);
  const end = vm.getGlobal('__flowscript_driver_end');
  vm.setGlobal('__flowscript_driver_end', null);
  bindCompat(vm, ctx);
  const bound = bindingCoverage(ctx.profile);
  if (end !== null && typeof end === 'object' && end.kind === 'function') bound.driverEnd = end;
  return bound;
}

const COMPAT = `local compat, warn, getinfo, rawget = __flowscript_compat, __flowscript_compat_warn, debug.getinfo, rawget
__flowscript_compat, __flowscript_compat_warn = nil, nil
setmetatable(flow, { __index = function(t, k)
  local f = compat[k]
  if f == nil and k == 'addStatus' then f = rawget(t, 'setStatus') end
  if f == nil then return nil end
  local i = getinfo(2, 'Sl')
  warn(k, i and i.source or '', i and i.currentline or 0)
  return f
end })
`;

/** 2019.11: names of the neighbouring eras, answered through a metatable (compat.ts). */
function bindCompat(vm: LuaVm, ctx: BindingContext): void {
  const compat = compatFunctions(ctx);
  if (compat.size === 0) return;
  const natives: { [name: string]: NativeFunction } = {};
  const notes = new Map<string, string>([['addStatus', 'flow.addStatus is not in the 2019.11 API (it existed from 11 to 15 October 2019); 2019.11 calls it flow.setStatus: answered for compatibility']]);
  for (const [name, { native, note }] of compat) {
    notes.set(name, note);
    natives[name] = (call) => (ctx.currentFlow ? native(ctx.currentFlow, call) : null);
  }
  const warned = new Set<string>();
  vm.setGlobal('__flowscript_compat', natives);
  vm.setGlobal('__flowscript_compat_warn', (call: NativeCall) => {
    const site = siteOf(call, 2);
    const name = call.string(1) ?? '';
    const once = `${name}@${site.file}`;
    if (warned.has(once)) return;
    warned.add(once);
    ctx.log.warning(name, notes.get(name) ?? name, site);
  });
  const r = vm.loadScript(COMPAT, 'builtin/flow_compat.lua');
  if (!r.ok) throw new Error(`flow compatibility names: ${r.error.message}`);
}

function siteOf(call: NativeCall, at = 1): CallSite {
  const source = call.string(at) ?? '';
  return { file: source.startsWith('@') ? source.slice(1) : source, line: call.number(at + 1) ?? 0 };
}

function accepts(spec: TypeSpec, luaType: string, call: NativeCall, i: number): boolean {
  const types: readonly LuaType[] = typeof spec === 'string' ? [spec] : spec;
  return types.some((t) => {
    if (t === 'any') return true;
    if (t === 'integer') return luaType === 'number' && Number.isInteger(call.number(i));
    return t === luaType;
  });
}

function typeText(spec: TypeSpec): string {
  const types: readonly LuaType[] = typeof spec === 'string' ? [spec] : spec;
  return types.map((t) => (t === 'integer' ? 'number' : t)).join('|');
}

/** ntopng's log line for the first bad argument, or null when they are all right. */
export function argumentProblem(fn: ResolvedFunction, call: NativeCall): string | null {
  for (let i = 0; i < fn.params.length; i++) {
    const p = fn.params[i]!;
    const actual = call.type(i + 1);
    const missing = actual === 'nil' || actual === 'none';
    if (missing && p.optional) continue;
    if (!accepts(p.type, actual === 'none' ? 'nil' : actual, call, i + 1)) {
      return `${fn.name} : expected ${typeText(p.type)}@pos ${i + 1}, got ${actual === 'none' ? 'nil' : actual}`;
    }
  }
  return null;
}

