import type { TrafficSet } from './builder';
import { BINARY_TRAFFIC } from './binary';

/** Every set of conversations checked against ndpiReader (one capture each). */
export const TRAFFIC_SETS: readonly TrafficSet[] = [BINARY_TRAFFIC];
