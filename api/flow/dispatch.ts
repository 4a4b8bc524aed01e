/**
 * How ntopng schedules hooks and turns statuses into alerts, per profile (spec §3, §4): the numbers
 * and rules the engine's scheduler and Lua driver follow, kept with the rest of the catalog.
 */
import type { Profile } from './types';

/**
 * The networks ntopng treats as local when started without `-m` (its default home and
 * local networks), which isLocal(), isLocalToRemote() and the `cli.localhost` keys use.
 */
export const DEFAULT_LOCAL_NETWORKS: readonly string[] = ['192.168.1.0/24', '127.0.0.0/8', '::1/128'];

/** Timing constants shared by the three profiles (seconds unless named otherwise). */
export const FLOW_TIMING = {
  /** Period of the walk over all flows that runs pending hooks. */
  walkSeconds: 5,
  /** Interval between two periodicUpdate calls of a flow; the first comes this long after it became active. */
  periodicSeconds: 30,
  /** `periodic_update_seconds` is divided by this to get the call divisor. */
  periodicDivisorBase: 30,
  /** Default `periodic_update_seconds`. */
  defaultPeriodicUpdateSeconds: 120,
  /** nDPI gives up after this many packets without a verdict. */
  detectionGiveUpPackets: 12,
  /** Detection is also abandoned when an undetected flow has been silent this long. */
  detectionGiveUpIdleSeconds: 5,
  /** A flow is idle after this long without packets (`flow_max_idle` default). */
  maxFlowIdleSeconds: 60,
  /** TCP flows with FIN/RST or no completed handshake go idle after this long without packets... */
  tcpEarlyIdleSeconds: 15,
  /** ...but not before they are this old. */
  tcpMinLifetimeSeconds: 15,
  /** Idle purging runs this often (packet time). */
  purgeEverySeconds: 2,
  /** isNotPurged(): last packet older than this many idle timeouts. */
  notPurgedIdleFactor: 10,
} as const;

export interface ProfileRules {
  /** statusChanged is actually called. */
  statusChangedFires: boolean;
  /** Scripts run in descending `prio` order; otherwise the order is unspecified. */
  orderByPrio: boolean;
  /** How `all` combines with hooks declared next to it. */
  allHook: 'registers-all-and-stops' | 'overrides-declared';
  /** How the alert candidate of a dispatch is chosen. */
  candidate: 'highest-prio' | 'highest-score-then-lowest-id' | 'highest-score-then-lowest-key';
  /** Only the first alert of a flow is emitted (no replacement). */
  firstAlertOnly: boolean;
  /** A candidate alerts only if its score is above the score already alerted (so score 0 never alerts). */
  alertNeedsHigherScore: boolean;
  /** The per-script `default_value` / saved configuration reaches hooks as the second argument. */
  confPassedToHooks: boolean;
  /** How long one Lua VM (and a script's module-level state) lives. */
  vmLifetime: 'one-walk' | 'cached' | 'reloaded-periodically';
  /** `periodic_update_seconds` must be a multiple of this. */
  periodicMultiple: number;
}

export const PROFILE_RULES: Record<Profile, ProfileRules> = {
  '2019.11': {
    statusChangedFires: true,
    orderByPrio: false,
    allHook: 'registers-all-and-stops',
    candidate: 'highest-prio',
    firstAlertOnly: true,
    alertNeedsHigherScore: false,
    confPassedToHooks: false,
    vmLifetime: 'one-walk',
    periodicMultiple: 30,
  },
  '4.0': {
    statusChangedFires: false,
    orderByPrio: false,
    allHook: 'overrides-declared',
    candidate: 'highest-score-then-lowest-id',
    firstAlertOnly: false,
    alertNeedsHigherScore: true,
    confPassedToHooks: true,
    vmLifetime: 'cached',
    periodicMultiple: 30,
  },
  '4.2': {
    statusChangedFires: false,
    orderByPrio: true,
    allHook: 'overrides-declared',
    candidate: 'highest-score-then-lowest-key',
    firstAlertOnly: false,
    alertNeedsHigherScore: true,
    confPassedToHooks: true,
    vmLifetime: 'reloaded-periodically',
    periodicMultiple: 30,
  },
};

/** `user_scripts.script_types.flow` per profile. */
export const FLOW_SCRIPT_TYPE: Record<Profile, { parent_dir: string; hooks: readonly string[]; subdirs?: readonly string[]; default_config_only?: boolean }> = {
  '2019.11': { parent_dir: 'interface', hooks: ['protocolDetected', 'statusChanged', 'flowEnd', 'periodicUpdate'] },
  '4.0': { parent_dir: 'interface', hooks: ['protocolDetected', 'statusChanged', 'flowEnd', 'periodicUpdate'], subdirs: ['flow'] },
  '4.2': {
    parent_dir: 'interface', hooks: ['protocolDetected', 'statusChanged', 'flowEnd', 'periodicUpdate'], subdirs: ['flow'], default_config_only: true,
  },
};

/** English titles of the sample scripts' i18n keys (`flow_callbacks_config.<key>`), 2019.11 locale. */
export const SAMPLE_SCRIPT_TITLES: Readonly<Record<string, string>> = {
  blacklisted: 'Blacklisted Flow',
  dev_proto_not_allowed: 'Device Application Not Allowed',
  ext_alert: 'External Alert',
  mud: 'MUD',
  not_purged: 'Not Purged',
  remote_to_remote: 'Remote to Remote Flow',
  udp_unidirectional: 'Unidirectional UDP Flow',
  web_mining: 'Web Mining',
};
