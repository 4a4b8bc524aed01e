/**
 * The built-in Lua modules and globals a flow script sees, per profile: `user_scripts`,
 * `flow_consts`, `alert_consts`, `dkjson`, `lua_utils`, `flow_utils`, and the lua_utils globals
 * (i18n, ternary, tprint, traceError and TRACE_*, l4_keys, shortFlowLabel, ...). All contents are
 * derived from the api/flow catalog; see data.ts.
 */
import { protocolByNameIgnoreCase, protocolName } from '../../../api/ndpi';
import { DEFAULT_PROFILE, type Profile } from '../../../api/flow';
import type { LuaVm, ModuleRegistry, NativeFunction } from '../vm';
import { moduleData, type TraceConstant } from './data';
import { luaLiteral, type LuaData } from './lua-literal';
import { DKJSON_SOURCE } from './lua/dkjson';
import { ALERT_CONSTS_SOURCE, FLOW_CONSTS_SOURCE, USER_SCRIPTS_SOURCE } from './lua/consts';
import { FLOW_UTILS_SOURCE, LUA_UTILS_SOURCE } from './lua/lua-utils';
import { ALERTS_API_SOURCE, DISCOVER_UTILS_SOURCE, IDS_UTILS_SOURCE, MUD_UTILS_SOURCE, PLUGINS_UTILS_SOURCE } from './lua/helpers';

export { BUILTIN_MODULE_NAMES, moduleData, type ProfileModuleData, type TraceConstant } from './data';
export { luaLiteral, luaString, type LuaData } from './lua-literal';

/** One tprint call: the text ntopng writes to stdout (lines joined by "\n", no final newline), and where it was called. */
export interface TprintEvent {
  text: string;
  file: string;
  line: number;
}

/** One traceError (or ntop.traceEvent) message that passed the trace level. */
export interface TraceEvent {
  /** TRACE_ERROR .. TRACE_DEBUG value. */
  level: number;
  /** 'ERROR', 'WARNING', 'NORMAL', 'INFO', 'DEBUG' (from the TRACE_* name), or the number for unknown levels. */
  levelName: string;
  /** TRACE_CONSOLE or TRACE_WEB value. */
  mode: number;
  message: string;
  file: string;
  line: number;
}

export interface FlowModuleHooks {
  /** Receives every tprint (without it, tprint writes through io.write like ntopng). */
  onTprint?: (event: TprintEvent) => void;
  /** Receives every traceError above the trace level (without it, the line goes through io.write). */
  onTrace?: (event: TraceEvent) => void;
  /** Extra i18n strings (key → text with %{name} placeholders), looked up after the built-in ones. */
  locale?: Readonly<Record<string, string>>;
}

/** Lua source of a module with its profile data bound to the local DATA (on the source's empty first line). */
function withData(data: LuaData, source: string): string {
  return `local DATA = ${luaLiteral(data)}${source}`;
}

/** The Lua sources of every built-in module of a profile (name → source), for inspection and tests. */
export function flowModuleSources(profile: Profile = DEFAULT_PROFILE): Readonly<Record<string, string>> {
  let sources = sourceCache.get(profile);
  if (!sources) {
    sources = buildSources(profile);
    sourceCache.set(profile, sources);
  }
  return sources;
}

const sourceCache = new Map<Profile, Readonly<Record<string, string>>>();
const levelNameCache = new Map<Profile, ReadonlyMap<number, string>>();

function levelNamesOf(profile: Profile): ReadonlyMap<number, string> {
  let names = levelNameCache.get(profile);
  if (!names) {
    const m = new Map<number, string>();
    for (const t of moduleData(profile).traceConstants) if (!t.isMode) m.set(t.value, t.name.slice('TRACE_'.length));
    levelNameCache.set(profile, names = m);
  }
  return names;
}

function buildSources(profile: Profile): Record<string, string> {
  const d = moduleData(profile);
  const all: Record<string, string> = {
    user_scripts: withData(d.userScripts, USER_SCRIPTS_SOURCE),
    alert_consts: withData(d.alertConsts, ALERT_CONSTS_SOURCE),
    flow_consts: withData(d.flowConsts, FLOW_CONSTS_SOURCE),
    dkjson: withData(d.dkjson, DKJSON_SOURCE),
    lua_utils: withData(d.luaUtils, LUA_UTILS_SOURCE),
    flow_utils: FLOW_UTILS_SOURCE,
  };
  const helpers: Record<string, string> = {
    alerts_api: ALERTS_API_SOURCE, mud_utils: MUD_UTILS_SOURCE, discover_utils: DISCOVER_UTILS_SOURCE,
    plugins_utils: PLUGINS_UTILS_SOURCE, ids_utils: IDS_UTILS_SOURCE, alert_utils: IDS_UTILS_SOURCE,
  };
  for (const [name, data] of Object.entries(d.helpers)) all[name] = withData(data, helpers[name]!);
  const out: Record<string, string> = {};
  for (const name of d.moduleNames) out[name] = all[name]!;
  return out;
}

/**
 * Defines the built-in modules of `profile` in `registry` (which must be the VM's module registry)
 * and installs the lua_utils globals in `vm`, as ntopng's flow driver does before loading scripts.
 * Throws if the built-in Lua fails to load (a bug, not a script error).
 */
export function registerFlowScriptModules(
  registry: ModuleRegistry,
  vm: LuaVm,
  profile: Profile = DEFAULT_PROFILE,
  hooks: FlowModuleHooks = {},
): void {
  for (const [name, source] of Object.entries(flowModuleSources(profile))) registry.define(name, { source });
  const levelNames = levelNamesOf(profile);

  const host: Record<string, NativeFunction> = {};
  const { onTprint, onTrace, locale } = hooks;
  if (onTprint) {
    host.tprint = function tprint(call) {
      const at = call.string(2) !== null ? { file: call.string(2)!, line: call.number(3) ?? 0 } : call.site();
      onTprint({ text: call.string(1) ?? '', file: at.file, line: at.line });
    };
  }
  if (onTrace) {
    host.trace = function traceError(call) {
      const level = call.number(1) ?? 0;
      onTrace({
        level, levelName: levelNames.get(level) ?? String(level), mode: call.number(2) ?? 0,
        message: call.string(3) ?? '', ...(call.string(4) !== null ? { file: call.string(4)!, line: call.number(5) ?? 0 } : call.site()),
      });
    };
  }
  if (locale) {
    host.locale = function i18n(call) {
      const key = call.string(1);
      return key !== null && Object.prototype.hasOwnProperty.call(locale, key) ? locale[key] : null;
    };
  }
  host.ndpi_id = function getnDPIProtoId(call) {
    return protocolByNameIgnoreCase(call.string(1) ?? '')?.id ?? -1;
  };
  host.ndpi_name = function getnDPIProtoName(call) {
    return protocolName(call.number(1) ?? 0);
  };
  vm.setGlobal('__flowscript_host', host);
  const r = vm.loadScript("require('lua_utils')\nrequire('flow_utils')\n", 'builtin/init.lua');
  if (!r.ok) throw new Error(`built-in flow modules failed to load: ${r.error.message}\n${r.error.traceback}`);
}

/** Level names of the profile's TRACE_* constants (value → 'ERROR', ...). */
export function traceConstants(profile: Profile = DEFAULT_PROFILE): readonly TraceConstant[] {
  return moduleData(profile).traceConstants;
}
