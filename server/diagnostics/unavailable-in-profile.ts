/** `flow.<name>` that exists, but not in the selected profile (renamed, removed or added later). */
import { functionByName } from '../../api/flow';
import type { Finding, Rule } from './rule';

export const unavailableInProfile: Rule = {
  code: 'unavailable-in-profile',
  severity: 'error',
  summary: 'Calls a `flow.*` function that the selected ntopng profile does not have; names its successor when there is one.',
  check(a) {
    const out: Finding[] = [];
    for (const u of a.flowUses) {
      const found = functionByName(u.name, a.profile);
      if (!found || found.available) continue;
      const where = found.fn.profiles.length > 0 ? `it exists in ${found.fn.profiles.join(', ')}` : `it existed ${found.fn.existedIn ?? 'before these profiles'}`;
      const use = found.successor ? `: use flow.${found.successor.name}()` : '';
      out.push({
        code: 'unavailable-in-profile', severity: 'error', span: u.nameSpan,
        message: `flow.${u.name} is not in ${a.profile}${use} (${where})`,
        fixes: found.successor
          ? [{ title: `Replace with flow.${found.successor.name}()`, edits: [{ span: u.nameSpan, newText: found.successor.name }], preferred: true }]
          : [],
      });
    }
    return out;
  },
};
