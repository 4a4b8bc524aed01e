/** Serialises plain JS data into a Lua table constructor, so module sources can embed catalog data. */

/** Data that has a Lua literal form: arrays become sequences, objects become records. */
export type LuaData = null | undefined | boolean | number | string | readonly LuaData[] | { readonly [key: string]: LuaData };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set([
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in', 'local', 'nil',
  'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
]);

/** A Lua string literal (double-quoted; control and non-ASCII bytes as decimal escapes of their UTF-8 bytes). */
export function luaString(s: string): string {
  let out = '"';
  for (const byte of Buffer.from(s, 'utf8')) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString().padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return out + '"';
}

/** The Lua constructor of a value; undefined fields are left out, null is nil. */
export function luaLiteral(value: LuaData): string {
  if (value === null || value === undefined) return 'nil';
  switch (typeof value) {
    case 'boolean': return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`no Lua literal for ${value}`);
      return Number.isInteger(value) ? String(value) : value.toString();
    case 'string': return luaString(value);
  }
  if (Array.isArray(value)) return `{${(value as readonly LuaData[]).map(luaLiteral).join(', ')}}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as { readonly [key: string]: LuaData })) {
    if (v === undefined) continue;
    const key = IDENT.test(k) && !RESERVED.has(k) ? k : `[${luaString(k)}]`;
    parts.push(`${key} = ${luaLiteral(v)}`);
  }
  return `{${parts.join(', ')}}`;
}
