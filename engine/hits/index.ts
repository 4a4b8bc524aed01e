/** Hits: the typed events scripts cause (ARCHITECTURE.md, "Hits"), and how they are printed. */
export { HIT_KINDS, type Hit, type HitFlow, type HitKind } from './types';
export { hitFlow } from './flow-summary';
export { flowText, hitJson, hitText } from './format';
