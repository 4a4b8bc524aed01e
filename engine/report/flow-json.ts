import type { Flow } from '../flows/flow';
import type { DirectionStats, SeriesStats } from '../flows/direction-stats';
import { l4Name } from './l4-names';
import { riskNames } from '../dpi/risks/names';

/**
 * The stable JSON form of a flow printed by `flowscript flows --json` (format
 * "flowscript-flows/1", documented in docs/cli.md). Field names follow the nDPI
 * ground-truth files so that the two can be compared field by field; fields after
 * `last_seen` are ours.
 */
export interface FlowJson {
  id: number;
  l4: string;
  ip_version: 4 | 6;
  client: { ip: string; port: number };
  server: { ip: string; port: number };
  bidirectional: boolean;
  vlan: number | null;
  tunnel: string | null;
  c2s: DirectionJson;
  s2c: DirectionJson;
  duration_s: number;
  first_seen: number;
  last_seen: number;
  l4_proto: number;
  end_reason: string | null;
  first_packet: number;
  tcp?: {
    three_way_handshake: boolean;
    flags_c2s: string;
    flags_s2c: string;
  };
  icmp?: { type: number; code: number; max_payload: number };
  /** With L7 detection (the default), as the ground-truth files name them: */
  proto?: string;
  master?: string | null;
  app?: string;
  category?: string | null;
  confidence?: string;
  host?: string | null;
  /** nDPI flow risks, by name as nDPI prints them, in id order (api/ndpi/risks.ts). */
  risks?: string[];
}

export interface DirectionJson {
  packets: number;
  bytes: number;
  goodput_bytes: number;
  /** The fields below only with `details` (they cost most of the output time and size). */
  fragments?: number;
  pkt_len?: { min: number; max: number; avg: number; stddev: number };
  iat_ms?: { min: number; max: number; avg: number; stddev: number };
  tcp?: { retransmissions: number; out_of_order: number; lost: number; keep_alive: number };
}

/**
 * The JSON line of a flow, written directly as text: `flowscript flows --json` prints one
 * per flow, and building an object for JSON.stringify took twice as long on big
 * captures. Every string value here is an address, a fixed name or flag letters, so
 * nothing needs escaping, except what comes from packets (host names), which goes
 * through JSON.stringify. `details` adds per-direction packet-length and inter-arrival
 * statistics, fragments and TCP sequence anomalies.
 */
export function flowJsonLine(flow: Flow, details = false): string {
  const tcp = flow.isTcp;
  let line =
    `{"id":${flow.id},"l4":"${l4Name(flow.l4Proto)}","ip_version":${flow.ipVersion},` +
    `"client":{"ip":"${flow.clientIp}","port":${flow.clientPort}},` +
    `"server":{"ip":"${flow.serverIp}","port":${flow.serverPort}},` +
    `"bidirectional":${flow.bidirectional},"vlan":${flow.vlan === 0 ? 'null' : flow.vlan},` +
    `"tunnel":${flow.tunnel === '' ? 'null' : `"${flow.tunnel}"`},` +
    `"c2s":${directionJson(flow.clientToServer, tcp, details)},"s2c":${directionJson(flow.serverToClient, tcp, details)},` +
    `"duration_s":${round(flow.durationSeconds, 2)},"first_seen":${millisText(flow.firstSeen)},"last_seen":${millisText(flow.lastSeen)},` +
    `"l4_proto":${flow.l4Proto},"end_reason":${flow.endReason ? `"${flow.endReason}"` : 'null'},"first_packet":${flow.firstPacket}`;
  if (tcp) {
    line +=
      `,"tcp":{"three_way_handshake":${flow.threeWayHandshake},` +
      `"flags_c2s":"${tcpFlagsText(flow.clientToServer.tcpFlags)}","flags_s2c":"${tcpFlagsText(flow.serverToClient.tcpFlags)}"}`;
  }
  if (flow.icmpType >= 0) line += `,"icmp":{"type":${flow.icmpType},"code":${flow.icmpCode},"max_payload":${flow.maxIcmpPayload}}`;
  const l7 = flow.l7;
  if (l7) {
    line +=
      `,"proto":${JSON.stringify(l7.label)},"master":${l7.master === 'Unknown' ? 'null' : JSON.stringify(l7.master)},` +
      `"app":${JSON.stringify(l7.app)},"category":${l7.category === undefined ? 'null' : JSON.stringify(l7.category)},` +
      `"confidence":"${l7.confidence}","host":${l7.host === undefined ? 'null' : JSON.stringify(l7.host)},` +
      `"risks":${l7.hasAnyRisk ? JSON.stringify(riskNames(l7)) : '[]'}`;
  }
  return line + '}';
}

/** The same as an object (for the text table, tests and other in-process consumers). */
export function flowToJson(flow: Flow, details = false): FlowJson {
  return JSON.parse(flowJsonLine(flow, details)) as FlowJson;
}

function directionJson(dir: DirectionStats, tcp: boolean, details: boolean): string {
  const counts = `{"packets":${dir.packets},"bytes":${dir.bytes},"goodput_bytes":${dir.goodputBytes}`;
  if (!details) return counts + '}';
  let text = `${counts},"fragments":${dir.fragments},"pkt_len":${statsJson(dir.packetLength)},"iat_ms":${statsJson(dir.interArrival)}`;
  if (tcp) {
    text += `,"tcp":{"retransmissions":${dir.retransmissions},"out_of_order":${dir.outOfOrder},"lost":${dir.lost},"keep_alive":${dir.keepAlive}}`;
  }
  return text + '}';
}

function statsJson(s: SeriesStats): string {
  return `{"min":${round(s.min, 3)},"max":${round(s.max, 3)},"avg":${round(s.average, 3)},"stddev":${round(s.stddev, 3)}}`;
}

const FLAG_LETTERS = ['F', 'S', 'R', 'P', 'A', 'U', 'E', 'C'];

/** TCP flags as letters, e.g. "SAF" for SYN+ACK+FIN seen ('' when none). */
export function tcpFlagsText(flags: number): string {
  let text = '';
  for (let bit = 0; bit < 8; bit++) if (flags & (1 << bit)) text += FLAG_LETTERS[bit];
  return text;
}

/**
 * Epoch seconds truncated to milliseconds, as the ground-truth files write them, as JSON
 * number text. Built from two integers: printing the double itself (shortest round-trip
 * form) was the slowest part of the line.
 */
function millisText(seconds: number): string {
  const millis = Math.floor(seconds * 1000 + 1e-6);
  const whole = Math.floor(millis / 1000);
  const fraction = millis - whole * 1000;
  if (fraction === 0) return String(whole);
  const digits = String(fraction).padStart(3, '0').replace(/0+$/, '');
  return `${whole}.${digits}`;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
