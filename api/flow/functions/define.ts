/** Small builders that keep the function data files short. */
import type { FlowFunction, FunctionGroup, Param, Profile, Returns, TypeSpec } from '../types';

type Extra = Partial<Omit<FlowFunction, 'name' | 'group' | 'returns' | 'doc' | 'profiles'>>;

/** A function without parameters returning a value of `type`. */
export function getter(
  name: string,
  group: FunctionGroup,
  profiles: readonly Profile[],
  returns: TypeSpec | Returns,
  doc: string,
  extra: Extra = {},
): FlowFunction {
  const r: Returns = typeof returns === 'string' || Array.isArray(returns) ? { type: returns as TypeSpec } : (returns as Returns);
  return { name, group, params: [], returns: r, doc, profiles, ...extra };
}

/** A getter returning a table with the given exact keys. */
export function tableGetter(
  name: string,
  group: FunctionGroup,
  profiles: readonly Profile[],
  keys: readonly string[],
  doc: string,
  extra: Extra & { nullable?: boolean } = {},
): FlowFunction {
  const { nullable, ...rest } = extra;
  return getter(name, group, profiles, { type: 'table', keys, ...(nullable ? { nullable } : {}) }, doc, rest);
}

export function param(name: string, type: TypeSpec, doc: string, optional = false): Param {
  return optional ? { name, type, optional, doc } : { name, type, doc };
}
