/** A `-- flowscript: profile=...` comment naming a profile that does not exist. */
import { PROFILES } from '../../api/flow';
import type { Rule } from './rule';

export const invalidProfile: Rule = {
  code: 'invalid-profile',
  severity: 'error',
  summary: 'The first-line `-- flowscript: profile=` comment names an unknown API profile.',
  check(a) {
    const c = a.profileComment;
    if (!c || c.valid) return [];
    return [{
      code: 'invalid-profile', severity: 'error', span: c.span,
      message: `unknown profile "${c.value}": use ${PROFILES.join(', ')} (checking with ${a.profile})`,
      fixes: PROFILES.map((p) => ({ title: `Use profile ${p}`, edits: [{ span: c.span, newText: p }] })),
    }];
  },
};
