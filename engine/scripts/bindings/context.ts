/**
 * What the `flow.*` natives read: the current flow (set by the runner before each hook call, as
 * ntopng's driver does), the geolocation databases and the active profile, plus where they log.
 */
import type { Profile } from '../../../api/flow';
import type { Flow } from '../../flows/flow';
import type { GeoDatabase } from '../../geo';
import type { StatusBook } from '../status/book';

/** Where in the script a native was called from (Lua-side wrappers pass it; 0/'' when unknown). */
export interface CallSite {
  file: string;
  line: number;
}

export interface BindingLog {
  /** ntopng's error-log line for a bad argument or a call without a current flow (spec §1.1). */
  warning(fn: string, message: string, site: CallSite): void;
  /** A catalog function the engine does not implement yet was called. */
  notImplemented(fn: string, site: CallSite): void;
}

export interface BindingContext {
  readonly profile: Profile;
  readonly geo: GeoDatabase;
  /** The flow the running hook is about; undefined outside hooks (setup, teardown, loading). */
  currentFlow: Flow | undefined;
  /** Time of the running hook call (packet time, seconds); undefined outside hooks. */
  now?: number;
  readonly log: BindingLog;
  /** ntopng's local networks (default 192.168.1.0/24, 127.0.0.0/8 and ::1). */
  readonly localNetworks: readonly string[];
  /** Statuses, alerts and scores of the flows (bindFlowApi creates one when absent). */
  statuses?: StatusBook;
  /** Blacklisted addresses/networks (ntopng's category lists), for isBlacklisted. */
  readonly blacklist?: readonly string[];
}

/** ntopng's default local networks, from the catalog. */
export { DEFAULT_LOCAL_NETWORKS } from '../../../api/flow';
