/**
 * ntopng's blacklists: a peer is blacklisted when its address is on one of the category lists
 * the user loaded (here: BindingContext.blacklist, CIDRs), and a flow is when a peer is or when
 * its category is Malware (spec §1.3, isBlacklisted).
 */
import type { Flow } from '../../flows/flow';
import type { BindingContext } from './context';
import { networkMatcher } from './locality';
import type { Table } from './flow-facts';

const matchers = new WeakMap<readonly string[], (ip: string) => boolean>();
const NONE = (): boolean => false;

function matcherOf(ctx: BindingContext): (ip: string) => boolean {
  const list = ctx.blacklist;
  if (!list || list.length === 0) return NONE;
  let m = matchers.get(list);
  if (!m) matchers.set(list, (m = networkMatcher(list)));
  return m;
}

/** getBlacklistedInfo(): each key present (and true) only when it applies. */
export function blacklistedInfo(f: Flow, ctx: BindingContext): Table {
  const listed = matcherOf(ctx);
  const out: Table = {};
  if (listed(f.clientIp)) out['blacklisted.cli'] = true;
  if (listed(f.serverIp)) out['blacklisted.srv'] = true;
  if (f.l7?.category === 'Malware') out['blacklisted.cat'] = true;
  return out;
}

export function isHostBlacklisted(ip: string, ctx: BindingContext): boolean {
  return matcherOf(ctx)(ip);
}
