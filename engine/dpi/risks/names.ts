import { riskById } from '../../../api/ndpi';
import type { L7State } from '../l7-state';

/** The flow's risks by the names nDPI prints, in id order. */
export function riskNames(state: L7State): string[] {
  return state.riskIds().map((id) => riskById(id)?.name ?? String(id));
}
