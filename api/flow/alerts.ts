/** `alert_consts`: alert types used by flow statuses and severities (spec §4). */
import { ONLY_2019 } from './profiles';
import { STATUS_TYPES } from './statuses';
import type { AlertSeverity, AlertType, Profile } from './types';

const R_ALERTS: readonly [number, string, string][] = [
  [-1, 'alert_none', 'No alert: the status is informational.'],
  [3, 'alert_suspicious_activity', 'Suspicious traffic such as probing or refused connections.'],
  [4, 'alert_connection_issues', 'TCP or application connection problems.'],
  [5, 'alert_flow_misbehaviour', 'A flow behaving unusually (elephant, long-lived, exfiltration...).'],
  [6, 'alert_remote_to_remote', 'Traffic between two remote hosts.'],
  [7, 'alert_flow_blacklisted', 'A blacklisted peer or category.'],
  [8, 'alert_flow_blocked', 'A flow blocked by policy.'],
  [21, 'alert_web_mining', 'Cryptocurrency mining.'],
  [24, 'alert_device_protocol_not_allowed', 'A protocol the device type may not use.'],
  [35, 'external_alert', 'An alert reported by an external source such as an IDS.'],
  [43, 'alert_potentially_dangerous_protocol', 'A risky protocol or TLS setting.'],
  [48, 'alert_malicious_signature', 'A known-malicious TLS fingerprint.'],
  [49, 'alert_udp_unidirectional', 'UDP traffic with no answer.'],
];

/**
 * 4.0 and 4.2: one alert type per status (statuses.ts, alertTypeOf4x). ntopng hands the 4.0
 * alert ids out at run time and takes the 4.2 alert keys from alert_keys.lua, which the spec does
 * not list: the catalog numbers them in this order (documented as simulator-assigned).
 */
function alertTypes4x(profile: '4.0' | '4.2'): string[] {
  const keys: string[] = [];
  for (const s of STATUS_TYPES[profile]) if (s.alertType && !keys.includes(s.alertType)) keys.push(s.alertType);
  return keys;
}

const DOCS = new Map<string, string>(R_ALERTS.map(([, key, doc]) => [key, doc]));
DOCS.set('alert_internals', 'A problem inside ntopng itself (used by status_not_purged).');

function alerts4x(): AlertType[] {
  const k40 = alertTypes4x('4.0');
  const k42 = alertTypes4x('4.2');
  const all = [...k42, ...k40.filter((k) => !k42.includes(k))];
  return all.map((key): AlertType => {
    const id: Partial<Record<Profile, number>> = {};
    const profiles: Profile[] = [];
    if (k40.includes(key)) { profiles.push('4.0'); id['4.0'] = key === 'alert_none' ? -1 : k40.indexOf(key); }
    if (k42.includes(key)) { profiles.push('4.2'); id['4.2'] = key === 'alert_none' ? 0 : k42.indexOf(key); }
    const name = key.replace(/^alert_/, '').replace(/_/g, ' ');
    return { key, profiles, id, doc: DOCS.get(key) ?? `Raised by the status of the same name (${name}).` };
  });
}

export const ALERT_TYPES: readonly AlertType[] = [
  ...R_ALERTS.map(([id, key, doc]): AlertType => ({ key, profiles: ONLY_2019, id: { '2019.11': id }, doc })),
  ...[1, 2, 3, 4, 5].map((n): AlertType => ({
    key: `custom_alert_${n}`, profiles: ONLY_2019, id: { '2019.11': 58 + n }, doc: 'Reserved for a user-defined alert type.',
  })),
  ...alerts4x(),
];

const SEVERITIES_OLD: readonly AlertSeverity[] = [
  { name: 'info', severityId: 0, syslogLevel: 6 },
  { name: 'warning', severityId: 1, syslogLevel: 4 },
  { name: 'error', severityId: 2, syslogLevel: 3 },
];

const SEVERITIES_42: readonly AlertSeverity[] = [
  { name: 'debug', severityId: 1, syslogLevel: 7 },
  { name: 'info', severityId: 2, syslogLevel: 6 },
  { name: 'notice', severityId: 3, syslogLevel: 5 },
  { name: 'warning', severityId: 4, syslogLevel: 4 },
  { name: 'error', severityId: 5, syslogLevel: 3 },
  { name: 'critical', severityId: 6, syslogLevel: 2 },
  { name: 'alert', severityId: 7, syslogLevel: 1 },
  { name: 'emergency', severityId: 8, syslogLevel: 0 },
];

export const ALERT_SEVERITIES: Record<Profile, readonly AlertSeverity[]> = {
  '2019.11': SEVERITIES_OLD,
  '4.0': SEVERITIES_OLD,
  '4.2': SEVERITIES_42,
};

/** entity_id of flows in `alert_consts.alert_entities`. */
export const FLOW_ENTITY_ID = 4;
