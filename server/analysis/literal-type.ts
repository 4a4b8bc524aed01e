/** The Lua type of a literal argument, when the source says it (else undefined). */
import type { Expression } from 'luaparse';
import type { LuaType, TypeSpec } from '../../api/flow';

export function literalType(e: Expression): LuaType | undefined {
  switch (e.type) {
    case 'StringLiteral': return 'string';
    case 'NumericLiteral': return isIntegerLiteral((e as unknown as { raw: string }).raw) ? 'integer' : 'number';
    case 'BooleanLiteral': return 'boolean';
    case 'NilLiteral': return 'nil';
    case 'TableConstructorExpression': return 'table';
    case 'FunctionDeclaration': return 'function';
    default: return undefined;
  }
}

function isIntegerLiteral(raw: string): boolean {
  return /^0[xX][0-9a-fA-F]+$/.test(raw) || /^[0-9]+$/.test(raw);
}

export function typeList(spec: TypeSpec): readonly LuaType[] {
  return typeof spec === 'string' ? [spec] : spec;
}

export function typeText(spec: TypeSpec): string {
  return typeList(spec).join('|');
}

/**
 * Whether a literal of type `actual` fits a parameter of type `expected`. An integer is a
 * number; a float literal fits an integer parameter only when it has an exact integer value
 * (Lua 5.3's lua_tointeger accepts 3.0), and nil fits an optional parameter.
 */
export function fits(actual: LuaType, expected: TypeSpec, optional: boolean, raw?: string): boolean {
  const types = typeList(expected);
  if (types.includes('any') || types.includes(actual)) return true;
  if (actual === 'integer' && types.includes('number')) return true;
  if (actual === 'number' && types.includes('integer') && raw !== undefined && Number.isInteger(Number(raw))) return true;
  if (actual === 'nil' && optional) return true;
  return false;
}
