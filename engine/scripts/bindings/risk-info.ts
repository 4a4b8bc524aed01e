import { riskById } from '../../../api/ndpi';
import type { Flow } from '../../flows/flow';
import type { Table } from './flow-facts';

/** ntopng 4.2's getRiskInfo(): every risk set on the flow, from the name nDPI prints to its id. */
export function riskInfo(flow: Flow): Table {
  const t: Table = {};
  const l7 = flow.l7;
  if (!l7?.hasAnyRisk) return t;
  for (const id of l7.riskIds()) {
    const risk = riskById(id);
    if (risk) t[risk.name] = id;
  }
  return t;
}
