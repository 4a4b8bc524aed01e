/**
 * Which scripts a hook call reaches (spec §2 fields, §3.1 step 2): a script's declared fields
 * compiled once into a `ScriptFilter`, then matched against a flow's L4/L7 protocols, its TCP
 * handshake and the periodic counter. No Lua here: the Lua layer reads the fields from the
 * table a script returns and hands them over as a `ScriptDecl`.
 */
import { FLOW_TIMING, L4_KEYS, PROFILE_RULES, REAL_HOOK_NAMES, hookByName, hooksFor, type Profile } from '../../../api/flow';
import { protocolByName, protocolByNameIgnoreCase } from '../../../api/ndpi';
import type { Flow } from '../../flows/flow';

/** A script's key (its file name without `.lua`). */
export type ScriptId = string;

/** The four hooks ntopng really calls. */
export type RealHookName = (typeof REAL_HOOK_NAMES)[number];

/** The fields of a script's table that decide dispatch, as the script declared them. */
export interface ScriptDecl {
  key: ScriptId;
  /** Names of the functions in the script's `hooks` table (`all` included). */
  hooks: readonly string[];
  l4_proto?: string;
  l7_proto?: string;
  l7_proto_id?: number;
  three_way_handshake_ok?: boolean;
  periodic_update_seconds?: number;
  prio?: number;
}

/** A script ready for dispatch. */
export interface ScriptFilter {
  key: ScriptId;
  /** Real hooks the script is registered for (`all` expanded). */
  hooks: ReadonlySet<RealHookName>;
  /** IP protocol numbers of the flows it is attached to. */
  l4Ids: ReadonlySet<number>;
  /** nDPI id the flow's master or app must equal, when set. */
  l7ProtoId: number | undefined;
  threeWayHandshakeOk: boolean;
  /** periodicUpdate runs only when update_ctr % periodicDivisor == 0. */
  periodicDivisor: number;
  prio: number;
  /** Position in the list the scheduler was given (tie-break and the order of R/4.0). */
  order: number;
}

export interface CompiledScript {
  /** Undefined when the script gets no hooks at all (ntopng skips it). */
  filter: ScriptFilter | undefined;
  /** What ntopng would log while loading it. */
  warnings: string[];
}

const REAL = new Set<string>(REAL_HOOK_NAMES);

/** Compiles a script's declared fields the way ntopng's loader does for `profile`. */
export function compileScript(decl: ScriptDecl, profile: Profile, order = 0): CompiledScript {
  const warnings: string[] = [];
  const accepted = new Set(hooksFor(profile).map((h) => h.name as string));
  const hooks = new Set<RealHookName>();
  for (const name of decl.hooks) {
    if (!accepted.has(name)) {
      warnings.push(`${decl.key}: unknown hook '${name}' ignored`);
      continue;
    }
    if (hookByName(name)?.virtual) {
      // `all` stands for the four hooks (2019.11: registers them and stops; 4.x: overrides).
      for (const h of REAL_HOOK_NAMES) hooks.add(h);
    } else if (REAL.has(name)) {
      hooks.add(name as RealHookName);
    }
  }
  if (hooks.size === 0) {
    warnings.push(`${decl.key}: no hooks, script skipped`);
    return { filter: undefined, warnings };
  }

  const keys = L4_KEYS[profile];
  let l4Ids: Set<number>;
  if (decl.l4_proto !== undefined) {
    const key = keys.find((k) => k.name === decl.l4_proto);
    if (!key) {
      warnings.push(`${decl.key}: unknown l4_proto '${decl.l4_proto}', script gets no hooks`);
      return { filter: undefined, warnings };
    }
    l4Ids = new Set([key.id]);
  } else {
    l4Ids = new Set(keys.filter((k) => k.id > 0).map((k) => k.id));
  }

  let l7ProtoId = decl.l7_proto_id;
  if (decl.l7_proto !== undefined) {
    const proto = protocolByNameIgnoreCase(decl.l7_proto);
    if (!proto) {
      warnings.push(`${decl.key}: unknown l7_proto '${decl.l7_proto}', script skipped`);
      return { filter: undefined, warnings };
    }
    l7ProtoId = proto.id;
  }

  const multiple = PROFILE_RULES[profile].periodicMultiple;
  let seconds = decl.periodic_update_seconds ?? FLOW_TIMING.defaultPeriodicUpdateSeconds;
  if (!Number.isInteger(seconds) || seconds <= 0 || seconds % multiple !== 0) {
    warnings.push(`${decl.key}: periodic_update_seconds must be a multiple of ${multiple}, using ${FLOW_TIMING.defaultPeriodicUpdateSeconds}`);
    seconds = FLOW_TIMING.defaultPeriodicUpdateSeconds;
  }

  return {
    filter: {
      key: decl.key,
      hooks,
      l4Ids,
      l7ProtoId,
      threeWayHandshakeOk: decl.three_way_handshake_ok === true,
      periodicDivisor: Math.floor(seconds / FLOW_TIMING.periodicDivisorBase),
      prio: PROFILE_RULES[profile].orderByPrio ? (decl.prio ?? 0) : 0,
      order,
    },
    warnings,
  };
}

/** What dispatch needs to know about a flow (spec §3.1: l4_proto, master_id, app_id, isTwhOK). */
export interface FlowFacts {
  l4Proto: number;
  masterId: number;
  appId: number;
  isTcp: boolean;
  threeWayHandshake: boolean;
}

/** A flow's facts now: ids from the detector's names (0 = Unknown, also without a detector). */
export function flowFacts(flow: Flow): FlowFacts {
  const l7 = flow.l7;
  return {
    l4Proto: flow.l4Proto,
    masterId: l7 ? (protocolByName(l7.master)?.id ?? 0) : 0,
    appId: l7 ? (protocolByName(l7.app)?.id ?? 0) : 0,
    isTcp: flow.l4Proto === 6,
    threeWayHandshake: flow.threeWayHandshake,
  };
}

/**
 * The scripts of a profile, registered per hook and L4 protocol as ntopng's driver does, in
 * dispatch order: descending `prio` in 4.2 (ties in the given order), the given order otherwise
 * (ntopng's `pairs()` order is unspecified there).
 */
export class ScriptRegistry {
  readonly filters: readonly ScriptFilter[];
  readonly warnings: readonly string[];
  private readonly byHookAndL4 = new Map<string, ScriptFilter[]>();

  constructor(decls: readonly ScriptDecl[], readonly profile: Profile) {
    const filters: ScriptFilter[] = [];
    const warnings: string[] = [];
    const seen = new Set<string>();
    decls.forEach((decl, i) => {
      if (seen.has(decl.key)) {
        warnings.push(`${decl.key}: duplicate script key, skipped`);
        return;
      }
      seen.add(decl.key);
      const compiled = compileScript(decl, profile, i);
      warnings.push(...compiled.warnings);
      if (compiled.filter) filters.push(compiled.filter);
    });
    filters.sort((a, b) => b.prio - a.prio || a.order - b.order);
    this.filters = filters;
    this.warnings = warnings;
    for (const f of filters) {
      for (const hook of f.hooks) {
        for (const l4 of f.l4Ids) {
          const k = `${hook}/${l4}`;
          let list = this.byHookAndL4.get(k);
          if (!list) this.byHookAndL4.set(k, (list = []));
          list.push(f);
        }
      }
    }
  }

  /** Whether any script could get `hook` on a flow of this L4 protocol (cheap pre-check). */
  has(hook: RealHookName, l4Proto: number): boolean {
    return this.byHookAndL4.has(`${hook}/${l4Proto}`);
  }

  /** The scripts that run for one hook call, in order (spec §3.1 step 2). */
  select(hook: RealHookName, facts: FlowFacts, updateCtr?: number): ScriptId[] {
    const list = this.byHookAndL4.get(`${hook}/${facts.l4Proto}`);
    if (!list) return [];
    const out: ScriptId[] = [];
    for (const f of list) {
      if (hook === 'periodicUpdate' && (updateCtr ?? 0) % f.periodicDivisor !== 0) continue;
      if (f.threeWayHandshakeOk && facts.isTcp && !facts.threeWayHandshake) continue;
      if (f.l7ProtoId !== undefined && f.l7ProtoId !== facts.masterId && f.l7ProtoId !== facts.appId) continue;
      out.push(f.key);
    }
    return out;
  }
}
