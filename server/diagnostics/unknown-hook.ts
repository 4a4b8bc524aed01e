/** A hook name ntopng does not know: it ignores the function with a warning in its log. */
import { closestNames, HOOKS } from '../../api/flow';
import { didYouMean, replaceFixes, type Rule } from './rule';

const NAMES = HOOKS.map((h) => h.name);

export const unknownHook: Rule = {
  code: 'unknown-hook',
  severity: 'error',
  summary: 'A hook name that ntopng does not know: the function never runs.',
  check(a) {
    return a.hooks.filter((h) => !(NAMES as string[]).includes(h.name)).map((h) => {
      const suggestions = closestNames(h.name, NAMES);
      const quote = a.text[h.nameSpan[0]];
      const render = quote === '"' || quote === "'" ? (s: string) => `${quote}${s}${quote}` : (s: string) => s;
      return {
        code: 'unknown-hook', severity: 'error' as const, span: h.nameSpan,
        message: `unknown hook "${h.name}": ntopng never calls it${didYouMean(suggestions)}`,
        fixes: replaceFixes(h.nameSpan, suggestions.map(render)),
      };
    });
  },
};
