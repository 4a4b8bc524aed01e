/** A costly getter (flow.getFullInfo) called from a hook, which runs for every flow. */
import { functionByName } from '../../api/flow';
import type { Finding, Rule } from './rule';

export const expensiveInHook: Rule = {
  code: 'expensive-in-hook',
  severity: 'warning',
  summary: 'A hook calls a getter the documentation marks as expensive (flow.getFullInfo builds the whole flow table for every flow).',
  check(a) {
    const out: Finding[] = [];
    for (const u of a.flowUses) {
      if (!u.hook) continue;
      const found = functionByName(u.name, a.profile);
      if (!found?.available || !found.fn.notes.includes('expensive')) continue;
      out.push({
        code: 'expensive-in-hook', severity: 'warning', span: u.span,
        message: `flow.${u.name}() in hook ${u.hook} is expensive: it builds a large table for every flow; call the specific getters you need instead`,
      });
    }
    return out;
  },
};
