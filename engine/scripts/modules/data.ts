/**
 * The catalog (api/flow) turned into the plain data each built-in module embeds, per profile.
 * Every fact here comes from the catalog; the few values the catalog does not hold (placeholders
 * for titles, icons and labels) are named constants below so they can be replaced when it does.
 */
import {
  FIELD_UNITS, FLOW_ENTITY_ID, FLOW_SCRIPT_TYPE, GLOBALS, INTERFACE_MEMBERS, L4_KEYS, NTOP_MEMBERS, SAMPLE_SCRIPT_TITLES,
  SCRIPT_CATEGORIES, STDLIB_EXTENSIONS, alertSeverities, alertTypes, moduleFor, statusTypes,
  type LuaModule, type ModuleMember, type Profile,
} from '../../../api/flow';
import type { LuaData } from './lua-literal';

/**
 * Severity given to a status definition when the catalog gives none (4.0/4.2 plugin statuses: the
 * catalog only records the exceptions, e.g. udp_unidirectional = info).
 */
export const DEFAULT_STATUS_SEVERITY = 'error';

/** i18n prefix of `user_scripts.field_units` values (spec §5: "each maps to a field_units.* i18n key"). */
export const FIELD_UNIT_I18N_PREFIX = 'field_units.';

/** i18n section of the sample scripts' titles (spec §6: `flow_callbacks_config`). */
export const SAMPLE_TITLE_SECTION = 'flow_callbacks_config.';

/** traceError modes among the TRACE_* globals; the other TRACE_* constants are levels. */
export const TRACE_MODE_NAMES: readonly string[] = ['TRACE_CONSOLE', 'TRACE_WEB'];

/** ntopng's directories as `dirs` / `ntop.getDirs()` report them in the simulator (a standard Linux install). */
export const DIRS: Readonly<Record<string, string>> = {
  installdir: '/usr/share/ntopng',
  workingdir: '/var/lib/ntopng',
  scriptdir: '/usr/share/ntopng/scripts',
  callbacksdir: '/usr/share/ntopng/scripts/callbacks',
  httpdocsdir: '/usr/share/ntopng/httpdocs',
};

/** The small helper modules: ntopng's "nothing configured" answers (lua/helpers.ts). */
export const HELPER_MODULE_NAMES: readonly string[] = ['alerts_api', 'mud_utils', 'discover_utils', 'plugins_utils', 'ids_utils', 'alert_utils'];

/** Every module we implement; a profile gets those the catalog has in it. */
export const BUILTIN_MODULE_NAMES: readonly string[] = [
  'user_scripts', 'flow_consts', 'alert_consts', 'dkjson', 'lua_utils', 'flow_utils', ...HELPER_MODULE_NAMES,
];

/** Member names (→ true) and constant values of a catalog module in a profile. */
export interface MemberData {
  names: Record<string, true>;
  constants: Record<string, string | number | boolean>;
}

function memberData(members: readonly ModuleMember[]): MemberData {
  const names: Record<string, true> = {};
  const constants: Record<string, string | number | boolean> = {};
  for (const m of members) {
    names[m.name] = true;
    if (m.kind === 'constant' && m.value !== undefined) constants[m.name] = m.value;
  }
  return { names, constants };
}

function requireModule(name: string, profile: Profile): LuaModule {
  const m = moduleFor(name, profile);
  if (!m) throw new Error(`catalog has no module ${name} in ${profile}`);
  return m;
}

export interface TraceConstant { name: string; value: number; isMode: boolean }

/** Everything the Lua sources of one profile need. */
export interface ProfileModuleData {
  profile: Profile;
  userScripts: LuaData;
  alertConsts: LuaData;
  flowConsts: LuaData;
  dkjson: LuaData;
  luaUtils: LuaData;
  /** Member data of the smaller modules (alerts_api, mud_utils, ...) present in this profile. */
  helpers: Record<string, LuaData>;
  /** The catalog's modules present in this profile (name → members), for `require`. */
  moduleNames: readonly string[];
  traceConstants: readonly TraceConstant[];
}

export function moduleData(profile: Profile): ProfileModuleData {
  const userScripts = requireModule('user_scripts', profile);
  const flowConsts = requireModule('flow_consts', profile);
  const alertConsts = requireModule('alert_consts', profile);
  const dkjson = requireModule('dkjson', profile);
  const has = (m: LuaModule, name: string): boolean => m.members.some((x) => x.name === name);

  const categories = has(userScripts, 'script_categories')
    ? SCRIPT_CATEGORIES.map((c, i) => ({
      key: c.key,
      // 4.2 fixes the ids; 4.0 numbers them in pairs() order, which we take as the catalog's order
      id: profile === '4.2' ? c.id42 : i,
    }))
    : null;

  const severities = alertSeverities(profile).map((s) => ({ name: s.name, severity_id: s.severityId, syslog_level: s.syslogLevel }));
  const alerts = alertTypes(profile).map((a) => ({ key: a.key, id: a.id[profile] }));

  const statuses = statusTypes(profile).map((s, i) => ({
    key: s.key,
    // 4.0 hands ids out at run time (persisted in Redis): we number them in catalog order, keeping fixed ones
    id: s.id ?? i,
    prio: s.prio,
    relevance: s.relevance,
    severity: s.severity ?? DEFAULT_STATUS_SEVERITY,
    alert_type: s.alertType,
    create_args: s.createArgs ? [...s.createArgs] : undefined,
  }));
  if (new Set(statuses.map((s) => s.id)).size !== statuses.length) throw new Error(`duplicate status ids in ${profile}`);

  const globals = GLOBALS.filter((g) => g.profiles.includes(profile));
  const traceConstants: TraceConstant[] = globals
    .filter((g) => g.kind === 'constant' && g.name.startsWith('TRACE_') && typeof g.value === 'number')
    .map((g) => ({ name: g.name, value: g.value as number, isMode: TRACE_MODE_NAMES.includes(g.name) }));
  const normal = traceConstants.find((t) => t.name === 'TRACE_NORMAL');
  if (!normal) throw new Error('catalog has no TRACE_NORMAL');

  const locale: Record<string, string> = {};
  for (const [key, title] of Object.entries(SAMPLE_SCRIPT_TITLES)) locale[SAMPLE_TITLE_SECTION + key] = title;

  return {
    profile,
    moduleNames: BUILTIN_MODULE_NAMES.filter((n) => moduleFor(n, profile)),
    helpers: Object.fromEntries(HELPER_MODULE_NAMES.flatMap((n) => {
      const m = moduleFor(n, profile);
      return m ? [[n, { members: memberData(m.members) as unknown as LuaData }]] : [];
    })),
    traceConstants,
    userScripts: {
      members: memberData(userScripts.members) as unknown as LuaData,
      flow_type: { ...FLOW_SCRIPT_TYPE[profile], hooks: [...FLOW_SCRIPT_TYPE[profile].hooks], subdirs: FLOW_SCRIPT_TYPE[profile].subdirs ? [...FLOW_SCRIPT_TYPE[profile].subdirs!] : undefined },
      categories,
      field_units: FIELD_UNITS.map((u) => ({ key: u, i18n: FIELD_UNIT_I18N_PREFIX + u })),
    },
    alertConsts: {
      members: memberData(alertConsts.members) as unknown as LuaData,
      severities,
      alert_types: alerts,
      id_field: profile === '4.2' ? 'alert_key' : 'alert_id',
      flow_entity_id: FLOW_ENTITY_ID,
    },
    flowConsts: {
      members: memberData(flowConsts.members) as unknown as LuaData,
      statuses,
      id_field: profile === '4.2' ? 'status_key' : 'status_id',
      has_create: profile === '4.2',
      definitions_dir: `${DIRS.installdir}/scripts/callbacks/status_defs`,
    },
    dkjson: { members: memberData(dkjson.members) as unknown as LuaData },
    luaUtils: {
      globals: memberData(globals) as unknown as LuaData,
      stdlib: STDLIB_EXTENSIONS.filter((g) => g.profiles.includes(profile)).map((g) => g.name),
      trace: traceConstants.map((t) => ({ name: t.name, value: t.value, mode: t.isMode })),
      default_trace_level: normal.value,
      l4_keys: L4_KEYS[profile].map((k) => ({ name: k.name, id: k.id })),
      locale,
      dirs: { ...DIRS },
      ntop: memberData(NTOP_MEMBERS.filter((m) => m.profiles.includes(profile))) as unknown as LuaData,
      interface: memberData(INTERFACE_MEMBERS.filter((m) => m.profiles.includes(profile))) as unknown as LuaData,
    },
  };
}
