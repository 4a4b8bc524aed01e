/** Reading a key that the getter's table never has (`cli_geo["srv.country"]`). */
import { closestNames, functionByName } from '../../api/flow';
import { didYouMean, replaceFixes, type Finding, type Rule } from './rule';

export const unknownResultKey: Rule = {
  code: 'unknown-result-key',
  severity: 'warning',
  summary: 'Reads a key that the table returned by a `flow.*` getter never contains (the value is always nil).',
  check(a) {
    const out: Finding[] = [];
    for (const r of a.resultKeyReads) {
      const found = functionByName(r.getter, a.profile);
      const keys = found?.available ? found.fn.returns.keys : undefined;
      if (!keys || keys.includes(r.key)) continue;
      const suggestions = closestNames(r.key, keys, 3, Math.max(3, Math.floor(r.key.length / 2)));
      const quoted = a.text[r.span[0]] === '"' || a.text[r.span[0]] === "'" ? a.text[r.span[0]] : '';
      out.push({
        code: 'unknown-result-key', severity: 'warning', span: r.span,
        message: `flow.${r.getter}() never returns the key "${r.key}"${didYouMean(suggestions, (s) => `"${s}"`)}`,
        fixes: quoted ? replaceFixes(r.span, suggestions.map((s) => `${quoted}${s}${quoted}`)) : [],
      });
    }
    return out;
  },
};
