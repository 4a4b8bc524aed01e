/** A `flow.*` call with fewer arguments than required or more than the function takes. */
import { functionByName } from '../../api/flow';
import type { Finding, Rule } from './rule';

export const wrongArgumentCount: Rule = {
  code: 'wrong-argument-count',
  severity: 'warning',
  summary: 'A `flow.*` call passes fewer arguments than required, or more than the function takes.',
  check(a) {
    const out: Finding[] = [];
    for (const u of a.flowUses) {
      if (!u.args || !u.callSpan) continue;
      const found = functionByName(u.name, a.profile);
      if (!found?.available) continue;
      const params = found.fn.params;
      const last = u.args[u.args.length - 1];
      // A call or `...` as the last argument can expand to any number of values.
      const open = !!last && (last.type === 'CallExpression' || last.type === 'StringCallExpression' || last.type === 'TableCallExpression' || last.type === 'VarargLiteral');
      const given = u.args.length + (u.method ? 1 : 0);
      const required = params.filter((p) => !p.optional).length;
      const names = params.map((p) => (p.optional ? `${p.name}?` : p.name)).join(', ');
      if (given > params.length) {
        out.push({
          code: 'wrong-argument-count', severity: 'warning', span: u.callSpan,
          message: `flow.${u.name}(${names}) takes ${params.length === 0 ? 'no arguments' : `at most ${params.length} argument${params.length === 1 ? '' : 's'}`}, got ${given}`,
        });
      } else if (given < required && !open) {
        out.push({
          code: 'wrong-argument-count', severity: 'warning', span: u.callSpan,
          message: `flow.${u.name}(${names}) needs ${required} argument${required === 1 ? '' : 's'}, got ${given}`,
        });
      }
    }
    return out;
  },
};
