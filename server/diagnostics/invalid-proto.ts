/**
 * `l4_proto` and `l7_proto` values of the script table: an unknown L4 name is an error in ntopng
 * (the script gets no hooks) and an unknown nDPI name makes ntopng skip the script.
 */
import { closestNames, L4_KEYS } from '../../api/flow';
import { closestProtocolNames, protocolByNameIgnoreCase } from '../../api/ndpi';
import { stringValue } from '../analysis/script-table';
import type { Analysis } from '../analysis/model';
import { didYouMean, replaceFixes, type Finding, type Rule } from './rule';

function protoField(a: Analysis, name: string) {
  const f = a.script?.fields.find((x) => x.name === name);
  return f ? stringValue(f.value) : undefined;
}

function quoteLike(text: string, at: number): (s: string) => string {
  const q = text[at] === "'" ? "'" : '"';
  return (s) => `${q}${s}${q}`;
}

export const invalidL4Proto: Rule = {
  code: 'invalid-l4-proto',
  severity: 'error',
  summary: '`l4_proto` is not one of the L4 protocol names of the profile: ntopng gives the script no hooks.',
  check(a) {
    const v = protoField(a, 'l4_proto');
    const names = L4_KEYS[a.profile].map((k) => k.name);
    if (!v || names.includes(v.value)) return [];
    const suggestions = closestNames(v.value, names);
    const finding: Finding = {
      code: 'invalid-l4-proto', severity: 'error', span: v.span,
      message: `l4_proto "${v.value}" is not an L4 protocol of ${a.profile} (${names.join(', ')})${didYouMean(suggestions, (s) => `"${s}"`)}`,
      fixes: replaceFixes(v.span, suggestions.map(quoteLike(a.text, v.span[0]))),
    };
    return [finding];
  },
};

export const invalidL7Proto: Rule = {
  code: 'invalid-l7-proto',
  severity: 'error',
  summary: '`l7_proto` is not an nDPI protocol name: ntopng skips the script.',
  check(a) {
    const v = protoField(a, 'l7_proto');
    if (!v || protocolByNameIgnoreCase(v.value)) return [];
    const suggestions = closestProtocolNames(v.value);
    return [{
      code: 'invalid-l7-proto', severity: 'error', span: v.span,
      message: `l7_proto "${v.value}" is not an nDPI protocol name${didYouMean(suggestions, (s) => `"${s}"`)}`,
      fixes: replaceFixes(v.span, suggestions.map(quoteLike(a.text, v.span[0]))),
    }];
  },
};
