/**
 * The implemented `flow.*` functions: each reads the current flow (engine flow state and the
 * detector's metadata) and returns what ntopng's C binding pushes, keys spelled as in spec §1.4.
 * Functions absent from IMPLEMENTED are bound by the binder to a "not implemented yet" native.
 */
import type { Flow } from '../../flows/flow';
import { NTOPNG_FLOW_TABLE } from '../../flows/options';
import type { JsValue, NativeCall } from '../vm';
import type { BindingContext, CallSite } from './context';
import { fullInfo, mudInfo } from './full-info';
import { blacklistedInfo } from './blacklist';
import { riskInfo } from './risk-info';
import { isBroadOrMulticast } from './locality';
import {
  l4ProtoName, masterId, appId, ndpiId, ndpiName, categoryText, categoryId, breedText, secs, duration, cliLocal, srvLocal, hostKey, geolocation, directionTraffic, iat, tlsInfo, sshInfo, httpInfo, dnsInfo, NO_SITE, isIcmp, connectionRefused, tcpConnecting, retrPercentage,
  type Table,
} from './flow-facts';

/** A native's body: the current flow is set (the binder answers nil when it is not). */
export type FlowNative = (flow: Flow, ctx: BindingContext, call: NativeCall, site?: CallSite) => JsValue;


/** 10 × ntopng's default flow idle timeout (spec §1.3, isNotPurged). */
const NOT_PURGED_SECONDS = 10 * NTOPNG_FLOW_TABLE.idleTimeoutSeconds;

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
  isBlacklisted: (f, ctx) => Object.keys(blacklistedInfo(f, ctx)).length > 0,
  getBlacklistedInfo: (f, ctx) => blacklistedInfo(f, ctx),
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

  // --- info (expensive)
  getFullInfo: (f, ctx) => fullInfo(f, ctx),
  getMUDInfo: (f, ctx) => mudInfo(f, ctx),

  // --- statuses, alerts, scores (the Lua driver adds triggerStatus and the wrappers)
  getStatus: (f, ctx) => Number(ctx.statuses!.bitmap(f)),
  isStatusSet: (f, ctx, call) => ctx.statuses!.isSet(f, call.number(1)!),
  getPredominantStatus: (f, ctx) => ctx.statuses!.peek(f)?.predominant ?? 0,
  setPredominantStatus: (f, ctx, call) => { ctx.statuses!.state(f).predominant = call.number(1)!; return null; },
  getAlertedStatus: (f, ctx) => ctx.statuses!.peek(f)?.alertedStatus ?? 0,
  getAlertedStatusScore: (f, ctx) => ctx.statuses!.peek(f)?.alertedScore ?? 0,
  canTriggerAlert: (f, ctx) => !(ctx.statuses!.peek(f)?.alerted ?? false),
  getScore: (f, ctx) => ctx.statuses!.score(f),
  getScoreInfo: (f, ctx) => {
    const book = ctx.statuses!;
    const st = book.peek(f);
    const t: Table = { status_map: Number(book.bitmap(f)), score: book.score(f) };
    if (ctx.profile === '2019.11') {
      t['cli.score'] = book.hostScore(f.clientIp, f.vlan);
      t['srv.score'] = book.hostScore(f.serverIp, f.vlan);
    }
    if (st?.statusInfo !== undefined) t.status_info = st.statusInfo;
    return t;
  },
  setScore: (f, ctx, call, site) => { ctx.statuses!.setScore(f, 'flow', call.number(1)!, site ?? NO_SITE); return null; },
  setClientScore: (f, ctx, call, site) => { ctx.statuses!.setScore(f, 'client', call.number(1)!, site ?? NO_SITE); return null; },
  setServerScore: (f, ctx, call, site) => { ctx.statuses!.setScore(f, 'server', call.number(1)!, site ?? NO_SITE); return null; },
  // 2019.11: (status_id), keeping the predominant status; 4.0: (status table, scores), only when
  // the bit is not set yet; 4.2's C setter: (status_id, scores, script_key, category_id), scores
  // added on every call. The book clamps scores to the profile's max_score.
  setStatus: (f, ctx, call, site) => {
    const book = ctx.statuses!;
    if (ctx.profile === '2019.11') return book.setWithPrio(f, call.number(1)!, site ?? NO_SITE);
    const id = ctx.profile === '4.0' ? call.field(1, 'status_id') : call.number(1);
    if (typeof id !== 'number') return null;
    if (ctx.profile === '4.0' && book.isSet(f, id)) return false;
    return book.set(f, id, site ?? NO_SITE, { flow: call.number(2) ?? 0, client: call.number(3) ?? 0, server: call.number(4) ?? 0 });
  },
  clearStatus: (f, ctx, call, site) => {
    const book = ctx.statuses!;
    if (ctx.profile === '2019.11') return book.clearWithPrio(f, call.number(1)!, site ?? NO_SITE);
    const id = call.field(1, 'status_id');
    return typeof id === 'number' ? book.clear(f, id, site ?? NO_SITE) : null;
  },
  triggerAlert: (f, ctx, call, site) => {
    const book = ctx.statuses!;
    if (ctx.profile === '4.2') {
      const json = call.string(6) ?? undefined;
      const triggered = book.alert(f, call.number(1)!, call.number(2)!, call.number(3)!, call.number(5)!, json, call.number(4)!, site ?? NO_SITE, '');
      return triggered && json !== undefined ? { triggered, alert_json: json } : { triggered };
    }
    return book.alert(f, call.number(1)!, call.number(2)!, call.number(3)!, call.number(4)!, call.string(5) ?? undefined, undefined, site ?? NO_SITE, '');
  },

  // --- nDPI risks (4.2), as the detector found them (engine/dpi/risks)
  getRiskInfo: (f) => riskInfo(f),
  // No argument: any risk. An id outside nDPI's table is simply not set (the binder has
  // already answered nil with a warning for a non-integer argument).
  hasRisk: (f, _ctx, call) => {
    const l7 = f.l7;
    if (!l7) return false;
    const id = call.number(1);
    return id === null || id === undefined ? l7.hasAnyRisk : l7.hasRisk(id);
  },
  setCustomInfo: (f, ctx, call) => { ctx.statuses!.state(f).customInfo = call.string(1)!; return true; },
  getnDPIMatchPacket: (f) => {
    const p = f.l7?.matchPacket;
    if (!p || p.length === 0) return { payload_len: 0 };
    return { payload_len: p.length, payload: p };
  },

  // --- internal / misc
  getKey: (f) => f.keyHash >>> 0,
  getHashEntryId: (f) => f.id,
  // ntopng's self-check: a flow not idle yet whose last packet is older than 10 idle timeouts
  // (600 s) on packet time. The flow table idles flows long before, so this stays false.
  isNotPurged: (f, ctx) => f.state !== 'ended' && (ctx.now ?? f.lastSeen) - f.lastSeen > NOT_PURGED_SECONDS,
  isPassVerdict: () => true,
  // No external alert source in a capture run: nothing to retrieve.
  retrieveExternalAlertInfo: () => null,
};
