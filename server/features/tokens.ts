/**
 * The tokens before the cursor, from luaparse's lexer: completion and signature help read the
 * code being typed this way because it rarely parses (shared/deps-notes.md §3).
 */
import * as luaparse from 'luaparse';

export interface Tok {
  type: 'string' | 'keyword' | 'name' | 'number' | 'punct' | 'other';
  value: string;
  start: number;
  end: number;
}

const TYPES: { [n: number]: Tok['type'] } = { 2: 'string', 4: 'keyword', 8: 'name', 16: 'number', 32: 'punct' };

/**
 * Tokens of `text` up to `end`, or undefined when the lexer cannot read it (the cursor is in an
 * unterminated string or long comment). Lexing starts at the top-level statement the cursor is
 * in (a line starting at column 0 with a statement keyword) to keep long files fast.
 */
export function tokensBefore(text: string, end: number): Tok[] | undefined {
  const start = statementStart(text, end);
  const slice = text.slice(start, end);
  const out: Tok[] = [];
  try {
    (luaparse.parse as (code: string, options: object) => unknown)(slice, { wait: true, comments: false, luaVersion: '5.3', encodingMode: 'none' });
    const lex = (luaparse as unknown as { lex(): { type: number; value: string | boolean | null; range: [number, number] } }).lex;
    for (;;) {
      const t = lex();
      if (t.type === 1) break;
      out.push({ type: TYPES[t.type] ?? 'other', value: String(t.value), start: t.range[0] + start, end: t.range[1] + start });
    }
  } catch {
    return undefined;
  }
  return out;
}

function statementStart(text: string, end: number): number {
  let i = text.lastIndexOf('\n', end - 1);
  while (i > 0) {
    const lineStart = i + 1;
    if (/^(local|function|return)\b/.test(text.slice(lineStart, lineStart + 9)) && lineStart < end) return lineStart;
    i = text.lastIndexOf('\n', i - 1);
  }
  return 0;
}

/** Whether the cursor sits in a `--` comment on its line (outside strings). */
export function inLineComment(linePrefix: string): boolean {
  let quote = '';
  for (let i = 0; i < linePrefix.length; i++) {
    const c = linePrefix[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '-' && linePrefix[i + 1] === '-') return true;
  }
  return false;
}

/**
 * Index of the innermost bracket still open at the end of `toks`, if it is `open`; -1 when the
 * cursor is not directly inside such a bracket.
 */
export function enclosingOpen(toks: Tok[], open: '(' | '{' | '['): number {
  let depth = 0;
  for (let i = toks.length - 1; i >= 0; i--) {
    if (toks[i].type !== 'punct') continue;
    const v = toks[i].value;
    if (v === ')' || v === '}' || v === ']') depth++;
    else if (v === '(' || v === '{' || v === '[') {
      if (depth > 0) depth--;
      else return v === open ? i : -1;
    }
  }
  return -1;
}
