import type { Dissector } from '../../dissector';

/** The naming family of dissectors, one module per protocol in this folder. */
export const NAMING_DISSECTORS: readonly Dissector[] = [];
