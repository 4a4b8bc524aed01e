/**
 * Applications recognised from a host name (TLS SNI, HTTP Host, DNS query, QUIC SNI,
 * certificate names), as nDPI 4.2 labels them: "TLS.Google" for a TLS flow to
 * www.google.com. The patterns are data (host-rules.ts); this file holds the matching rules,
 * which reproduce what nDPI 4.2's string automaton decides, quirks included:
 *
 * - Case is ignored.
 * - A pattern ending in a letter or digit ("google.com", ".apple.com") only matches at the
 *   end of the host. A pattern ending in "." or "-" ("google.", "fbcdn-") matches anywhere.
 * - A pattern that equals the whole host wins outright.
 * - A pattern that contains a dot and starts with a letter or digit ("ntop.org") needs a "."
 *   or "-" just before it when it starts at offset 2 or later: "www.ntop.org" matches,
 *   "myntop.org" does not. At offsets 0 and 1 there is no such check, so "xdocs.google.com"
 *   does match "docs.google.com" (nDPI does this too).
 * - When several patterns match, the candidates are taken by where they end (leftmost
 *   first), longer before shorter at the same end, and a later candidate replaces the
 *   current one only when its level is strictly higher. A pattern's level is its number of
 *   labels ("google.com" 2, "youtube." 1, ".apple.com" 2) unless the table sets one.
 *   So for "wide-youtube.l.google.com", "youtube." (1) is replaced by "google.com" (2).
 * - Category-only patterns (host-rules.ts HOST_CATEGORY_GROUPS) follow the same rules and
 *   replace the category of the application match ("captive.apple.com" → Apple/ConnCheck).
 *
 * Lookups are index-based: patterns that must end the host are found by looking up each
 * suffix of the host that starts at a label or character boundary in a map; patterns that
 * may sit anywhere end in "." or "-", so only the host's "." and "-" positions are tried,
 * with the few distinct lengths such patterns have.
 */

import { HOST_CATEGORY_GROUPS, HOST_RULE_GROUPS, HOST_RULE_LEVELS } from './host-rules';
import { classifyAddressCategory } from './ip-apps';

export interface HostMatch {
  app: string;
  category: string;
}

interface Pattern {
  readonly text: string;
  readonly value: string;
  readonly level: number;
  /** Needs "." or "-" before it when it starts at offset 2 or later. */
  readonly boundary: boolean;
}

interface PatternIndex {
  /** Patterns that must end the host, by text. */
  readonly atEnd: Map<string, Pattern>;
  /** Patterns that may end anywhere (their last character is "." or "-"), by text. */
  readonly anywhere: Map<string, Pattern>;
  /** Distinct lengths of the `anywhere` patterns, longest first. */
  readonly anywhereLengths: readonly number[];
  /**
   * Whether some end-anchored pattern has no dot (and so no boundary rule and no "." or
   * "-" of its own): then every start offset must be tried, not only those at a boundary.
   */
  readonly atEndAnyStart: boolean;
}

function isMiddleChar(c: string): boolean {
  return c === '.' || c === '-';
}

/**
 * nDPI's domain level: 1 + the number of dots that follow a label and precede another
 * character; a leading dot does not count. Names that contain ".." or ".-" (or "-" right
 * after a leading dot) get 0.
 */
export function domainLevel(name: string): number {
  let level = 1;
  let state = 0; // 0 start, 1 after a leading dot, 2 inside a label, 3 right after a dot
  for (const ch of name) {
    const kind = ch === '.' ? 1 : ch === '-' ? 2 : 0;
    if (state === 3) level++;
    if (state === 0) state = kind === 1 ? 1 : 2;
    else if (state === 1 || state === 3) state = kind === 0 ? 2 : 0;
    else state = kind === 1 ? 3 : 2;
    if (state === 0) break;
  }
  return state >= 2 ? level : 0;
}

function buildIndex(entries: Iterable<[string, string, number | undefined]>): PatternIndex {
  const atEnd = new Map<string, Pattern>();
  const anywhere = new Map<string, Pattern>();
  for (const [raw, value, fixedLevel] of entries) {
    const text = raw.toLowerCase();
    if (text.length === 0) continue;
    const pattern: Pattern = {
      text,
      value,
      level: fixedLevel || domainLevel(text),
      boundary: !isMiddleChar(text[0]) && text.includes('.'),
    };
    const map = isMiddleChar(text[text.length - 1]) ? anywhere : atEnd;
    if (!map.has(text)) map.set(text, pattern); // nDPI keeps the first of two equal patterns
  }
  const lengths = [...new Set([...anywhere.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const atEndAnyStart = [...atEnd.keys()].some((k) => !k.includes('.'));
  return { atEnd, anywhere, anywhereLengths: lengths, atEndAnyStart };
}

const APP_INDEX = buildIndex(
  (function* () {
    for (const group of HOST_RULE_GROUPS) {
      for (const p of group.patterns) yield [p, `${group.app}\u0000${group.category}`, HOST_RULE_LEVELS[p]];
    }
  })(),
);

const CATEGORY_INDEX = buildIndex(
  (function* () {
    for (const group of HOST_CATEGORY_GROUPS) {
      for (const p of group.patterns) yield [p, group.category, undefined];
    }
  })(),
);

/** Runs nDPI's selection over the patterns of `index` found in `name` (already lower case). */
function bestMatch(index: PatternIndex, name: string): Pattern | undefined {
  const len = name.length;
  let best: Pattern | undefined;
  const consider = (p: Pattern, start: number): void => {
    if (p.boundary && start > 1 && !isMiddleChar(name[start - 1])) return;
    if (!best || best.level < p.level) best = p;
  };
  // Candidates ending before the end of the name: only "anywhere" patterns, which end in
  // "." or "-", so they can only end just after such a character.
  for (let end = 1; end <= len; end++) {
    const atLast = end === len;
    if (isMiddleChar(name[end - 1])) {
      for (const l of index.anywhereLengths) {
        if (l > end) continue;
        const p = index.anywhere.get(name.slice(end - l, end));
        if (!p) continue;
        if (atLast && l === len) return p;
        consider(p, end - l);
      }
    } else if (atLast) {
      // Patterns ending at the end of the name, longest (= earliest start) first.
      for (let start = 0; start < len; start++) {
        // An end-anchored pattern with a dot either starts with "." or "-" (so the name has
        // one at `start`), or needs one just before `start` once start >= 2.
        if (start > 1 && !index.atEndAnyStart && !isMiddleChar(name[start]) && !isMiddleChar(name[start - 1])) {
          continue;
        }
        const p = index.atEnd.get(start === 0 ? name : name.slice(start));
        if (!p) continue;
        if (start === 0) return p; // the whole name
        consider(p, start);
      }
    }
  }
  return best;
}

/**
 * The category nDPI 4.2 gives a flow from its host name alone (category-only patterns).
 * As in nDPI, a name that is an IPv4 address once cut at its last "/" ("8.4.4.1",
 * "8.4.4.0/24") is looked up in the address category table instead.
 */
export function classifyHostCategory(host: string): string | undefined {
  const slash = host.lastIndexOf('/');
  const head = slash >= 0 ? host.slice(0, slash) : host;
  if (STRICT_IPV4.test(head)) return classifyAddressCategory(head);
  return bestMatch(CATEGORY_INDEX, host.toLowerCase())?.value;
}

/** A dotted quad the way inet_pton accepts it: no leading zeros, each part at most 255. */
const STRICT_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * The application nDPI 4.2 recognises in a host name, with the flow category it ends up
 * with (the application's category, or the category-only match when there is one).
 */
export function classifyHost(host: string): HostMatch | undefined {
  const name = host.toLowerCase();
  const hit = bestMatch(APP_INDEX, name);
  if (!hit) return undefined;
  const sep = hit.value.indexOf('\u0000');
  const app = hit.value.slice(0, sep);
  const category = classifyHostCategory(host) ?? hit.value.slice(sep + 1);
  return { app, category };
}

/** Number of host patterns (application and category-only) the tables hold. */
export const HOST_PATTERN_COUNTS = {
  app: APP_INDEX.atEnd.size + APP_INDEX.anywhere.size,
  category: CATEGORY_INDEX.atEnd.size + CATEGORY_INDEX.anywhere.size,
} as const;
