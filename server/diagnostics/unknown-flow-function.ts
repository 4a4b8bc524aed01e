/** `flow.<name>` where no profile (and no retired name) has that function. */
import { closestNames, functionByName, functionNames } from '../../api/flow';
import { didYouMean, replaceFixes, type Rule } from './rule';

export const unknownFlowFunction: Rule = {
  code: 'unknown-flow-function',
  severity: 'error',
  summary: 'Calls a `flow.*` function that ntopng does not have (calling nil fails at run time).',
  check(a) {
    return a.flowUses.filter((u) => !functionByName(u.name, a.profile)).map((u) => {
      const suggestions = closestNames(u.name, functionNames(a.profile));
      return {
        code: 'unknown-flow-function', severity: 'error' as const, span: u.nameSpan,
        message: `flow.${u.name} does not exist${didYouMean(suggestions, (s) => `flow.${s}`)}`,
        fixes: replaceFixes(u.nameSpan, suggestions, (s) => `flow.${s}`),
      };
    });
  },
};
