/** Whole-flow summaries (spec §1.4). */
import { ALL } from '../profiles';
import { FULL_INFO_KEYS, INFO_KEYS_2019, INFO_KEYS_4X } from '../keys';
import type { FlowFunction } from '../types';
import { tableGetter } from './define';

export const INFO_FUNCTIONS: readonly FlowFunction[] = [
  tableGetter('getInfo', 'info', ALL, INFO_KEYS_2019,
    'A small summary of the flow: peers, ports, locality, duration, protocol names and per-direction counters.', {
      variants: {
        '4.0': { returns: { type: 'table', keys: INFO_KEYS_4X }, doc: 'A small summary of the flow: peers, ports, locality, duration, protocol names, per-direction counters and, when known, the flow info string (HTTP host, TLS SNI...).' },
        '4.2': { returns: { type: 'table', keys: INFO_KEYS_4X }, doc: 'A small summary of the flow: peers, ports, locality, duration, protocol names, per-direction counters and, when known, the flow info string (HTTP host, TLS SNI...).' },
      },
    }),
  tableGetter('getFullInfo', 'info', ALL, FULL_INFO_KEYS,
    'Everything ntopng knows about the flow in one large table (hosts, counters, TCP and protocol details, throughput, status). Costly: avoid it in hooks that run for every flow.',
    { notes: ['expensive'] }),
];
