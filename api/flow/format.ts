/** Text helpers shared by the docs and LuaLS renderers. */
import type { Param, Profile, ResolvedFunction, TypeSpec } from './types';

export function typeText(t: TypeSpec): string {
  return typeof t === 'string' ? t : t.join('|');
}

export function paramText(p: Param): string {
  return `${p.name}${p.optional ? '?' : ''}: ${typeText(p.type)}`;
}

/** `flow.name(a: integer, b?: table) -> boolean` */
export function signatureText(f: ResolvedFunction): string {
  const ret = `${typeText(f.returns.type)}${f.returns.nullable ? '?' : ''}`;
  return `flow.${f.name}(${f.params.map(paramText).join(', ')}) -> ${ret}`;
}

export function profilesText(profiles: readonly Profile[]): string {
  return profiles.length === 0 ? 'none' : profiles.join(', ');
}
