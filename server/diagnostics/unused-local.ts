/** A local variable or local function that is never read. */
import type { Rule } from './rule';

export const unusedLocal: Rule = {
  code: 'unused-local',
  severity: 'hint',
  summary: 'A local variable or local function is never read (names starting with `_` are exempt).',
  check(a) {
    return a.bindings
      .filter((b) => (b.kind === 'local' || b.kind === 'local-function') && b.reads.length === 0 && !b.name.startsWith('_'))
      // An unreturned script table is script-not-returned's business.
      .filter((b) => b.decl[0] !== a.script?.nameSpan?.[0])
      .map((b) => ({
        code: 'unused-local', severity: 'hint' as const, span: b.decl, unnecessary: true,
        message: `unused local "${b.name}"`,
      }));
  },
};
