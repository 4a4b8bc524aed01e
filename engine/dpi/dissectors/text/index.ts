import type { Dissector } from '../../dissector';

/** The text family of dissectors, one module per protocol in this folder. */
export const TEXT_DISSECTORS: readonly Dissector[] = [];
