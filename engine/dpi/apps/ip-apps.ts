/**
 * Applications recognised from an address alone, as nDPI 4.2 does ("Match by IP"): its
 * IPv4 network tables (ip-ranges.ts) looked up with longest-prefix match. nDPI 4.2 has no
 * IPv6 table and skips non-public IPv4 (10/8, 172.16/12, 192.168/16, 127/8, 224/4), so those
 * give undefined.
 *
 * The table is flattened into sorted, non-overlapping [start, end] ranges at load time; a
 * lookup is one binary search.
 */

import { ADDRESS_CATEGORY_GROUPS, ADDRESS_GROUPS } from './ip-ranges';

export interface AddressMatch {
  app: string;
  category: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 dotted quad as an unsigned 32-bit number, or undefined. */
export function ipv4ToNumber(text: string): number | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255) return undefined;
    value = value * 256 + part;
  }
  return value;
}

/** nDPI 4.2 looks addresses up only when they are public in this sense. */
export function isPublicIPv4(a: number): boolean {
  const top = a >>> 24;
  if (top === 10 || top === 127 || top >= 224) return false;
  if (a >>> 20 === 0xac1) return false; // 172.16.0.0/12
  if (a >>> 16 === 0xc0a8) return false; // 192.168.0.0/16
  return true;
}

interface Table {
  starts: Float64Array;
  ends: Float64Array;
  matches: AddressMatch[];
}

function buildTable(groups: readonly { app?: string; category: string; blocks: string }[]): Table {
  const rows: { start: number; end: number; match: AddressMatch }[] = [];
  for (const group of groups) {
    const match: AddressMatch = { app: group.app ?? '', category: group.category };
    for (const block of group.blocks.split(' ')) {
      if (!block) continue;
      const slash = block.indexOf('/');
      const start = ipv4ToNumber(block.slice(0, slash));
      const bits = Number(block.slice(slash + 1));
      if (start === undefined || !(bits >= 0 && bits <= 32)) throw new Error(`bad address block ${block}`);
      rows.push({ start, end: start + 2 ** (32 - bits) - 1, match });
    }
  }
  rows.sort((a, b) => a.start - b.start || b.end - a.end);
  // The application table is flat already; the category table has nested blocks of one
  // category, which merge.
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1];
    if (rows[i].start > prev.end) continue;
    if (rows[i].match.app !== prev.match.app || rows[i].match.category !== prev.match.category) {
      throw new Error(`overlapping address blocks of different applications at ${rows[i].start}`);
    }
    prev.end = Math.max(prev.end, rows[i].end);
    rows.splice(i--, 1);
  }
  return {
    starts: Float64Array.from(rows, (r) => r.start),
    ends: Float64Array.from(rows, (r) => r.end),
    matches: rows.map((r) => r.match),
  };
}

let table: Table | undefined;
let categoryTable: Table | undefined;

function search({ starts, ends, matches }: Table, a: number): AddressMatch | undefined {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] > a) hi = mid - 1;
    else if (ends[mid] < a) lo = mid + 1;
    else return matches[mid];
  }
  return undefined;
}

/** Number of address blocks in the table. */
export function addressBlockCount(): number {
  table ??= buildTable(ADDRESS_GROUPS);
  return table.starts.length;
}

/** The application nDPI 4.2 associates with an IPv4 address (as a number), if any. */
export function classifyIPv4(a: number): AddressMatch | undefined {
  if (!isPublicIPv4(a)) return undefined;
  // A binary search (14 steps) costs less than a memo: on traffic with many addresses
  // (the benchmark capture has 110,000) a bounded memo only churns.
  table ??= buildTable(ADDRESS_GROUPS);
  return search(table, a);
}

/**
 * The application nDPI 4.2 associates with an address string. IPv6 addresses (and
 * anything that is not an IPv4 dotted quad) give undefined: nDPI 4.2 has no IPv6 table.
 * An IPv4-mapped IPv6 address ("::ffff:a.b.c.d") is not looked up either, as in nDPI.
 */
export function classifyAddress(ip: string): AddressMatch | undefined {
  const a = ipv4ToNumber(ip);
  return a === undefined ? undefined : classifyIPv4(a);
}

/**
 * The category nDPI 4.2's category table gives an IPv4 address (a few streaming networks),
 * independent of any application.
 */
export function classifyAddressCategory(ip: string): string | undefined {
  const a = ipv4ToNumber(ip);
  if (a === undefined) return undefined;
  categoryTable ??= buildTable(ADDRESS_CATEGORY_GROUPS);
  return search(categoryTable, a)?.category;
}
