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
    throw error;
  }
}
