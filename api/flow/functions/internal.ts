/** Functions ntopng's own flow driver uses around the alert step (spec §1.2, §1.3, §4). */
import { ALL, ONLY_2019 } from '../profiles';
import { ICMP_STATUS_INFO_KEYS } from '../keys';
import type { FlowFunction } from '../types';
import { getter, param, tableGetter } from './define';

export const INTERNAL_FUNCTIONS: readonly FlowFunction[] = [
  {
    name: 'triggerAlert',
    group: 'internal',
    params: [
      param('status_id', 'integer', 'Status that raises the alert.'),
      param('alert_type_id', 'integer', 'alert_id of the alert type.'),
      param('severity_id', 'integer', 'Severity id.'),
      param('now', 'integer', 'Epoch seconds of the dispatch.'),
      param('alert_json', 'string', 'JSON details of the alert.', true),
    ],
    returns: { type: 'boolean', doc: 'true only for the first alert of the flow.' },
    doc: 'Emits the flow alert; the driver calls it once per dispatch for the winning status.',
    profiles: ALL,
    notes: ['internal'],
    variants: {
      '4.0': { returns: { type: 'boolean', doc: 'true when the alert was emitted; a later alert may replace an earlier one.' } },
      '4.2': {
        params: [
          param('status_key', 'integer', 'Status key that raises the alert.'),
          param('alert_key', 'integer', 'Key of the alert type.'),
          param('severity_id', 'integer', 'Severity id.'),
          param('score', 'integer', 'Score of the alerted status.'),
          param('now', 'integer', 'Epoch seconds of the dispatch.'),
          param('alert_json', 'string', 'JSON details of the alert.', true),
        ],
        returns: { type: 'table', keys: ['triggered', 'alert_json'], doc: '`triggered` (boolean) and, when emitted, `alert_json`.' },
      },
    },
  },
  getter('canTriggerAlert', 'internal', ONLY_2019, 'boolean', 'Whether the flow can still alert (it has not alerted yet).', {
    notes: ['internal'],
    successor: { name: 'getAlertedStatusScore', profile: '4.0' },
  }),
  getter('setPredominantStatus', 'internal', ONLY_2019, 'nil', 'Records which status is the predominant one on the flow.', {
    params: [param('status_id', 'integer', 'Status id.')],
    notes: ['internal'],
  }),
  getter('getKey', 'internal', ALL, 'integer', 'ntopng\'s internal key of the flow (copied into alerts as `ntopng.key`).', { notes: ['internal'] }),
  getter('getHashEntryId', 'internal', ALL, 'integer', 'Id of the flow in ntopng\'s flow hash table (copied into alerts as `hash_entry_id`).', { notes: ['internal'] }),
  tableGetter('getICMPStatusInfo', 'internal', ALL, ICMP_STATUS_INFO_KEYS,
    'ICMP type and code of an ICMP flow, nil for any other flow; the driver adds it to alert details.', { nullable: true, notes: ['internal'] }),
];
