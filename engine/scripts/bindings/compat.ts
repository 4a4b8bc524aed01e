/**
 * Names a 2019.11 script may call although the 2019.11 API (the tree of mid-November 2019) does
 * not have them: the October 2019 names (getSSLInfo, addStatus, getServerIp, ...) and the
 * functions added in the December 2019 tree that still had scripts/callbacks/interface/flow/
 * (isDeviceProtocolNotAllowed, getProtoBreed, ...). Real scripts of that directory were written
 * against all three states, so they are answered through a metatable on `flow` (they are not
 * fields of it: the catalog's function set stays exact), each with a one-time warning hit that
 * names the era and the 2019.11 replacement.
 */
import { RETIRED_FUNCTIONS, functionsFor, FLOW_FUNCTIONS } from '../../../api/flow';
import type { Flow } from '../../flows/flow';
import type { JsValue, NativeCall } from '../vm';
import type { BindingContext } from './context';
import { IMPLEMENTED, type FlowNative } from './natives';
import { fullInfo } from './full-info';
import { connectionRefused, nameMatches, type Table } from './flow-facts';

function pick(t: Table, keys: readonly string[]): Table {
  const out: Table = {};
  for (const k of keys) if (t[k] !== undefined) out[k] = t[k];
  return out;
}

function catalogKeys(name: string): readonly string[] {
  return RETIRED_FUNCTIONS.find((f) => f.name === name)?.returns.keys ?? [];
}

const OLD_NAMES: Record<string, FlowNative> = {
  isConnectionRefused: (f) => connectionRefused(f),
  shouldCheckTlsCertificate: (f) => {
    const t = f.l7?.tls;
    return !!(t?.sni && t.serverNames?.length && !t.serverNames.some((n) => nameMatches(t.sni!, n)));
  },
  getSSLVersion: (f, ctx, call) => IMPLEMENTED.getTLSVersion!(f, ctx, call),
  getSSLInfo: (f, ctx, call) => IMPLEMENTED.getTLSInfo!(f, ctx, call),
  isTwhOver: (f) => f.threeWayHandshake,
  getClientIp: (f, ctx) => pick(fullInfo(f, ctx), catalogKeys('getClientIp')),
  getServerIp: (f, ctx) => pick(fullInfo(f, ctx), catalogKeys('getServerIp')),
  getClientInfo: (f, ctx) => pick(fullInfo(f, ctx), catalogKeys('getClientInfo')),
  getServerInfo: (f, ctx) => pick(fullInfo(f, ctx), catalogKeys('getServerInfo')),
  getTCPInfo: (f, ctx) => pick(fullInfo(f, ctx), catalogKeys('getTCPInfo')),
  getClientScore: (f, ctx) => ctx.statuses!.hostScore(f.clientIp, f.vlan),
  getServerScore: (f, ctx) => ctx.statuses!.hostScore(f.serverIp, f.vlan),
};

/** Where each answered name comes from, for the warning. */
function eraOf(name: string): string {
  const retired = RETIRED_FUNCTIONS.find((f) => f.name === name);
  if (retired) return retired.existedIn ?? 'another ntopng version';
  const fn = FLOW_FUNCTIONS.find((f) => f.name === name);
  return fn ? `ntopng ${fn.profiles.join('/')} and the December 2019 tree` : 'another ntopng version';
}

/** The compatibility natives of a profile (only 2019.11 has any): name → native and its note. */
export function compatFunctions(ctx: BindingContext): Map<string, { native: (flow: Flow, call: NativeCall) => JsValue; note: string }> {
  const out = new Map<string, { native: (flow: Flow, call: NativeCall) => JsValue; note: string }>();
  if (ctx.profile !== '2019.11') return out;
  const present = new Set(functionsFor(ctx.profile).map((f) => f.name));
  const candidates: Record<string, FlowNative> = { ...OLD_NAMES };
  // December 2019 tree (R): functions the 4.x profiles have too
  for (const name of ['isDeviceProtocolNotAllowed', 'getGoodputBytes', 'getProtoBreed', 'getServerCipherClass', 'hasMaliciousTlsSignature',
    'dnsQueryHasInvalidChars', 'getDnsQuery', 'getICMPType', 'getMaxSeenIcmpPayloadSize']) {
    if (IMPLEMENTED[name]) candidates[name] = IMPLEMENTED[name]!;
  }
  for (const [name, impl] of Object.entries(candidates)) {
    if (present.has(name)) continue;
    const successor = RETIRED_FUNCTIONS.find((f) => f.name === name)?.successor?.name;
    const note = `flow.${name} is not in the 2019.11 API (it existed in ${eraOf(name)})` +
      `${successor ? `; 2019.11 calls it flow.${successor}` : ''}: answered for compatibility`;
    out.set(name, { native: (flow, call) => impl(flow, ctx, call), note });
  }
  return out;
}
