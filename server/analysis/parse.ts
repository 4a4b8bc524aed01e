/**
 * luaparse with the options every analysis needs: Lua 5.3, character ranges and comments.
 * Line/column locations are not asked for: every span is an offset, turned into an LSP
 * position only at the edge, and skipping them makes the parse faster.
 * String values are decoded separately (see lua-string.ts for why).
 */
import * as luaparse from 'luaparse';
import type { Chunk, Comment, Node } from 'luaparse';

/** luaparse adds `range` when asked; its type declarations do not say so. */
export type Ranged = { range: [number, number] };

export function rangeOf(node: Node | Comment): [number, number] {
  return (node as unknown as Ranged).range;
}

export interface LuaSyntaxError {
  message: string;
  /** Character offset where luaparse stopped. */
  offset: number;
  /** The offending token's end, when luaparse names one. */
  end: number;
}

export type ParseResult = { ok: true; chunk: Chunk } | { ok: false; error: LuaSyntaxError };

export function parseLua(text: string): ParseResult {
  try {
    const chunk = luaparse.parse(text, {
      luaVersion: '5.3',
      ranges: true,
      comments: true,
      scope: false,
      encodingMode: 'none',
    });
    return { ok: true, chunk };
  } catch (error) {
    const e = error as { index?: unknown; line?: unknown; message: string };
    if (typeof e?.index === 'number' && typeof e.line === 'number') {
      // "[3:4] ')' expected near '='": drop the position prefix, LSP shows the range.
      const message = e.message.replace(/^\[\d+:\d+\]\s*/, '');
      const near = /near '(.*)'$/.exec(message);
      const length = near && near[1] !== '<eof>' ? near[1].length : 0;
      return { ok: false, error: { message, offset: e.index, end: Math.min(text.length, e.index + length) } };
    }
    if (error instanceof RangeError) {
      // Lua itself refuses deep nesting ("chunk has too many syntax levels", 200 levels).
      return { ok: false, error: { message: 'too many nested levels for Lua', offset: 0, end: 0 } };
    }
    // luaparse 0.3.1 crashes (TypeError in tokenValue) on a character no Lua token starts with,
    // such as `!`, `@`, `$` or a stray byte: find it ourselves.
    const at = strayCharacter(text);
    if (at >= 0) return { ok: false, error: { message: `unexpected symbol '${text[at]}'`, offset: at, end: at + 1 } };
    return { ok: false, error: { message: `cannot parse this file (${e?.message ?? error})`, offset: 0, end: 0 } };
  }
}

/** The first character outside strings and comments that cannot start a Lua token, or -1. */
export function strayCharacter(text: string): number {
  const allowed = /[A-Za-z0-9_\s+\-*/%^#&~|<>=(){}[\];:,.]/;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      const long = /^--\[(=*)\[/.exec(text.slice(i, i + 40));
      const close = long ? text.indexOf(`]${long[1]}]`, i) : text.indexOf('\n', i);
      if (close < 0) return -1;
      i = close;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '[' && /^\[=*\[/.test(text.slice(i, i + 40))) {
      const level = /^\[(=*)\[/.exec(text.slice(i, i + 40))![1];
      const close = text.indexOf(`]${level}]`, i);
      if (close < 0) return -1;
      i = close;
    } else if (!allowed.test(c)) return i;
  }
  return -1;
}
