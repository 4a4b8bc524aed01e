/** Every flow.* function of the catalog, in documentation order. */
import type { FlowFunction } from '../types';
import { INFO_FUNCTIONS } from './info';
import { INTERNAL_FUNCTIONS } from './internal';
import { PEER_FUNCTIONS } from './peers';
import { PROTOCOL_FUNCTIONS } from './protocol';
import { STATUS_FUNCTIONS } from './status';
import { TRAFFIC_FUNCTIONS } from './traffic';

export { RETIRED_FUNCTIONS } from './retired';

/** Functions that exist in at least one profile. */
export const FLOW_FUNCTIONS: readonly FlowFunction[] = [
  ...INFO_FUNCTIONS,
  ...PEER_FUNCTIONS,
  ...TRAFFIC_FUNCTIONS,
  ...PROTOCOL_FUNCTIONS,
  ...STATUS_FUNCTIONS,
  ...INTERNAL_FUNCTIONS,
];
