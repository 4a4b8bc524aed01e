/** Hook names a flow script may declare and what they receive (spec §2, §3.1). */
import { ALL, ONLY_2019 } from './profiles';
import type { Hook, Param, Profile } from './types';

const NOW: Param = { name: 'now', type: 'integer', doc: 'Epoch seconds when the dispatch started (ntopng takes the wall clock once per dispatch).' };
const SCRIPT_CONF: Param = {
  name: 'script_conf',
  type: 'table',
  doc: 'The script\'s configuration: the user\'s saved settings, else the script\'s `default_value`, else an empty table.',
};

const ARGS: Record<Profile, readonly Param[]> = { '2019.11': [NOW], '4.0': [NOW, SCRIPT_CONF], '4.2': [NOW, SCRIPT_CONF] };

/** The four real hook names, in the order ntopng lists them. */
export const REAL_HOOK_NAMES = ['protocolDetected', 'statusChanged', 'flowEnd', 'periodicUpdate'] as const;

export const HOOKS: readonly Hook[] = [
  {
    name: 'protocolDetected',
    doc: 'Runs once per flow, soon after its application protocol is known (or detection gave up).',
    accepted: ALL,
    fires: ALL,
    args: ARGS,
  },
  {
    name: 'statusChanged',
    doc: 'Runs after a round of hooks changed the flow\'s status bits. From 4.0 on the name is still accepted but ntopng never calls it.',
    accepted: ALL,
    fires: ONLY_2019,
    args: ARGS,
  },
  {
    name: 'periodicUpdate',
    doc: 'Runs about every 30 seconds on flows that stay active; `periodic_update_seconds` makes a script run only on every n-th call.',
    accepted: ALL,
    fires: ALL,
    args: ARGS,
  },
  {
    name: 'flowEnd',
    doc: 'Runs once when the flow goes idle, just before ntopng forgets it (or at shutdown / end of the capture).',
    accepted: ALL,
    fires: ALL,
    args: ARGS,
  },
  {
    name: 'all',
    doc: 'Shorthand that registers the same function for the four hooks. In 2019.11 other hooks declared beside it may be lost; from 4.0 on it overrides them.',
    accepted: ALL,
    fires: ALL,
    virtual: true,
    args: ARGS,
  },
];
