/** A function named like a hook but not inside `script.hooks`: ntopng never calls it. */
import type { Rule } from './rule';

export const hookOutsideHooks: Rule = {
  code: 'hook-outside-hooks',
  severity: 'warning',
  summary: 'A function is named like a hook but is not in the script\'s `hooks` table, so ntopng never calls it.',
  check(a) {
    return a.misplacedHooks.map((m) => ({
      code: 'hook-outside-hooks', severity: 'warning' as const, span: m.span,
      message: `${m.written} is not in the hooks table: ntopng never calls it${m.replacement ? `; declare it as ${m.replacement}` : ''}`,
      fixes: m.replacement ? [{ title: `Move it to ${m.replacement}`, edits: [{ span: m.span, newText: m.replacement }], preferred: true }] : [],
    }));
  },
};
