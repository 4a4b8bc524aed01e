/** `flow_consts.status_types.<key>` with a key the profile does not define (it is nil). */
import { closestNames, moduleFor, statusByKey, statusTypes, type Profile } from '../../api/flow';
import { didYouMean, replaceFixes, type Finding, type Rule } from './rule';

/** `status_types`, and its older name `flow_status_types` where the profile still has it. */
function statusTables(profile: Profile): string[] {
  const names = ['status_types'];
  if (moduleFor('flow_consts', profile)?.members.some((m) => m.name === 'flow_status_types')) names.push('flow_status_types');
  return names;
}

export const unknownStatusType: Rule = {
  code: 'unknown-status-type',
  severity: 'error',
  summary: '`flow_consts.status_types.<key>` names a status the profile does not define (the value is nil).',
  check(a) {
    const out: Finding[] = [];
    for (const c of a.chains) {
      if (c.module !== 'flow_consts' || c.parts.length !== 2 || !statusTables(a.profile).includes(c.parts[0].name)) continue;
      const key = c.parts[1];
      if (statusByKey(key.name, a.profile)) continue;
      const suggestions = closestNames(key.name, statusTypes(a.profile).map((s) => s.key));
      out.push({
        code: 'unknown-status-type', severity: 'error', span: key.span,
        message: `flow_consts.${c.parts[0].name} has no "${key.name}" in ${a.profile}${didYouMean(suggestions)}`,
        fixes: replaceFixes(key.span, suggestions),
      });
    }
    return out;
  },
};
