/**
 * The API profiles and how they map onto the eras of ntopng's history (spec §0).
 *
 * - `2019.11`: the tree the Flow Scripts documentation was written against: the spec's "Nov15"
 *   column (the state just before the 2019-11-15 getter cleanup), hooks called as `hook(now)`.
 * - `4.0`: the 4.0 release (2020-03-27): `hook(now, script_conf)`, status tables with scores.
 * - `4.2`: the 4.2 release (2020-11-02): `status_types.X.create(...)`, no `clearStatus`, `prio`.
 */
import type { Profile } from './types';

export const PROFILES: readonly Profile[] = ['2019.11', '4.0', '4.2'];
export const DEFAULT_PROFILE: Profile = '2019.11';

/** Short description of each profile, for docs and hover. */
export const PROFILE_LABELS: Record<Profile, string> = {
  '2019.11': 'ntopng dev tree of November 2019 (scripts in scripts/callbacks/interface/flow/)',
  '4.0': 'ntopng 4.0 release (March 2020, plugins)',
  '4.2': 'ntopng 4.2 release (November 2020, plugins)',
};

export function isProfile(value: string): value is Profile {
  return (PROFILES as readonly string[]).includes(value);
}

/** Shorthands used by the data files. */
export const ALL: readonly Profile[] = PROFILES;
export const ONLY_2019: readonly Profile[] = ['2019.11'];
export const UP_TO_40: readonly Profile[] = ['2019.11', '4.0'];
export const FROM_40: readonly Profile[] = ['4.0', '4.2'];
export const ONLY_42: readonly Profile[] = ['4.2'];
