/**
 * Every dissector, by family (one module per protocol inside each family folder). The
 * detector tries them in this order after the ones whose ports match the flow.
 */
import type { Dissector } from '../dissector';
import { NAMING_DISSECTORS } from './naming';
import { SECURE_DISSECTORS } from './secure';
import { TEXT_DISSECTORS } from './text';
import { BINARY_DISSECTORS } from './binary';

export const ALL_DISSECTORS: readonly Dissector[] = [...NAMING_DISSECTORS, ...TEXT_DISSECTORS, ...SECURE_DISSECTORS, ...BINARY_DISSECTORS];
