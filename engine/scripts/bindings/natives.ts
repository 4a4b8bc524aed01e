/**
 * The implemented `flow.*` functions: each reads the current flow (engine flow state and the
 * detector's metadata) and returns what ntopng's C binding pushes, keys spelled as in spec §1.4.
 * Functions absent from IMPLEMENTED are bound by the binder to a "not implemented yet" native.
 */
import { protocolByName, breedName, categoryByName } from '../../../api/ndpi';
import type { Profile } from '../../../api/flow';
import type { Flow } from '../../flows/flow';
import type { DirectionStats } from '../../flows/direction-stats';
import type { JsValue, NativeCall } from '../vm';
import type { BindingContext } from './context';
import { isBroadOrMulticast, networkMatcher } from './locality';

/** A native's body: the current flow is set (the binder answers nil when it is not). */
export type FlowNative = (flow: Flow, ctx: BindingContext, call: NativeCall) => JsValue;

type Table = { [key: string]: JsValue };

const L4_NAMES: { [proto: number]: string } = {
  1: 'ICMP', 2: 'IGMP', 6: 'TCP', 17: 'UDP', 41: 'IPv6', 46: 'RSVP', 47: 'GRE', 50: 'ESP', 58: 'IPv6-ICMP', 89: 'OSPF',
  103: 'PIM', 112: 'VRRP',
};
const TCP_SYN = 0x02;
const TCP_ACK = 0x10;

/** `proto.l4` as ntopng names it. */
export function l4ProtoName(proto: number): string {
  return L4_NAMES[proto] ?? String(proto);
}

const masterId = (f: Flow): number => (f.l7 ? protocolByName(f.l7.master)?.id ?? 0 : 0);
const appId = (f: Flow): number => (f.l7 ? protocolByName(f.l7.app)?.id ?? 0 : 0);
/** ntopng's app id: the app, or the master when the app is unknown. */
const ndpiId = (f: Flow): number => appId(f) || masterId(f);
const ndpiName = (f: Flow): string => f.l7?.label ?? 'Unknown';
const categoryText = (f: Flow): string => f.l7?.category ?? 'Unspecified';
const categoryId = (f: Flow): number => (f.l7?.category ? categoryByName(f.l7.category)?.id ?? 0 : 0);
const breedText = (f: Flow): string => {
  const id = ndpiId(f);
  const p = id ? (protocolByName(f.l7!.app) ?? protocolByName(f.l7!.master)) : protocolByName('Unknown');
  return breedName(p?.breed ?? 0);
};
const secs = (t: number): number => Math.floor(t);
const duration = (f: Flow): number => secs(f.lastSeen) - secs(f.firstSeen);

const matchers = new WeakMap<readonly string[], (ip: string) => boolean>();
function isLocalIp(ctx: BindingContext, ip: string): boolean {
  let m = matchers.get(ctx.localNetworks);
  if (!m) matchers.set(ctx.localNetworks, (m = networkMatcher(ctx.localNetworks)));
  return m(ip);
}
const cliLocal = (f: Flow, ctx: BindingContext) => isLocalIp(ctx, f.clientIp);
const srvLocal = (f: Flow, ctx: BindingContext) => isLocalIp(ctx, f.serverIp);
const hostKey = (ip: string, vlan: number) => (vlan ? `${ip}@${vlan}` : ip);

function geolocation(prefix: 'cli' | 'srv', ip: string, ctx: BindingContext): Table {
  // ntopng pushes the four keys whenever the host object exists (always here): an unknown
  // country or city is "", unknown coordinates are 0 (spec §1.4).
  const g = ctx.geo.lookup(ip);
  return {
    [`${prefix}.latitude`]: g.latitude ?? 0,
    [`${prefix}.longitude`]: g.longitude ?? 0,
    [`${prefix}.country`]: g.country ?? '',
    [`${prefix}.city`]: g.city ?? '',
  };
}

function directionTraffic(d: DirectionStats, prefix: 'cli2srv' | 'srv2cli'): Table {
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
function iat(d: DirectionStats, key: string): Table {
  const s = d.interArrival;
  if (!s.count) return {};
  return { [key]: { min: s.min * 1000, max: s.max * 1000, avg: s.average * 1000, stddev: s.stddev * 1000 } };
}

function tlsInfo(f: Flow, profile: Profile): Table {
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

function nameMatches(sni: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return sni.endsWith(pattern.slice(1)) && !sni.slice(0, -pattern.length + 1).includes('.');
  return sni.toLowerCase() === pattern.toLowerCase();
}

function sshInfo(f: Flow): Table {
  const s = f.l7?.ssh;
  const out: Table = {};
  if (!s) return out;
  if (s.clientSignature) out['protos.ssh.client_signature'] = s.clientSignature;
  if (s.serverSignature) out['protos.ssh.server_signature'] = s.serverSignature;
  if (s.hasshClient) out['protos.ssh.hassh.client_hash'] = s.hasshClient;
  if (s.hasshServer) out['protos.ssh.hassh.server_hash'] = s.hasshServer;
  return out;
}

function httpInfo(f: Flow): Table {
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

function dnsInfo(f: Flow): Table {
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

const isIcmp = (f: Flow) => f.l4Proto === 1 || f.l4Proto === 58;

function connectionRefused(f: Flow): boolean {
  return f.isTcp && !f.threeWayHandshake && f.rstSeen && f.serverToClient.packets > 0;
}

function tcpConnecting(f: Flow): boolean {
  if (!f.isTcp) return false;
  const c = f.clientToServer.tcpFlags;
  const s = f.serverToClient.tcpFlags;
  return c === TCP_SYN && (s === 0 || s === (TCP_SYN | TCP_ACK));
}

function retrPercentage(d: DirectionStats): number {
  return d.packets ? (d.retransmissions * 100) / d.packets : 0;
}

export const IMPLEMENTED: Readonly<Record<string, FlowNative>> = {
  // --- info
  getInfo(f, ctx) {
    const t: Table = {
      'cli.ip': f.clientIp, 'srv.ip': f.serverIp, 'cli.port': f.clientPort, 'srv.port': f.serverPort,
      'cli.localhost': cliLocal(f, ctx), 'srv.localhost': srvLocal(f, ctx), duration: duration(f),
      'proto.l4': l4ProtoName(f.l4Proto), 'proto.ndpi': ndpiName(f), 'proto.ndpi_app': f.l7?.app ?? 'Unknown',
      'proto.ndpi_cat': categoryText(f),
      'cli2srv.bytes': f.clientToServer.bytes, 'srv2cli.bytes': f.serverToClient.bytes,
      'cli2srv.packets': f.clientToServer.packets, 'srv2cli.packets': f.serverToClient.packets,
    };
    const info = f.l7?.info;
    if (ctx.profile !== '2019.11' && info) t.info = info;
    return t;
  },

  // --- peers
  isBlacklisted: () => false,
  getBlacklistedInfo: () => ({}),
  isLocal: (f, ctx) => cliLocal(f, ctx) && srvLocal(f, ctx),
  isRemoteToRemote: (f, ctx) => !cliLocal(f, ctx) && !srvLocal(f, ctx),
  isLocalToRemote: (f, ctx) => cliLocal(f, ctx) && !srvLocal(f, ctx),
  isRemoteToLocal: (f, ctx) => !cliLocal(f, ctx) && srvLocal(f, ctx),
  isClientUnicast: (f) => !isBroadOrMulticast(f.clientIp),
  isServerUnicast: (f) => !isBroadOrMulticast(f.serverIp),
  isUnicast: (f) => !isBroadOrMulticast(f.clientIp) && !isBroadOrMulticast(f.serverIp),
  getUnicastInfo: (f) => ({ 'cli.broadmulticast': isBroadOrMulticast(f.clientIp), 'srv.broadmulticast': isBroadOrMulticast(f.serverIp) }),
  getClientKey: (f) => hostKey(f.clientIp, f.vlan),
  getServerKey: (f) => hostKey(f.serverIp, f.vlan),
  getClientGeolocation: (f, ctx) => geolocation('cli', f.clientIp, ctx),
  getServerGeolocation: (f, ctx) => geolocation('srv', f.serverIp, ctx),
  getClientCountry: (f, ctx) => ctx.geo.countryOf(f.clientIp) ?? null,
  getServerCountry: (f, ctx) => ctx.geo.countryOf(f.serverIp) ?? null,
  getClientPort: (f) => ({ 'cli.port': f.clientPort }),
  getServerPort: (f) => ({ 'srv.port': f.serverPort }),
  // No device types or protocol policies in a capture: every device is "unknown" (0) and allowed.
  getDeviceProtoAllowedInfo: () => ({ 'cli.devtype': 0, 'srv.devtype': 0, 'cli.allowed': true, 'srv.allowed': true }),
  isDeviceProtocolNotAllowed: () => false,
  isClientNoIP: () => false,
  isServerNoIP: () => false,

  // --- traffic
  getFirstSeen: (f) => secs(f.firstSeen),
  getLastSeen: (f) => secs(f.lastSeen),
  getDuration: (f) => duration(f),
  getTime: (f) => ({ 'seen.first': secs(f.firstSeen), 'seen.last': secs(f.lastSeen), duration: duration(f) }),
  // The 2019.11 bug: last_seen carries first_seen (spec §1.4).
  getDurationInfo: (f) => ({ first_seen: secs(f.firstSeen), last_seen: secs(f.firstSeen), twh_over: f.threeWayHandshake }),
  // 2019.11 checks the client-to-server counter twice (catalog note 'bug').
  isBidirectional: (f, ctx) => (ctx.profile === '2019.11' ? f.clientToServer.packets > 0 && f.clientToServer.packets > 0 : f.bidirectional),
  getPacketsSent: (f) => f.clientToServer.packets,
  getPacketsRcvd: (f) => f.serverToClient.packets,
  // 2019.11: a table; 4.0/4.2: the total as an integer.
  getPackets: (f, ctx) => ctx.profile !== '2019.11' ? f.packets : ({ packets: f.packets, 'packets.sent': f.clientToServer.packets, 'packets.rcvd': f.serverToClient.packets, 'packets.last': f.packets }),
  getBytesSent: (f) => f.clientToServer.bytes,
  getBytesRcvd: (f) => f.serverToClient.bytes,
  getBytes: (f, ctx) => ctx.profile !== '2019.11' ? f.bytes : ({ bytes: f.bytes, goodput_bytes: f.goodputBytes, 'bytes.last': f.bytes, 'goodput_bytes.last': f.goodputBytes }),
  getGoodputBytes: (f) => f.goodputBytes,
  getClient2ServerTraffic: (f) => directionTraffic(f.clientToServer, 'cli2srv'),
  getServer2ClientTraffic: (f) => directionTraffic(f.serverToClient, 'srv2cli'),
  getClient2ServerIAT: (f) => iat(f.clientToServer, 'interarrival.cli2srv'),
  getServer2ClientIAT: (f) => iat(f.serverToClient, 'interarrival.srv2cli'),

  // --- tcp
  isTwhOK: (f) => f.threeWayHandshake,
  getClientTCPIssues: (f) => f.clientToServer.tcpIssues,
  getServerTCPIssues: (f) => f.serverToClient.tcpIssues,
  getTCPStats: (f) => ({
    'cli2srv.retransmissions': f.clientToServer.retransmissions, 'cli2srv.out_of_order': f.clientToServer.outOfOrder,
    'cli2srv.lost': f.clientToServer.lost, 'srv2cli.retransmissions': f.serverToClient.retransmissions,
    'srv2cli.out_of_order': f.serverToClient.outOfOrder, 'srv2cli.lost': f.serverToClient.lost,
  }),
  getTCPPacketIssues: (f) => (connectionRefused(f) ? { is_connection_refused: true } : {}),
  isTCPConnectionRefused: (f) => connectionRefused(f),
  isTCPConnecting: (f) => tcpConnecting(f),
  getClientRetrPercentage: (f) => retrPercentage(f.clientToServer),
  getServerRetrPercentage: (f) => retrPercentage(f.serverToClient),

  // --- protocol
  getnDPIProtocolName: (f) => ndpiName(f),
  getnDPICategoryName: (f) => categoryText(f),
  getnDPICategoryId: (f) => categoryId(f),
  getnDPIMasterProtoId: (f) => masterId(f),
  getnDPIAppProtoId: (f) => ndpiId(f),
  getProtoBreed: (f) => breedText(f),
  getProtocolBreedInfo: (f) => ({ 'proto.ndpi_breed': breedText(f) }),
  getProtocols: (f) => ({
    'proto.l4_id': f.l4Proto, 'proto.l4': l4ProtoName(f.l4Proto), 'proto.ndpi': ndpiName(f), 'proto.ndpi_id': ndpiId(f),
    'proto.master_ndpi_id': masterId(f), 'proto.ndpi_breed': breedText(f), 'proto.ndpi_cat_id': categoryId(f),
    'proto.ndpi_cat': categoryText(f),
  }),
  matchesL7: (f, _ctx, call) => {
    const id = call.number(1)!;
    return masterId(f) === id || appId(f) === id;
  },

  // --- tls / application
  getTLSVersion: (f) => f.l7?.tls?.version ?? 0,
  getTLSInfo: (f, ctx) => tlsInfo(f, ctx.profile),
  getServerCipherClass: (f) => f.l7?.tls?.cipherClass ?? null,
  hasMaliciousTlsSignature: () => false,
  getSSHInfo: (f) => sshInfo(f),
  getHTTPInfo: (f) => httpInfo(f),
  getDNSInfo: (f) => dnsInfo(f),
  dnsQueryHasInvalidChars: (f) => f.l7?.dns?.invalidCharsInQuery === true,
  getDnsQuery: (f) => f.l7?.dns?.query ?? null,
  getICMPInfo: (f) => (isIcmp(f) ? { type: f.icmpType, code: f.icmpCode, max_payload_size: f.maxIcmpPayload } : {}),
  getICMPType: (f) => (isIcmp(f) ? f.icmpType : 0),
  getMaxSeenIcmpPayloadSize: (f) => f.maxIcmpPayload,
  getICMPStatusInfo: (f) => (isIcmp(f) ? { type: f.icmpType, code: f.icmpCode } : null),

  // --- internal / misc
  getKey: (f) => f.keyHash >>> 0,
  getHashEntryId: (f) => f.id,
  isNotPurged: () => true,
  isPassVerdict: () => true,
  // No external alert source in a capture run: nothing to retrieve.
  retrieveExternalAlertInfo: () => null,
};
