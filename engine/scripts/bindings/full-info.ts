/**
 * getFullInfo() and getMUDInfo(): the big tables of spec §1.4 built from the engine's flow state.
 * Keys ntopng only pushes under a condition (VLAN set, TCP flow, protocol match, alerted) are
 * absent otherwise. What a capture cannot know (MAC addresses, ASN, OS, pools, device types) gets
 * ntopng's "unknown" values.
 */
import type { Flow } from '../../flows/flow';
import type { DirectionStats } from '../../flows/direction-stats';
import type { BindingContext } from './context';
import { isHostBlacklisted } from './blacklist';
import {
  breedText, categoryId, categoryText, cliLocal, directionTraffic, dnsInfo, duration, hostKey, httpInfo, iat, isIcmp,
  l4ProtoName, masterId, ndpiId, ndpiName, secs, srvLocal, sshInfo, tlsInfo, type Table,
} from './flow-facts';
import { isBroadOrMulticast } from './locality';

/** MAC addresses are not part of the engine's flow state: ntopng's "no MAC" value. */
const NO_MAC = '00:00:00:00:00:00';
const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|fc|fd)/i;

function peer(prefix: 'cli' | 'srv', ip: string, local: boolean, f: Flow, ctx: BindingContext, t: Table): void {
  t[`${prefix}.ip`] = ip;
  t[`${prefix}.key`] = hostKey(ip, f.vlan);
  if (f.vlan) t[`${prefix}.vlan`] = f.vlan;
  t[`${prefix}.broadmulticast`] = isBroadOrMulticast(ip);
  t[`${prefix}.allowed_host`] = true;
  t[`${prefix}.host`] = ip;
  t[`${prefix}.source_id`] = 0;
  t[`${prefix}.mac`] = NO_MAC;
  t[`${prefix}.localhost`] = local;
  t[`${prefix}.systemhost`] = false;
  t[`${prefix}.blacklisted`] = isHostBlacklisted(ip, ctx);
  t[`${prefix}.network_id`] = local ? 0 : -1;
  t[`${prefix}.pool_id`] = 0;
  t[`${prefix}.asn`] = 0;
  t[`${prefix}.country`] = ctx.geo.countryOf(ip) ?? '';
  t[`${prefix}.os`] = 0;
  t[`${prefix}.private`] = PRIVATE.test(ip);
  t[`${prefix}.devtype`] = 0;
}

function tcpDirection(d: DirectionStats, prefix: 'cli2srv' | 'srv2cli', t: Table): void {
  t[`${prefix}.retransmissions`] = d.retransmissions;
  t[`${prefix}.out_of_order`] = d.outOfOrder;
  t[`${prefix}.lost`] = d.lost;
  t[`${prefix}.keep_alive`] = d.keepAlive;
  t[`${prefix}.tcp_flags`] = d.tcpFlags;
}

function throughput(bytes: number, packets: number, seconds: number): { bps: number; pps: number } {
  return seconds > 0 ? { bps: (bytes * 8) / seconds, pps: packets / seconds } : { bps: 0, pps: 0 };
}

export function fullInfo(f: Flow, ctx: BindingContext): Table {
  const t: Table = {};
  const c2s = f.clientToServer;
  const s2c = f.serverToClient;
  peer('cli', f.clientIp, cliLocal(f, ctx), f, ctx, t);
  peer('srv', f.serverIp, srvLocal(f, ctx), f, ctx, t);
  t['cli.port'] = f.clientPort;
  t['srv.port'] = f.serverPort;
  t.bytes = f.bytes;
  t.goodput_bytes = f.goodputBytes;
  t['bytes.last'] = f.bytes;
  t['goodput_bytes.last'] = f.goodputBytes;
  t.packets = f.packets;
  t['packets.sent'] = c2s.packets;
  t['packets.rcvd'] = s2c.packets;
  t['packets.last'] = f.packets;
  t.vlan = f.vlan;
  t['proto.l4_id'] = f.l4Proto;
  t['proto.l4'] = l4ProtoName(f.l4Proto);
  // ntopng shows "(Too Early)" until detection is over
  t['proto.ndpi'] = f.l7 && !f.l7.done && !f.l7.detected ? '(Too Early)' : ndpiName(f);
  t['proto.ndpi_id'] = ndpiId(f);
  t['proto.master_ndpi_id'] = masterId(f);
  t['proto.ndpi_breed'] = breedText(f);
  t['proto.ndpi_cat_id'] = categoryId(f);
  t['proto.ndpi_cat'] = categoryText(f);
  t['seen.first'] = secs(f.firstSeen);
  t['seen.last'] = secs(f.lastSeen);
  t.duration = duration(f);
  Object.assign(t, directionTraffic(c2s, 'cli2srv'), directionTraffic(s2c, 'srv2cli'));
  const statuses = ctx.statuses;
  const st = statuses?.peek(f);
  t.score = st?.score ?? -1;
  if (isIcmp(f)) t.icmp = { type: f.icmpType, code: f.icmpCode };
  if (f.isTcp) {
    t['tcp.seq_problems'] = c2s.tcpIssues + s2c.tcpIssues > 0;
    t['tcp.nw_latency.client'] = 0;
    t['tcp.nw_latency.server'] = 0;
    t['tcp.appl_latency'] = 0;
    t['tcp.max_thpt.cli2srv'] = 0;
    t['tcp.max_thpt.srv2cli'] = 0;
    tcpDirection(c2s, 'cli2srv', t);
    tcpDirection(s2c, 'srv2cli', t);
    t.tcp_established = f.threeWayHandshake && !f.finSeen && !f.rstSeen;
    t.tcp_connecting = !f.threeWayHandshake && !f.rstSeen;
    t.tcp_closed = f.finSeen;
    t.tcp_reset = f.rstSeen;
  }
  const host = f.l7?.host ?? f.l7?.tls?.sni ?? f.l7?.http?.host;
  if (host) t.host_server_name = host;
  const info = f.l7?.info;
  if (info) t.info = info;
  Object.assign(t, httpInfo(f), dnsInfo(f), sshInfo(f), tlsInfo(f, '2019.11'));
  t['moreinfo.json'] = '{}';
  const seconds = Math.max(0, f.lastSeen - f.firstSeen);
  const all = throughput(f.bytes, f.packets, seconds);
  const up = throughput(c2s.bytes, c2s.packets, seconds);
  const down = throughput(s2c.bytes, s2c.packets, seconds);
  t.top_throughput_bps = all.bps;
  t.throughput_bps = all.bps;
  t.throughput_trend_bps = 0;
  t.top_throughput_pps = all.pps;
  t.throughput_pps = all.pps;
  t.throughput_trend_pps = 0;
  t.throughput_cli2srv_bps = up.bps;
  t.throughput_srv2cli_bps = down.bps;
  t.throughput_cli2srv_pps = up.pps;
  t.throughput_srv2cli_pps = down.pps;
  t['interarrival.cli2srv'] = iat(c2s, 'x').x ?? {};
  t['interarrival.srv2cli'] = iat(s2c, 'x').x ?? {};
  t['flow.idle'] = f.state === 'ended';
  const bitmap = statuses ? Number(statuses.bitmap(f)) : 0;
  t['flow.status'] = st?.predominant ?? 0;
  t.status_map = bitmap;
  if (st?.alerted) {
    t['flow.alerted'] = true;
    t.alerted_status = st.alertedStatus;
    if (st.statusInfo !== undefined) t.status_info = st.statusInfo;
  }
  t['ntopng.key'] = f.keyHash >>> 0;
  t.hash_entry_id = f.id;
  return t;
}

export function mudInfo(f: Flow, ctx: BindingContext): Table {
  const t: Table = {};
  const host = f.l7?.tls?.certificateSubject ?? f.l7?.host ?? f.l7?.tls?.sni;
  if (host) t.host_server_name = host;
  const query = f.l7?.dns?.query;
  if (query !== undefined) t['protos.dns.last_query'] = query;
  t.is_local = cliLocal(f, ctx) && srvLocal(f, ctx);
  // MUD recording is a per-host preference that nobody set: "disabled" (spec §6, mud.lua)
  t['cli.mud_recording'] = 'disabled';
  t['srv.mud_recording'] = 'disabled';
  t['cli.serialize_by_mac'] = false;
  t['srv.serialize_by_mac'] = false;
  t['cli.mac'] = NO_MAC;
  t['srv.mac'] = NO_MAC;
  if (ctx.profile === '4.2') {
    t['cli.devtype'] = 0;
    t['srv.devtype'] = 0;
  }
  return t;
}

