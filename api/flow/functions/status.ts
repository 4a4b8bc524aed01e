/** Status bits, alert candidates and scores (spec §1.2, §1.3, §4). */
import { ALL, FROM_40, ONLY_2019, ONLY_42, UP_TO_40 } from '../profiles';
import { SCORE_INFO_KEYS_2019, SCORE_INFO_KEYS_4X } from '../keys';
import type { FlowFunction } from '../types';
import { getter, param, tableGetter } from './define';

const scoreParams = [
  param('flow_score', 'integer', 'Score added to the flow (clamped to 0..flow_consts.max_score).', true),
  param('cli_score', 'integer', 'Score added to the client host.', true),
  param('srv_score', 'integer', 'Score added to the server host.', true),
];

export const STATUS_FUNCTIONS: readonly FlowFunction[] = [
  getter('getStatus', 'status', ALL, 'integer',
    'The flow status bitmap as one 64-bit integer: bit N is set when status id N is set on the flow.'),
  {
    name: 'triggerStatus',
    group: 'status',
    params: [
      param('status_id', 'integer', 'Status id, normally `flow_consts.status_types.<key>.status_id`.'),
      param('status_info', ['string', 'table', 'nil'], 'Extra details stored with the alert (a string, or a table that is JSON-encoded).', true),
      param('custom_severity', 'integer', 'Severity id overriding the status definition\'s severity.', true),
    ],
    returns: { type: 'nil' },
    doc: 'Sets a status on the flow and proposes it for the flow alert; the highest-prio status proposed in a hook dispatch is alerted at its end, and only the first alert of a flow is ever emitted. Defined by ntopng\'s Lua flow driver, not in C.',
    profiles: ALL,
    variants: {
      '4.0': {
        params: [
          param('flow_status_type', 'table', 'The status table `flow_consts.status_types.<key>` (not its id).'),
          param('status_info', ['string', 'table', 'nil'], 'Extra details for the alert; a number is rejected.', true),
          ...scoreParams,
          param('custom_severity', 'integer', 'Severity id overriding the definition\'s severity.', true),
        ],
        doc: 'Sets a status with its scores and proposes it for the flow alert: the candidate with the highest flow score wins, and it alerts only if its score beats the score already alerted (a later, higher score replaces the alert). Defined by the Lua flow driver.',
      },
      '4.2': {
        params: [
          param('status_info', 'table', 'Built with `flow_consts.status_types.<key>.create(severity, ...)`.'),
          ...scoreParams,
        ],
        doc: 'Sets the status described by `status_info` (from `status_types.<key>.create(...)`) with its scores and proposes it for the flow alert; the highest score wins and must beat the score already alerted. Defined by the Lua flow driver.',
      },
    },
  },
  {
    name: 'setStatus',
    group: 'status',
    params: [param('status_id', 'integer', 'Status id to set.')],
    returns: { type: 'boolean', doc: 'true when the bit was not set before.' },
    doc: 'Sets a status bit on the flow without proposing an alert (the driver\'s Lua wrapper also keeps the predominant status up to date).',
    profiles: ALL,
    variants: {
      '4.0': {
        params: [param('flow_status_type', 'table', 'The status table `flow_consts.status_types.<key>`.'), ...scoreParams],
        doc: 'Sets a status with its scores, only if its bit is not set yet; never alerts. Scores accumulate only in Enterprise builds.',
      },
      '4.2': {
        params: [
          param('status_id', 'integer', 'Numeric status key.'),
          param('flow_score', 'integer', 'Score added to the flow.'),
          param('cli_score', 'integer', 'Score added to the client host.'),
          param('srv_score', 'integer', 'Score added to the server host.'),
          param('script_key', 'string', 'Key of the script setting the status.'),
          param('category_id', 'integer', 'Script category id (maps to the host score category).', true),
        ],
        doc: 'The raw C setter: scripts are expected to use `flow.triggerStatus` instead. It adds the flow score on every call, even when the bit is already set.',
        notes: ['internal'],
      },
    },
  },
  {
    name: 'clearStatus',
    group: 'status',
    params: [param('status_id', 'integer', 'Status id to clear.')],
    returns: { type: 'boolean', doc: 'true when the bit was set before.' },
    doc: 'Clears a status bit; if it was the predominant status, the predominant one is recomputed from the remaining bits.',
    profiles: UP_TO_40,
    variants: {
      '4.0': {
        params: [param('flow_status_type', 'table', 'The status table `flow_consts.status_types.<key>`.')],
        doc: 'Clears the bit of the given status table.',
      },
    },
  },
  getter('isStatusSet', 'status', FROM_40, 'boolean', 'Whether one status bit is set on the flow.', {
    params: [param('status_id', 'integer', 'Status id (bit number) to test.')],
  }),
  getter('getPredominantStatus', 'status', UP_TO_40, 'integer',
    'The id of the status ntopng currently treats as the most important one on the flow.',
    { successor: { name: 'getAlertedStatus', profile: '4.2' } }),
  getter('getAlertedStatus', 'status', ONLY_42, 'integer', 'The id of the status that raised the flow alert, or 0 when none did.'),
  getter('getAlertedStatusScore', 'status', FROM_40, 'number',
    'Score of the status that raised the flow alert (0 before any alert); a new candidate must beat it to alert.'),
  getter('getScore', 'score', ALL, 'integer',
    'The flow score set by `flow.setScore`, or 65535 when it was never set.', {
      variants: {
        '4.0': { doc: 'The flow score accumulated from the statuses set on it.', notes: ['pro-only'] },
        '4.2': { doc: 'The flow score accumulated from the statuses set on it.', notes: ['pro-only'] },
      },
    }),
  tableGetter('getScoreInfo', 'score', ALL, SCORE_INFO_KEYS_2019,
    'The status bitmap and the scores of the flow and its two hosts, with the alert details when present.', {
      variants: {
        '4.0': { returns: { type: 'table', keys: SCORE_INFO_KEYS_4X }, doc: 'The status bitmap and flow score, with the alert details when present.', notes: ['pro-only'] },
        '4.2': { returns: { type: 'table', keys: SCORE_INFO_KEYS_4X }, doc: 'The status bitmap and flow score, with the alert details when present.', notes: ['pro-only'] },
      },
    }),
  getter('setScore', 'score', ONLY_2019, 'nil', 'Sets the flow score directly.', {
    params: [param('score', 'integer', 'New flow score.')],
    successor: { name: 'triggerStatus', profile: '4.0' },
  }),
  getter('setClientScore', 'score', ONLY_2019, 'nil', 'Sets the client host score (clamped to 0..65534).', {
    params: [param('score', 'integer', 'New client host score.')],
    successor: { name: 'triggerStatus', profile: '4.0' },
  }),
  getter('setServerScore', 'score', ONLY_2019, 'nil', 'Sets the server host score (clamped to 0..65534).', {
    params: [param('score', 'integer', 'New server host score.')],
    successor: { name: 'triggerStatus', profile: '4.0' },
  }),
  getter('retrieveExternalAlertInfo', 'status', ALL, { type: 'string', nullable: true },
    'A pending external alert (JSON text, e.g. from Suricata) attached to the flow, or nil. Reading it removes it; captures never carry one.',
    { notes: ['clear-on-read'] }),
  getter('isNotPurged', 'status', ALL, 'boolean',
    'A self-check of ntopng: true for a flow that should already have been purged (seen last more than ten idle timeouts ago, packet time) but is not idle yet.'),
  getter('isPassVerdict', 'status', ALL, 'boolean', 'Whether nEdge lets the flow pass.', { notes: ['nedge-only'] }),
];
