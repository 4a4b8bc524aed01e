/**
 * Shapes of the flow-script API catalog. Every entry is plain data; api/flow/index.ts builds the
 * per-profile lookups on top of it. Facts come from shared/spec/ntopng-flow-api.md.
 */

/** The API profiles the project supports. `2019.11` is what the Flow Scripts documentation describes. */
export type Profile = '2019.11' | '4.0' | '4.2';

/** Lua value types, as a script sees them (`integer` is a Lua 5.3 integer subtype of number). */
export type LuaType = 'string' | 'number' | 'integer' | 'boolean' | 'table' | 'nil' | 'function' | 'any';

/** One type or a union of types (e.g. `['string', 'table']`). */
export type TypeSpec = LuaType | readonly LuaType[];

export interface Param {
  name: string;
  type: TypeSpec;
  optional?: boolean;
  doc: string;
}

export type FunctionNote =
  /** Costly to compute; not meant for every flow in production. */
  | 'expensive'
  /** Reading the value also clears it. */
  | 'clear-on-read'
  /** Registered only in ntopng Pro/Enterprise builds. */
  | 'pro-only'
  /** Registered only in nEdge builds. */
  | 'nedge-only'
  /** Used by ntopng's own flow driver; scripts rarely call it. */
  | 'internal'
  /** ntopng's implementation misbehaves in this profile (the doc says how). */
  | 'bug';

export interface Returns {
  type: TypeSpec;
  /** The function can return nil in normal operation (besides the no-flow / bad-argument case). */
  nullable?: boolean;
  /** Exact string keys of a returned table (absent keys are possible: see the doc). */
  keys?: readonly string[];
  /** What the value means, when the function doc does not say it. */
  doc?: string;
}

/** Where a renamed or removed function's replacement lives. */
export interface Successor {
  name: string;
  profile: Profile;
}

/** The parts of a function that differ in one profile. */
export interface FunctionVariant {
  params?: readonly Param[];
  returns?: Returns;
  doc?: string;
  notes?: readonly FunctionNote[];
}

/** Which part of the API a function belongs to (for docs and grouping in completion). */
export type FunctionGroup =
  | 'status'
  | 'score'
  | 'info'
  | 'peers'
  | 'traffic'
  | 'tcp'
  | 'protocol'
  | 'tls'
  | 'application'
  | 'internal'
  | 'retired';

export interface FlowFunction {
  name: string;
  group: FunctionGroup;
  /** Parameters in the profiles without a variant. */
  params: readonly Param[];
  returns: Returns;
  /** One or two sentences, in the project's own words. */
  doc: string;
  /** Profiles where `flow.<name>` exists (empty for retired names kept only for diagnostics). */
  profiles: readonly Profile[];
  /** The replacement, for a function renamed or removed in a later (or earlier-named) profile. */
  successor?: Successor;
  notes?: readonly FunctionNote[];
  /** Why not to use it, when it still exists but should not be used. */
  deprecated?: string;
  /** When the name first appeared upstream (informative). */
  sinceEra?: string;
  /** For retired names: the upstream window in which the name existed. */
  existedIn?: string;
  /** Per-profile differences; fields given here replace the base ones in that profile. */
  variants?: Partial<Record<Profile, FunctionVariant>>;
}

/** A function as it is in one profile: variants applied. */
export interface ResolvedFunction {
  name: string;
  group: FunctionGroup;
  profile: Profile;
  params: readonly Param[];
  returns: Returns;
  doc: string;
  profiles: readonly Profile[];
  successor?: Successor;
  notes: readonly FunctionNote[];
  deprecated?: string;
  sinceEra?: string;
  existedIn?: string;
}

export type HookName = 'protocolDetected' | 'statusChanged' | 'periodicUpdate' | 'flowEnd' | 'all';

export interface Hook {
  name: HookName;
  doc: string;
  /** Profiles where a script may declare it without a warning. */
  accepted: readonly Profile[];
  /** Profiles where ntopng actually calls it. `all` fires through the hooks it stands for. */
  fires: readonly Profile[];
  /** True for `all`, which stands for the four real hooks. */
  virtual?: boolean;
  /** Arguments the hook function receives, per profile. */
  args: Record<Profile, readonly Param[]>;
}

/** One field of the table a flow script returns (or of its `gui` sub-table). */
export interface ScriptField {
  name: string;
  /** `script` for top-level fields, `gui` for `script.gui.<name>`. */
  parent: 'script' | 'gui';
  type: TypeSpec;
  /** Profiles where the field has an effect (empty: accepted but ignored by every profile). */
  profiles: readonly Profile[];
  required?: boolean;
  /** Default when absent, as a Lua literal. */
  default?: string;
  /** Accepted values per profile, when the field takes one of a fixed set. */
  allowed?: Partial<Record<Profile, readonly (string | number)[]>>;
  /** The loader fills it in; a script does not need to write it. */
  setByLoader?: boolean;
  doc: string;
  /** Per-profile type, when the type itself changed (e.g. gui.input_builder). */
  typeByProfile?: Partial<Record<Profile, TypeSpec>>;
}

/** A flow status type, as `flow_consts.status_types.<key>` in one profile. */
export interface StatusType {
  key: string;
  profile: Profile;
  /** Bit number in the status bitmap; undefined when ntopng assigns it at run time (4.0). */
  id?: number;
  /** 2019.11 only: the higher prio wins the alert. */
  prio?: number;
  /** 2019.11 only: relevance 0..100 (not used by open-source code). */
  relevance?: number;
  /** Name of the alert severity (`alert_consts.alert_severities.<name>`), when known. */
  severity?: string;
  /** Key of the alert type (`alert_consts.alert_types.<key>`), when known. */
  alertType?: string;
  /** 4.2: extra arguments of `create(severity, ...)`. */
  createArgs?: readonly string[];
  /** The plugin that defines it (4.0). */
  plugin?: string;
  doc?: string;
}

export interface AlertType {
  key: string;
  profiles: readonly Profile[];
  /** alert_id per profile, when known. */
  id: Partial<Record<Profile, number>>;
  doc: string;
}

export interface AlertSeverity {
  name: string;
  severityId: number;
  syslogLevel: number;
}

/** A member of a module (`user_scripts`, `flow_consts`, `alert_consts`, ...) or a global. */
export interface ModuleMember {
  name: string;
  kind: 'function' | 'table' | 'constant' | 'module';
  profiles: readonly Profile[];
  /** For functions: a short signature such as `(key, params?) -> string?`. */
  signature?: string;
  /** For constants: the value. */
  value?: string | number | boolean;
  doc: string;
}

/** A Lua module scripts can `require`. */
export interface LuaModule {
  name: string;
  profiles: readonly Profile[];
  doc: string;
  members: readonly ModuleMember[];
}
