/**
 * Where the shared real-world captures live (outside the repository, never committed),
 * and which they are. Every test that reads them goes through here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared/pcaps/ndpi next to the repository checkout. */
export const SHARED_PCAPS_DIR = resolve(__dirname, '../../../shared/pcaps/ndpi');

/** File names of the captures that have a NAME.ndpi.json ground truth, sorted. */
export const SHARED_CAPTURES: readonly string[] = existsSync(SHARED_PCAPS_DIR)
  ? readdirSync(SHARED_PCAPS_DIR)
    .filter((name) => name.endsWith('.ndpi.json'))
    .map((name) => name.slice(0, -'.ndpi.json'.length))
    .sort()
  : [];

export function sharedCapturePath(name: string): string {
  return join(SHARED_PCAPS_DIR, name);
}
