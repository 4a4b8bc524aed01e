/** A known hook that the selected profile accepts but never calls (statusChanged from 4.0 on). */
import { hookByName } from '../../api/flow';
import type { Finding, Rule } from './rule';

export const hookNeverCalled: Rule = {
  code: 'hook-never-called',
  severity: 'warning',
  summary: 'A hook the selected profile accepts but never calls (statusChanged from 4.0 on).',
  check(a) {
    const out: Finding[] = [];
    for (const h of a.hooks) {
      const hook = hookByName(h.name);
      if (!hook || hook.fires.includes(a.profile)) continue;
      out.push({
        code: 'hook-never-called', severity: 'warning', span: h.nameSpan,
        message: `ntopng ${a.profile} accepts the hook ${h.name} but never calls it (it fires only in ${hook.fires.join(', ')})`,
      });
    }
    return out;
  },
};
