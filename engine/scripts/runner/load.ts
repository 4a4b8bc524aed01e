/**
 * Loading one flow script the way ntopng's loader does (spec §2): the file name without `.lua` is
 * the key; the chunk must return a table with a `hooks` table; `default_enabled = false` keeps it
 * out; its dispatch fields become a ScriptDecl for the scheduler.
 */
import { basename } from 'node:path';
import type { LuaFunctionRef, LuaValue } from '../vm';
import type { ScriptDecl } from '../scheduler';
import { field, isFunction, isTable } from './lua-values';

export interface LoadedScript {
  key: string;
  /** The path as the user gave it (what hits show). */
  file: string;
  decl: ScriptDecl;
  /** Hook name → function (`all` included). */
  hooks: Map<string, LuaFunctionRef>;
  setup?: LuaFunctionRef;
  teardown?: LuaFunctionRef;
  /** 4.0/4.2: the second hook argument (the script's default_value, else {}). */
  conf: LuaValue;
  defaultEnabled: boolean;
}

export function scriptKey(path: string): string {
  return basename(path).replace(/\.lua$/, '');
}

/** The problem with what a chunk returned, or the loaded script. */
export function scriptFromValue(value: LuaValue, path: string): LoadedScript | string {
  if (!isTable(value)) {
    return `the script must return a table with hooks (it returned ${describe(value)})`;
  }
  const hooksValue = field(value, 'hooks');
  if (!isTable(hooksValue)) return `the table the script returns has no 'hooks' table (got ${describe(hooksValue ?? null)})`;
  const hooks = new Map<string, LuaFunctionRef>();
  for (const [name, fn] of Object.entries(hooksValue.fields)) if (isFunction(fn)) hooks.set(name, fn);
  const key = scriptKey(path);
  const decl: ScriptDecl = { key, hooks: [...hooks.keys()] };
  const str = (k: string) => { const v = field(value, k); return typeof v === 'string' ? v : undefined; };
  const num = (k: string) => { const v = field(value, k); return typeof v === 'number' ? v : undefined; };
  const l4 = str('l4_proto');
  if (l4 !== undefined) decl.l4_proto = l4;
  const l7 = str('l7_proto');
  if (l7 !== undefined) decl.l7_proto = l7;
  const l7id = num('l7_proto_id');
  if (l7id !== undefined) decl.l7_proto_id = l7id;
  const twh = field(value, 'three_way_handshake_ok');
  if (typeof twh === 'boolean') decl.three_way_handshake_ok = twh;
  const periodic = num('periodic_update_seconds');
  if (periodic !== undefined) decl.periodic_update_seconds = periodic;
  const prio = num('prio');
  if (prio !== undefined) decl.prio = prio;
  const setup = field(value, 'setup');
  const teardown = field(value, 'teardown');
  const conf = field(value, 'default_value');
  const script: LoadedScript = {
    key, file: path, decl, hooks,
    conf: isTable(conf) ? conf : { kind: 'table', fields: {}, array: [] },
    defaultEnabled: field(value, 'default_enabled') !== false,
  };
  if (isFunction(setup)) script.setup = setup;
  if (isFunction(teardown)) script.teardown = teardown;
  return script;
}

function describe(value: LuaValue): string {
  if (value === null) return 'nil';
  if (typeof value !== 'object') return typeof value;
  return value.kind === 'other' ? value.type : value.kind;
}

/** The last non-blank line of a source (where a missing `return` would go). */
export function lastLine(source: string): number {
  const lines = source.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim() !== '') return i + 1;
  return 1;
}
