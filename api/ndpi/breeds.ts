/**
 * nDPI 4.2 protocol breeds (how trustworthy a protocol is), by id, with the text nDPI prints.
 * `key` is the breed's identifier in nDPI's enum without its common prefix; `name` is the
 * printed form, which differs for two of them: "Potentially Dangerous" and "Tracker/Ads".
 * An id past the table prints "???".
 *
 * Source: nDPI tag 4.2, as built by Debian (libndpi4.2 4.2-2) and in the tag's source.
 */

export interface NdpiBreed {
  readonly id: number;
  readonly key: string;
  readonly name: string;
}

export const NDPI_BREEDS = [
  { id: 0, key: 'SAFE', name: 'Safe' },
  { id: 1, key: 'ACCEPTABLE', name: 'Acceptable' },
  { id: 2, key: 'FUN', name: 'Fun' },
  { id: 3, key: 'UNSAFE', name: 'Unsafe' },
  { id: 4, key: 'POTENTIALLY_DANGEROUS', name: 'Potentially Dangerous' },
  { id: 5, key: 'DANGEROUS', name: 'Dangerous' },
  { id: 6, key: 'TRACKER_ADS', name: 'Tracker/Ads' },
  { id: 7, key: 'UNRATED', name: 'Unrated' },
] as const satisfies readonly NdpiBreed[];

export type NdpiBreedId = (typeof NDPI_BREEDS)[number]['id'];
export type NdpiBreedKey = (typeof NDPI_BREEDS)[number]['key'];
export type NdpiBreedName = (typeof NDPI_BREEDS)[number]['name'];

/** What nDPI prints for a breed id outside the table. */
export const NDPI_BREED_INVALID_NAME = '???';
