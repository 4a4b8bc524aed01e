/** `flow_consts.status_types` per profile (spec §4). */
import type { Profile, StatusType } from './types';

// 2019.11: [id, key, prio, relevance, severity, alert type]
const R_ROWS: readonly [number, string, number, number, string, string][] = [
  [0, 'status_normal', 0, 0, 'info', 'alert_none'],
  [1, 'status_slow_tcp_connection', 200, 10, 'error', 'alert_connection_issues'],
  [2, 'status_slow_application_header', 210, 10, 'error', 'alert_connection_issues'],
  [4, 'status_low_goodput', 230, 10, 'error', 'alert_connection_issues'],
  [5, 'status_suspicious_tcp_syn_probing', 290, 30, 'error', 'alert_suspicious_activity'],
  [6, 'status_tcp_connection_issues', 205, 10, 'error', 'alert_connection_issues'],
  [7, 'status_suspicious_tcp_probing', 280, 30, 'error', 'alert_suspicious_activity'],
  [8, 'status_flow_when_interface_alerted', 10, 10, 'error', 'alert_flow_misbehaviour'],
  [9, 'status_tcp_connection_refused', 340, 10, 'error', 'alert_suspicious_activity'],
  [10, 'status_tls_certificate_mismatch', 360, 50, 'error', 'alert_potentially_dangerous_protocol'],
  [11, 'status_dns_invalid_query', 400, 30, 'error', 'alert_suspicious_activity'],
  [12, 'status_remote_to_remote', 190, 50, 'error', 'alert_remote_to_remote'],
  [13, 'status_blacklisted', 700, 100, 'error', 'alert_flow_blacklisted'],
  [14, 'status_blocked', 150, 50, 'info', 'alert_flow_blocked'],
  [15, 'status_web_mining_detected', 350, 50, 'error', 'alert_web_mining'],
  [16, 'status_device_protocol_not_allowed', 600, 80, 'error', 'alert_device_protocol_not_allowed'],
  [17, 'status_elephant_local_to_remote', 430, 20, 'error', 'alert_flow_misbehaviour'],
  [18, 'status_elephant_remote_to_local', 431, 20, 'error', 'alert_flow_misbehaviour'],
  [19, 'status_longlived', 440, 20, 'error', 'alert_flow_misbehaviour'],
  [20, 'status_not_purged', 50, 0, 'error', 'alert_connection_issues'],
  [21, 'status_external_alert', 680, 0, 'error', 'external_alert'],
  [22, 'status_tcp_severe_connection_issues', 270, 20, 'error', 'alert_connection_issues'],
  [23, 'status_tls_unsafe_ciphers', 390, 50, 'error', 'alert_potentially_dangerous_protocol'],
  [24, 'status_data_exfiltration', 640, 30, 'error', 'alert_flow_misbehaviour'],
  [25, 'status_tls_old_protocol_version', 470, 30, 'error', 'alert_potentially_dangerous_protocol'],
  [26, 'status_potentially_dangerous', 670, 20, 'error', 'alert_potentially_dangerous_protocol'],
  [27, 'status_malicious_signature', 690, 80, 'warning', 'alert_malicious_signature'],
  [28, 'status_udp_unidirectional', 195, 50, 'info', 'alert_suspicious_activity'],
];

const STATUS_2019: readonly StatusType[] = R_ROWS.map(([id, key, prio, relevance, severity, alertType]) => ({
  key, profile: '2019.11', id, prio, relevance, severity, alertType,
}));

/**
 * The alert type of a 4.x status: the one 2019.11 used for that key when it is specific to it,
 * else the status's own type (4.x plugins define one alert type per status), `alert_<name>`.
 * The spec names only status_not_purged's (alert_internals) explicitly.
 */
const R_SPECIFIC_ALERTS: Record<string, string> = {
  status_normal: 'alert_none',
  status_blacklisted: 'alert_flow_blacklisted',
  status_remote_to_remote: 'alert_remote_to_remote',
  status_web_mining_detected: 'alert_web_mining',
  status_device_protocol_not_allowed: 'alert_device_protocol_not_allowed',
  status_external_alert: 'external_alert',
  status_malicious_signature: 'alert_malicious_signature',
  status_udp_unidirectional: 'alert_udp_unidirectional',
  status_blocked: 'alert_flow_blocked',
  status_not_purged: 'alert_internals',
};
export function alertTypeOf4x(statusKey: string): string {
  return R_SPECIFIC_ALERTS[statusKey] ?? `alert_${statusKey.replace(/^status_/, '')}`;
}
/** 4.x severities: `error` unless the spec says otherwise (udp_unidirectional and normal are info). */
const INFO_4X = new Set(['status_normal', 'status_udp_unidirectional']);
const severity4x = (key: string): string => (INFO_4X.has(key) ? 'info' : 'error');

// 4.0: ids are handed out at run time (1..63, persisted); only status_normal is fixed at 0.
const PLUGINS_40: readonly [string, string][] = [
  ['status_normal', 'builtin_types'],
  ['status_blacklisted', 'blacklisted'],
  ['status_blacklisted_country', 'blacklisted_country'],
  ['status_device_protocol_not_allowed', 'device_application_not_allowed'],
  ['status_example', 'example'],
  ['status_external_alert', 'external_alert_check'],
  ['status_not_purged', 'internals'],
  ['status_remote_to_remote', 'remote_to_remote'],
  ['status_udp_unidirectional', 'udp_unidirectional'],
  ['status_web_mining_detected', 'web_mining'],
];
const STATUS_40: readonly StatusType[] = PLUGINS_40.map(([key, plugin]): StatusType => ({
  key, profile: '4.0', ...(key === 'status_normal' ? { id: 0 } : {}), plugin, severity: severity4x(key), alertType: alertTypeOf4x(key),
}));

// 4.2: fixed numeric status keys (flow_keys.ntopng), user keys 59..63.
const KEYS_42: readonly string[] = [
  'status_normal', 'status_blacklisted', 'status_blacklisted_country', 'status_blocked', 'status_data_exfiltration',
  'status_device_protocol_not_allowed', 'status_dns_data_exfiltration', 'status_dns_invalid_query',
  'status_elephant_local_to_remote', 'status_elephant_remote_to_local', 'status_external_alert', 'status_longlived',
  'status_low_goodput', 'status_malicious_signature', 'status_not_purged', 'status_potentially_dangerous',
  'status_remote_to_remote', 'status_suspicious_tcp_probing', 'status_suspicious_tcp_syn_probing',
  'status_tcp_connection_issues', 'status_tcp_connection_refused', 'status_tcp_severe_connection_issues',
  'status_tls_certificate_expired', 'status_tls_certificate_mismatch', 'status_tls_old_protocol_version',
  'status_tls_unsafe_ciphers', 'status_udp_unidirectional', 'status_web_mining_detected',
  'status_tls_certificate_selfsigned', 'status_suspicious_file_transfer', 'status_known_proto_on_non_std_port',
  'status_flow_risk', 'status_unexpected_dhcp_server', 'status_unexpected_dns_server', 'status_unexpected_smtp_server',
  'status_unexpected_ntp_server',
];

const CREATE_ARGS_42: Record<string, readonly string[]> = {
  status_blacklisted: ['info'],
  status_blacklisted_country: ['cli_country', 'srv_country', 'cli_blacklisted', 'srv_blacklisted'],
  status_device_protocol_not_allowed: ['cli_devtype', 'srv_devtype', 'forbidden_peer', 'forbidden_id'],
  status_external_alert: ['info'],
  status_web_mining_detected: [],
  status_udp_unidirectional: [],
  status_not_purged: [],
  status_remote_to_remote: [],
};

const STATUS_42: readonly StatusType[] = [
  ...KEYS_42.map((key, id): StatusType => ({
    key, profile: '4.2', id, severity: severity4x(key), alertType: alertTypeOf4x(key),
    ...(CREATE_ARGS_42[key] ? { createArgs: CREATE_ARGS_42[key] } : {}),
  })),
  ...[1, 2, 3, 4, 5].map((n): StatusType => ({
    key: `status_user_0${n}`, profile: '4.2', id: 58 + n, severity: 'error', alertType: `alert_user_0${n}`, doc: 'Reserved for a user-defined status.',
  })),
];

export const STATUS_TYPES: Record<Profile, readonly StatusType[]> = {
  '2019.11': STATUS_2019,
  '4.0': STATUS_40,
  '4.2': STATUS_42,
};

/** 2019.11: ids reserved for custom statuses, exposed as `flow_consts.custom_status_1..5`. */
export const CUSTOM_STATUS_IDS: readonly { name: string; id: number }[] = [1, 2, 3, 4, 5].map((n) => ({
  name: `custom_status_${n}`, id: 58 + n,
}));

/** Highest score a status can give, per profile (undefined where scores do not exist). */
export const MAX_SCORE: Partial<Record<Profile, number>> = { '4.0': 1000, '4.2': 1024 };

/** Fields of a status definition (`flow_consts.status_types.<key>`), per profile. */
export const STATUS_DEFINITION_FIELDS: Record<Profile, readonly { name: string; required: boolean; doc: string }[]> = {
  '2019.11': [
    { name: 'status_id', required: true, doc: 'Bit number 0..63, unique.' },
    { name: 'relevance', required: true, doc: 'Weight 0..100 meant for scores.' },
    { name: 'prio', required: true, doc: 'Unique priority; the highest triggered one is alerted.' },
    { name: 'alert_severity', required: true, doc: 'An `alert_consts.alert_severities` entry.' },
    { name: 'alert_type', required: true, doc: 'An `alert_consts.alert_types` entry.' },
    { name: 'i18n_title', required: true, doc: 'Title key, e.g. `flow_details.blacklisted_flow`.' },
    { name: 'i18n_description', required: false, doc: 'A string, or a formatter `function(status_id, status_info)`.' },
  ],
  '4.0': [
    { name: 'alert_severity', required: true, doc: 'An `alert_consts.alert_severities` entry.' },
    { name: 'alert_type', required: true, doc: 'An `alert_consts.alert_types` entry.' },
    { name: 'i18n_title', required: true, doc: 'Title key or text.' },
    { name: 'i18n_description', required: false, doc: 'A string, or a formatter `function(status_info)`.' },
  ],
  '4.2': [
    { name: 'status_key', required: true, doc: 'Fixed numeric key (flow_keys).' },
    { name: 'alert_severity', required: true, doc: 'An `alert_consts.alert_severities` entry; this is the severity the alert gets.' },
    { name: 'alert_type', required: true, doc: 'An alert definition (with `alert_key`, `i18n_title`, `icon`, optional `creator`).' },
    { name: 'i18n_title', required: true, doc: 'Title key or text.' },
    { name: 'i18n_description', required: false, doc: 'A string, or a formatter `function(status_info)`.' },
    { name: 'create', required: true, doc: 'Generated: `create(severity, ...)` builds the `status_info` that `flow.triggerStatus` takes.' },
  ],
};
