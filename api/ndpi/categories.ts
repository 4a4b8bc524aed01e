/**
 * nDPI 4.2 protocol categories: the id carried by every classified flow and the text
 * nDPI prints for it (ndpiReader's `[cat: Web/5]`, ntopng's `proto.ndpi_cat`).
 *
 * Facts from nDPI tag 4.2 (commit 8b5c6af71b562549f8416b31803daae223e09f46), read from the
 * library Debian ships as libndpi4.2 4.2-2 (the build that produced the ground truth in
 * shared/pcaps) and checked against the tag's source tarball. See docs/ndpi-protocols.md.
 *
 * Ids 0–32 and 99–105 exist. Ids 20–24 are the five user slots, printed
 * "User custom category N" until a categories file renames them. Ids 33–98 are unassigned
 * and print as an empty string; 106 and above print "Invalid category N".
 */

export interface NdpiCategory {
  readonly id: number;
  /** The text nDPI 4.2 prints for the id. */
  readonly name: string;
  /** One of the five user slots (20–24) that a categories file may rename. */
  readonly userSlot?: true;
}

export const NDPI_CATEGORIES = [
  { id: 0, name: 'Unspecified' },
  { id: 1, name: 'Media' },
  { id: 2, name: 'VPN' },
  { id: 3, name: 'Email' },
  { id: 4, name: 'DataTransfer' },
  { id: 5, name: 'Web' },
  { id: 6, name: 'SocialNetwork' },
  { id: 7, name: 'Download' },
  { id: 8, name: 'Game' },
  { id: 9, name: 'Chat' },
  { id: 10, name: 'VoIP' },
  { id: 11, name: 'Database' },
  { id: 12, name: 'RemoteAccess' },
  { id: 13, name: 'Cloud' },
  { id: 14, name: 'Network' },
  { id: 15, name: 'Collaborative' },
  { id: 16, name: 'RPC' },
  { id: 17, name: 'Streaming' },
  { id: 18, name: 'System' },
  { id: 19, name: 'SoftwareUpdate' },
  { id: 20, name: 'User custom category 1', userSlot: true },
  { id: 21, name: 'User custom category 2', userSlot: true },
  { id: 22, name: 'User custom category 3', userSlot: true },
  { id: 23, name: 'User custom category 4', userSlot: true },
  { id: 24, name: 'User custom category 5', userSlot: true },
  { id: 25, name: 'Music' },
  { id: 26, name: 'Video' },
  { id: 27, name: 'Shopping' },
  { id: 28, name: 'Productivity' },
  { id: 29, name: 'FileSharing' },
  { id: 30, name: 'ConnCheck' },
  { id: 31, name: 'IoT-Scada' },
  { id: 32, name: 'VirtAssistant' },
  { id: 99, name: 'Mining' },
  { id: 100, name: 'Malware' },
  { id: 101, name: 'Advertisement' },
  { id: 102, name: 'Banned_Site' },
  { id: 103, name: 'Site_Unavailable' },
  { id: 104, name: 'Allowed_Site' },
  { id: 105, name: 'Antimalware' },
] as const satisfies readonly NdpiCategory[];

export type NdpiCategoryId = (typeof NDPI_CATEGORIES)[number]['id'];
export type NdpiCategoryName = (typeof NDPI_CATEGORIES)[number]['name'];

/** The first id past the category table (nDPI's category count); it and above are invalid. */
export const NDPI_CATEGORY_LIMIT = 106;

/** Category 0: what a flow has before (or without) classification. nDPI prints no `[cat:]` for it. */
export const NDPI_CATEGORY_UNSPECIFIED = 0;
