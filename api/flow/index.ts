/**
 * The flow-script API catalog: one data description per profile of the `flow.*` functions, hooks,
 * script-table fields, statuses, alerts, modules and globals. The engine's bindings, the language
 * server, docs/flow-api.md and api/luals/flowscript.lua are all derived from it.
 */
import { ALERT_SEVERITIES, ALERT_TYPES } from './alerts';
import { FLOW_FUNCTIONS, RETIRED_FUNCTIONS } from './functions';
import { HOOKS } from './hooks';
import { MODULES } from './modules';
import { PROFILES } from './profiles';
import { SCRIPT_FIELDS } from './script-fields';
import { STATUS_TYPES } from './statuses';
import type {
  AlertSeverity, AlertType, FlowFunction, Hook, LuaModule, ModuleMember, Profile, ResolvedFunction, ScriptField,
  StatusType, Successor,
} from './types';
import { GLOBALS } from './globals';

export * from './types';
export { DEFAULT_PROFILE, PROFILES, PROFILE_LABELS, isProfile } from './profiles';
export { FLOW_FUNCTIONS, RETIRED_FUNCTIONS } from './functions';
export { HOOKS, REAL_HOOK_NAMES } from './hooks';
export { SCRIPT_FIELDS } from './script-fields';
export { L4_KEYS, type L4Key } from './l4-keys';
export { STATUS_TYPES, CUSTOM_STATUS_IDS, MAX_SCORE, STATUS_DEFINITION_FIELDS } from './statuses';
export { DEFAULT_LOCAL_NETWORKS, FLOW_TIMING, PROFILE_RULES, FLOW_SCRIPT_TYPE, SAMPLE_SCRIPT_TITLES, type ProfileRules } from './dispatch';
export { ALERT_TYPES, ALERT_SEVERITIES, FLOW_ENTITY_ID } from './alerts';
export { MODULES, USER_SCRIPTS, FLOW_CONSTS, ALERT_CONSTS, SCRIPT_CATEGORIES, FIELD_UNITS } from './modules';
export { GLOBALS, STDLIB_EXTENSIONS, INTERFACE_MEMBERS, NTOP_MEMBERS } from './globals';
export { closestNames, editDistance } from './similar';
export { keyType } from './key-types';

/** The function as it is in `profile` (variants applied), whether or not it exists there. */
export function resolveFunction(fn: FlowFunction, profile: Profile): ResolvedFunction {
  const v = fn.variants?.[profile] ?? {};
  const resolved: ResolvedFunction = {
    name: fn.name,
    group: fn.group,
    profile,
    params: v.params ?? fn.params,
    returns: v.returns ?? fn.returns,
    doc: v.doc ?? fn.doc,
    profiles: fn.profiles,
    notes: v.notes ?? fn.notes ?? [],
  };
  if (fn.successor) resolved.successor = fn.successor;
  if (fn.deprecated) resolved.deprecated = fn.deprecated;
  if (fn.sinceEra) resolved.sinceEra = fn.sinceEra;
  if (fn.existedIn) resolved.existedIn = fn.existedIn;
  return resolved;
}

const byProfile = new Map<Profile, readonly ResolvedFunction[]>(
  PROFILES.map((p) => [p, FLOW_FUNCTIONS.filter((f) => f.profiles.includes(p)).map((f) => resolveFunction(f, p))]),
);
const byName = new Map<string, FlowFunction>();
for (const f of [...FLOW_FUNCTIONS, ...RETIRED_FUNCTIONS]) if (!byName.has(f.name)) byName.set(f.name, f);

/** Every `flow.*` function of a profile, variants applied, in documentation order. */
export function functionsFor(profile: Profile): readonly ResolvedFunction[] {
  return byProfile.get(profile) ?? [];
}

export interface FunctionLookup {
  /** The function as seen from `profile` (for one that is missing there: its nearest existing form). */
  fn: ResolvedFunction;
  available: boolean;
  /** When unavailable: the replacement to use in this profile, if the catalog knows one. */
  successor?: Successor;
}

/**
 * Looks a `flow.*` name up for a profile. Unknown names give undefined (use `closestNames`).
 * For a name that exists elsewhere, `available` is false and `successor` (if any) is the replacement
 * that exists in the requested profile, following renames.
 */
export function functionByName(name: string, profile: Profile): FunctionLookup | undefined {
  const fn = byName.get(name);
  if (!fn) return undefined;
  if (fn.profiles.includes(profile)) return { fn: resolveFunction(fn, profile), available: true };
  const result: FunctionLookup = { fn: resolveFunction(fn, nearestProfile(fn.profiles, profile)), available: false };
  const successor = successorIn(fn, profile);
  if (successor) result.successor = successor;
  return result;
}

function nearestProfile(profiles: readonly Profile[], wanted: Profile): Profile {
  if (profiles.length === 0) return wanted;
  const at = PROFILES.indexOf(wanted);
  return [...profiles].sort((a, b) => Math.abs(PROFILES.indexOf(a) - at) - Math.abs(PROFILES.indexOf(b) - at))[0];
}

function successorIn(fn: FlowFunction, profile: Profile): Successor | undefined {
  const seen = new Set<string>([fn.name]);
  let next = fn.successor;
  while (next && !seen.has(next.name)) {
    const target = byName.get(next.name);
    if (!target) return undefined;
    if (target.profiles.includes(profile)) return { name: target.name, profile };
    seen.add(next.name);
    next = target.successor;
  }
  return undefined;
}

/** Names of the profile's functions, for completion and "did you mean". */
export function functionNames(profile: Profile): string[] {
  return functionsFor(profile).map((f) => f.name);
}

/** Hooks a script may declare in the profile (all five are accepted everywhere; see `fires`). */
export function hooksFor(profile: Profile): readonly Hook[] {
  return HOOKS.filter((h) => h.accepted.includes(profile));
}

export function hookByName(name: string): Hook | undefined {
  return HOOKS.find((h) => h.name === name);
}

/** Script-table and gui fields that have an effect in the profile. */
export function scriptFields(profile: Profile, parent?: ScriptField['parent']): readonly ScriptField[] {
  return SCRIPT_FIELDS.filter((f) => f.profiles.includes(profile) && (parent === undefined || f.parent === parent));
}

export function statusTypes(profile: Profile): readonly StatusType[] {
  return STATUS_TYPES[profile];
}

export function statusByKey(key: string, profile: Profile): StatusType | undefined {
  return STATUS_TYPES[profile].find((s) => s.key === key);
}

export function alertTypes(profile: Profile): readonly AlertType[] {
  return ALERT_TYPES.filter((a) => a.profiles.includes(profile));
}

export function alertSeverities(profile: Profile): readonly AlertSeverity[] {
  return ALERT_SEVERITIES[profile];
}

/** A module with only the members that exist in the profile, or undefined if it does not exist there. */
export function moduleFor(name: string, profile: Profile): LuaModule | undefined {
  const m = MODULES.find((x) => x.name === name);
  if (!m || !m.profiles.includes(profile)) return undefined;
  return { ...m, members: m.members.filter((x) => x.profiles.includes(profile)) };
}

export function globalsFor(profile: Profile): readonly ModuleMember[] {
  return GLOBALS.filter((g) => g.profiles.includes(profile));
}
