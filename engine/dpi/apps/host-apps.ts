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
 * Lookups are index-based and allocate nothing: the patterns sit in two tries read from
 * their last character backwards, one for end-anchored patterns (walked once, from the end
 * of the host) and one for patterns ending in "." or "-" (walked from each "." and "-" of
 * the host). A lookup costs about a microsecond.
 */

import { memoize } from '../util/memo';
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

/** A trie over pattern characters read backwards, from the pattern's last character. */
interface ReverseTrie {
  readonly next: Map<number, ReverseTrie>;
  pattern?: Pattern;
}

interface PatternIndex {
  /** Patterns that must end the host (last character a letter, digit, ...). */
  readonly atEnd: ReverseTrie;
  /** Patterns that may end anywhere (their last character is "." or "-"). */
  readonly anywhere: ReverseTrie;
  readonly size: number;
}

function isMiddleChar(c: string): boolean {
  return c === '.' || c === '-';
}

const DOT = 0x2e;
const DASH = 0x2d;

function isMiddleCode(c: number): boolean {
  return c === DOT || c === DASH;
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

function newTrie(): ReverseTrie {
  return { next: new Map() };
}

/** Adds a pattern; returns false when an equal pattern is there already. */
function addReversed(root: ReverseTrie, pattern: Pattern): boolean {
  let node = root;
  for (let i = pattern.text.length - 1; i >= 0; i--) {
    const c = pattern.text.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = newTrie()));
    node = child;
  }
  if (node.pattern) return false;
  node.pattern = pattern;
  return true;
}

function buildIndex(entries: Iterable<[string, string, number | undefined]>): PatternIndex {
  const atEnd = newTrie();
  const anywhere = newTrie();
  let size = 0;
  for (const [raw, value, fixedLevel] of entries) {
    const text = raw.toLowerCase();
    if (text.length === 0) continue;
    const pattern: Pattern = {
      text,
      value,
      level: fixedLevel || domainLevel(text),
      boundary: !isMiddleChar(text[0]) && text.includes('.'),
    };
    // nDPI keeps the first of two equal patterns.
    if (addReversed(isMiddleChar(text[text.length - 1]) ? anywhere : atEnd, pattern)) size++;
  }
  return { atEnd, anywhere, size };
}

/**
 * The patterns of `trie` that end at offset `end` of `name`, longest first (as nDPI's
 * automaton reports them at one position), each with its start offset.
 */
function endingAt(trie: ReverseTrie, name: string, end: number, out: [Pattern, number][]): void {
  out.length = 0;
  let node: ReverseTrie | undefined = trie;
  for (let i = end - 1; i >= 0; i--) {
    node = node.next.get(name.charCodeAt(i));
    if (!node) break;
    if (node.pattern) out.push([node.pattern, i]);
  }
  out.reverse();
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

const scratch: [Pattern, number][] = [];

/** Runs nDPI's selection over the patterns of `index` found in `name` (already lower case). */
function bestMatch(index: PatternIndex, name: string): Pattern | undefined {
  const len = name.length;
  let best: Pattern | undefined;
  for (let end = 1; end <= len; end++) {
    const last = name.charCodeAt(end - 1);
    let trie: ReverseTrie;
    // "Anywhere" patterns end in "." or "-"; the others only at the end of the name.
    if (isMiddleCode(last)) trie = index.anywhere;
    else if (end === len) trie = index.atEnd;
    else continue;
    endingAt(trie, name, end, scratch);
    for (const [p, start] of scratch) {
      if (start === 0 && end === len) return p; // the whole name wins outright
      if (p.boundary && start > 1 && !isMiddleCode(name.charCodeAt(start - 1))) continue;
      if (!best || best.level < p.level) best = p;
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
  return classifyHostMemo(host);
}

// Flows repeat host names (the same SNI, the same DNS query): match each name once.
const classifyHostMemo = memoize(classifyHostUncached);

function classifyHostUncached(host: string): HostMatch | undefined {
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
  app: APP_INDEX.size,
  category: CATEGORY_INDEX.size,
} as const;
