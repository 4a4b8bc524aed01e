/**
 * Facts about a flow as ntopng's C bindings compute them (names, ids, locality, per-protocol
 * details), shared by the flow.* natives and getFullInfo.
 */
import { protocolByName, breedName, categoryByName } from '../../../api/ndpi';
import type { Profile } from '../../../api/flow';
import type { Flow } from '../../flows/flow';
import type { DirectionStats } from '../../flows/direction-stats';
import type { JsValue } from '../vm';
import type { BindingContext, CallSite } from './context';
import { networkMatcher } from './locality';

export type Table = { [key: string]: JsValue };

export const L4_NAMES: { [proto: number]: string } = {
  1: 'ICMP', 2: 'IGMP', 6: 'TCP', 17: 'UDP', 41: 'IPv6', 46: 'RSVP', 47: 'GRE', 50: 'ESP', 58: 'IPv6-ICMP', 89: 'OSPF',
  103: 'PIM', 112: 'VRRP',
};
export const TCP_SYN = 0x02;
export const TCP_ACK = 0x10;

/** `proto.l4` as ntopng names it. */
export function l4ProtoName(proto: number): string {
  return L4_NAMES[proto] ?? String(proto);
}

export const masterId = (f: Flow): number => (f.l7 ? protocolByName(f.l7.master)?.id ?? 0 : 0);
export const appId = (f: Flow): number => (f.l7 ? protocolByName(f.l7.app)?.id ?? 0 : 0);
/** ntopng's app id: the app, or the master when the app is unknown. */
export const ndpiId = (f: Flow): number => appId(f) || masterId(f);
export const ndpiName = (f: Flow): string => f.l7?.label ?? 'Unknown';
export const categoryText = (f: Flow): string => f.l7?.category ?? 'Unspecified';
export const categoryId = (f: Flow): number => (f.l7?.category ? categoryByName(f.l7.category)?.id ?? 0 : 0);
export const breedText = (f: Flow): string => {
  const id = ndpiId(f);
  const p = id ? (protocolByName(f.l7!.app) ?? protocolByName(f.l7!.master)) : protocolByName('Unknown');
  return breedName(p?.breed ?? 0);
};
export const secs = (t: number): number => Math.floor(t);
export const duration = (f: Flow): number => secs(f.lastSeen) - secs(f.firstSeen);

export const matchers = new WeakMap<readonly string[], (ip: string) => boolean>();
export function isLocalIp(ctx: BindingContext, ip: string): boolean {
  let m = matchers.get(ctx.localNetworks);
  if (!m) matchers.set(ctx.localNetworks, (m = networkMatcher(ctx.localNetworks)));
  return m(ip);
}
export const cliLocal = (f: Flow, ctx: BindingContext) => isLocalIp(ctx, f.clientIp);
export const srvLocal = (f: Flow, ctx: BindingContext) => isLocalIp(ctx, f.serverIp);
export const hostKey = (ip: string, vlan: number) => (vlan ? `${ip}@${vlan}` : ip);

export function geolocation(prefix: 'cli' | 'srv', ip: string, ctx: BindingContext): Table {
  // ntopng pushes the four keys whenever the host object exists (always here): an unknown
  // country or city is "", unknown coordinates are 0 (spec §1.4).
  const g = ctx.geo.lookup(ip);
  return prefix === 'cli'
    ? { 'cli.latitude': g.latitude ?? 0, 'cli.longitude': g.longitude ?? 0, 'cli.country': g.country ?? '', 'cli.city': g.city ?? '' }
    : { 'srv.latitude': g.latitude ?? 0, 'srv.longitude': g.longitude ?? 0, 'srv.country': g.country ?? '', 'srv.city': g.city ?? '' };
}

export function directionTraffic(d: DirectionStats, prefix: 'cli2srv' | 'srv2cli'): Table {
  const len = d.packetLength;
  return {
    [`${prefix}.bytes`]: d.bytes,
    [`${prefix}.goodput_bytes`]: d.goodputBytes,
    [`${prefix}.packets`]: d.packets,
    [`${prefix}.last`]: secs(d.lastSeen),
    [`${prefix}.pkt_len.min`]: len.count ? len.min : 0,
    [`${prefix}.pkt_len.max`]: len.count ? len.max : 0,
    [`${prefix}.pkt_len.avg`]: len.count ? len.average : 0,
    [`${prefix}.pkt_len.stddev`]: len.count ? len.stddev : 0,
    [`${prefix}.fragments`]: d.fragments,
  };
}

/** Inter-arrival times in milliseconds (ntopng's unit); {} without at least two packets. */
export function iat(d: DirectionStats, key: string): Table {
  const s = d.interArrival;
  if (!s.count) return {};
  return { [key]: { min: s.min * 1000, max: s.max * 1000, avg: s.average * 1000, stddev: s.stddev * 1000 } };
}

export function tlsInfo(f: Flow, profile: Profile): Table {
  const t = f.l7?.tls;
  if (!t) return {};
  const out: Table = {};
  if (t.version !== undefined) out['protos.tls_version'] = t.version;
  if (profile === '2019.11') {
    out['protos.tls.subject_alt_name_match'] = !!(t.sni && t.serverNames?.some((n) => nameMatches(t.sni!, n)));
    if (t.sni) out['protos.tls.certificate'] = t.sni;
    if (t.certificateSubject) out['protos.tls.server_certificate'] = t.certificateSubject;
  } else {
    if (t.serverNames?.length) out['protos.tls.server_names'] = t.serverNames.join(',');
    if (t.alpn?.length) out['protos.tls.client_alpn'] = t.alpn.join(',');
    if (t.supportedVersions?.length) out['protos.tls.client_tls_supported_versions'] = t.supportedVersions.join(',');
    if (t.sni) out['protos.tls.client_requested_server_name'] = t.sni;
  }
  if (t.ja3Client) out['protos.tls.ja3.client_hash'] = t.ja3Client;
  if (t.ja3Server) out['protos.tls.ja3.server_hash'] = t.ja3Server;
  if (t.cipherClass) out['protos.tls.ja3.server_unsafe_cipher'] = t.cipherClass;
  if (t.cipher !== undefined) out['protos.tls.ja3.server_cipher'] = t.cipher;
  return out;
}

export function nameMatches(sni: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return sni.endsWith(pattern.slice(1)) && !sni.slice(0, -pattern.length + 1).includes('.');
  return sni.toLowerCase() === pattern.toLowerCase();
}

export function sshInfo(f: Flow): Table {
  const s = f.l7?.ssh;
  const out: Table = {};
  if (!s) return out;
  if (s.clientSignature) out['protos.ssh.client_signature'] = s.clientSignature;
  if (s.serverSignature) out['protos.ssh.server_signature'] = s.serverSignature;
  if (s.hasshClient) out['protos.ssh.hassh.client_hash'] = s.hasshClient;
  if (s.hasshServer) out['protos.ssh.hassh.server_hash'] = s.hasshServer;
  return out;
}

export function httpInfo(f: Flow): Table {
  const h = f.l7?.http;
  const out: Table = {};
  if (!h) return out;
  if (h.url !== undefined) {
    out['protos.http.last_method'] = h.method ?? '';
    out['protos.http.last_return_code'] = h.statusCode ?? 0;
    out['protos.http.last_url'] = h.url;
  }
  if (h.host) out['protos.http.server_name'] = h.host;
  return out;
}

export function dnsInfo(f: Flow): Table {
  const d = f.l7?.dns;
  const out: Table = {};
  if (!d) return out;
  if (d.query !== undefined) {
    out['protos.dns.last_query_type'] = d.queryType ?? 0;
    out['protos.dns.last_return_code'] = d.returnCode ?? 0;
    out['protos.dns.last_query'] = d.query;
  }
  if (d.invalidCharsInQuery) out['protos.dns.invalid_chars_in_query'] = true;
  return out;
}

export const NO_SITE: CallSite = { file: '', line: 0 };


export const isIcmp = (f: Flow) => f.l4Proto === 1 || f.l4Proto === 58;

export function connectionRefused(f: Flow): boolean {
  return f.isTcp && !f.threeWayHandshake && f.rstSeen && f.serverToClient.packets > 0;
}

export function tcpConnecting(f: Flow): boolean {
  if (!f.isTcp) return false;
  const c = f.clientToServer.tcpFlags;
  const s = f.serverToClient.tcpFlags;
  return c === TCP_SYN && (s === 0 || s === (TCP_SYN | TCP_ACK));
}

export function retrPercentage(d: DirectionStats): number {
  return d.packets ? (d.retransmissions * 100) / d.packets : 0;
}

