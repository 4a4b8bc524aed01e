/** A literal argument of a `flow.*` call whose type the parameter does not accept. */
import { functionByName } from '../../api/flow';
import { rangeOf } from '../analysis/parse';
import { fits, literalType, typeText } from '../analysis/literal-type';
import type { Finding, Rule } from './rule';

export const wrongArgumentType: Rule = {
  code: 'wrong-argument-type',
  severity: 'warning',
  summary: 'A literal passed to a `flow.*` function has a type the parameter does not accept.',
  check(a) {
    const out: Finding[] = [];
    for (const u of a.flowUses) {
      if (!u.args) continue;
      const found = functionByName(u.name, a.profile);
      if (!found?.available) continue;
      u.args.forEach((arg, i) => {
        const param = found.fn.params[i + (u.method ? 1 : 0)];
        const actual = literalType(arg);
        if (!param || !actual) return;
        const raw = arg.type === 'NumericLiteral' ? (arg as unknown as { raw: string }).raw : undefined;
        if (fits(actual, param.type, !!param.optional, raw)) return;
        out.push({
          code: 'wrong-argument-type', severity: 'warning', span: rangeOf(arg),
          message: `argument ${i + 1} of flow.${u.name} (${param.name}) must be ${typeText(param.type)}, not ${actual}`,
        });
      });
    }
    return out;
  },
};
