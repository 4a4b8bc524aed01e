/**
 * `alert_consts.alert_severities.<name>` with a name the profile does not have (nil at run
 * time). 4.2 has eight severities (debug ... emergency); 2019.11 and 4.0 only info, warning and
 * error. Alert types are not checked: from 4.0 on plugins add their own.
 */
import { alertSeverities, closestNames } from '../../api/flow';
import { didYouMean, replaceFixes, type Finding, type Rule } from './rule';

export const unknownSeverity: Rule = {
  code: 'unknown-severity',
  severity: 'error',
  summary: '`alert_consts.alert_severities.<name>` names a severity the profile does not have (the value is nil).',
  check(a) {
    const out: Finding[] = [];
    const names = alertSeverities(a.profile).map((s) => s.name);
    for (const c of a.chains) {
      if (c.module !== 'alert_consts' || c.parts.length !== 2 || c.parts[0].name !== 'alert_severities') continue;
      const key = c.parts[1];
      if (names.includes(key.name)) continue;
      const suggestions = closestNames(key.name, names);
      out.push({
        code: 'unknown-severity', severity: 'error', span: key.span,
        message: `alert_consts.alert_severities has no "${key.name}" in ${a.profile} (${names.join(', ')})${didYouMean(suggestions)}`,
        fixes: replaceFixes(key.span, suggestions),
      });
    }
    return out;
  },
};
