/** Lua syntax errors: luaparse's first one, exact, and the later ones tree-sitter recovers. */
import type { Rule } from './rule';

export const syntaxError: Rule = {
  code: 'syntax-error',
  severity: 'error',
  summary: 'The file is not valid Lua 5.3; ntopng cannot load it.',
  check: (a) => a.syntaxErrors.map((e) => ({ code: 'syntax-error', severity: 'error', message: e.message, span: e.span })),
};
