/**
 * The L4 protocol names a script's `l4_proto` may use (`l4_keys` in ntopng's lua_utils), with the
 * IP protocol numbers they stand for, per profile (spec §2). Scripts without `l4_proto` are
 * attached to every id above 0 in this list; flows of other L4 protocols reach no script.
 */
import type { Profile } from './types';

export interface L4Key {
  name: string;
  id: number;
}

const L4_2019: readonly L4Key[] = [
  { name: 'tcp', id: 6 },
  { name: 'udp', id: 17 },
  { name: 'icmp', id: 1 },
  { name: 'icmpv6', id: 58 },
  { name: 'igmp', id: 2 },
];

const L4_4X: readonly L4Key[] = [
  { name: 'ip', id: 0 },
  ...L4_2019,
  { name: 'ipv6', id: 41 },
  { name: 'rsvp', id: 46 },
  { name: 'gre', id: 47 },
  { name: 'esp', id: 50 },
  { name: 'ipv6icmp', id: 58 },
  { name: 'ospf', id: 89 },
  { name: 'pim', id: 103 },
  { name: 'vrrp', id: 112 },
  { name: 'hip', id: 139 },
];

export const L4_KEYS: Record<Profile, readonly L4Key[]> = { '2019.11': L4_2019, '4.0': L4_4X, '4.2': L4_4X };
