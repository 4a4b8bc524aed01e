/** LuaValue (copied out of the VM) back to a JsValue (to push into it again), e.g. script_conf. */
import type { JsValue, LuaValue } from '../vm';

export function luaToJs(value: LuaValue): JsValue {
  if (value === null || typeof value !== 'object') return value;
  if (value.kind === 'function') return value;
  if (value.kind === 'other') return null;
  if (value.array.length > 0 && Object.keys(value.fields).length === 0) return value.array.map(luaToJs);
  const out: { [key: string]: JsValue } = {};
  value.array.forEach((v, i) => (out[String(i + 1)] = luaToJs(v)));
  for (const [k, v] of Object.entries(value.fields)) out[k] = luaToJs(v);
  return out;
}

/** The table's field, if the value is a table. */
export function field(value: LuaValue | undefined, key: string): LuaValue | undefined {
  return value !== null && typeof value === 'object' && value.kind === 'table' ? value.fields[key] : undefined;
}

export function isTable(value: LuaValue | undefined): value is Extract<LuaValue, { kind: 'table' }> {
  return value !== null && typeof value === 'object' && value !== undefined && value.kind === 'table';
}

export function isFunction(value: LuaValue | undefined): value is Extract<LuaValue, { kind: 'function' }> {
  return value !== null && typeof value === 'object' && value !== undefined && value.kind === 'function';
}
