// The decoder on every shared real-world capture, compared with its ground truth:
//
// 1. Layer counts against tshark's `file.frame_features` ("frames containing layer X
//    anywhere"). Ours come from DecodedPacket.layers, which records every header the
//    decoder met, outer and inner (so 6in4 frames count as IPv4 and IPv6, Teredo frames
//    count their carried IPv6/ICMPv6). Two things tshark does that a flow decoder need
//    not are handled explicitly:
//    - tshark dissects the IP header quoted inside ICMP/ICMPv6 error messages and counts
//      its TCP/UDP layer; the test adds those from the ICMP payload (see quotedLayer).
//    - KNOWN_DIFFERENCES: a few frames tshark dissects and we deliberately do not; each
//      is asserted to the exact count, with the reason.
//    Everything else must be equal.
// 2. Flow keys against ndpiReader's flows (`flows[]`), decoding with ndpiReader's option
//    (ipAfterUnknownEtherType): every (VLAN, protocol, addresses, ports) ndpiReader
//    reports must be produced by the decoder from some packet, and every key the decoder
//    produces from a packet ndpiReader would count must be one of its flows.
//    This pins the VLAN rule (innermost tag), 6in4 (inner), Teredo (outer), fragments
//    (first keyed, later ones not) and the TCP-shorter-than-20-bytes rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readCaptureFile } from '../../engine/capture';
import {
  decodePacket, hasIpKey, newDecodedPacket, DecodeStats,
  LAYER_ICMP, LAYER_ICMPV6, LAYER_IPV4, LAYER_IPV6, LAYER_TCP, LAYER_UDP,
  type DecodedPacket,
} from '../../engine/decode';
import { SHARED_CAPTURES, sharedCapturePath } from '../support/shared-pcaps';
import { ipv4Address, ipv6Address } from '../support/packet-builders';

const FEATURES = [
  'vlan_frames', 'ipv4_frames', 'ipv6_frames', 'tcp_frames', 'udp_frames', 'icmp_frames', 'icmpv6_frames', 'non_ip_frames',
] as const;
type Feature = (typeof FEATURES)[number];
type Features = Record<Feature, number>;

/** Frames tshark dissects and the decoder deliberately does not: ours minus tshark's. */
const KNOWN_DIFFERENCES: Record<string, { delta: Partial<Features>; why: string }> = {
  'ajp.pcap': {
    delta: { vlan_frames: -12, ipv4_frames: -12, tcp_frames: -12, non_ip_frames: 12 },
    why: '12 frames are Cisco FabricPath (EtherType 0x8903) wrapping a tagged Ethernet frame; tshark '
      + 'dissects FabricPath, we treat 0x8903 as non-IP (ndpiReader parses its bytes as a bogus IPv4 '
      + 'header and reports two protocol-80 flows from them)',
  },
  'fuzz-2006-09-29-28586.pcap': {
    delta: { ipv4_frames: -2, non_ip_frames: 2 },
    why: 'frames 76 and 91 have EtherType IPv4 but version 1 and 2; tshark shows a malformed IPv4 layer, '
      + 'we skip them as bad-ip-header (ndpiReader drops them too)',
  },
  'fuzz-2021-10-13.pcap': {
    delta: { ipv6_frames: 1, tcp_frames: 1, non_ip_frames: -1 },
    why: 'the BSD loopback family field holds garbage (0x6c002f00); tshark gives up, we fall back to the '
      + 'version nibble of the next byte (6) and decode IPv6/TCP, as ndpiReader does (it takes any family '
      + 'but 2 as IPv6 and reports this TCP flow)',
  },
};

/** ndpiReader flows that no decoder should produce, with the reason. */
const BOGUS_NDPI_FLOWS: Record<string, { count: number; why: string }> = {
  'ajp.pcap': {
    count: 2,
    why: 'protocol-80 "flows" read from Cisco FabricPath bytes as an IPv4 header with header length 0, '
      + 'which even the ndpiReader option does not accept',
  },
};

/** Captures whose ndpiReader flows cannot be compared key by key. */
const NO_FLOW_KEY_CHECK: Record<string, string> = {
  'fuzz-2021-10-13.pcap':
    'the record header is corrupt (captured length 524501 in a 239-byte file); libpcap and our reader '
    + 'recover different bytes, and ndpiReader prints an impossible IPv6 address (302e::3d00::8001)',
};

const L4_NUMBERS: Record<string, number> = { TCP: 6, UDP: 17, ICMP: 1, ICMPV6: 58, IGMP: 2 };

interface NdpiFlow {
  l4: string;
  ip_version: 4 | 6;
  vlan: number | null;
  client: { ip: string; port: number };
  server: { ip: string; port: number };
}

interface GroundTruthFile {
  file: { packets: number; frame_features: Features };
  flows: NdpiFlow[];
}

function hex(data: ArrayLike<number>, offset: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += (data[offset + i] + 0x100).toString(16).slice(1);
  return text;
}

function flowKey(vlan: number, proto: number, a: string, aPort: number, b: string, bPort: number): string {
  return `${vlan}|${proto}|${a}:${aPort}|${b}:${bPort}`;
}

function ndpiFlowKey(flow: NdpiFlow): string {
  const bytesOf = (ip: string) => (flow.ip_version === 4 ? ipv4Address(ip) : ipv6Address(ip));
  const proto = L4_NUMBERS[flow.l4] ?? Number(flow.l4);
  const client = hex(bytesOf(flow.client.ip), 0, flow.ip_version === 4 ? 4 : 16);
  const server = hex(bytesOf(flow.server.ip), 0, flow.ip_version === 4 ? 4 : 16);
  return flowKey(flow.vlan ?? 0, proto, client, flow.client.port, server, flow.server.port);
}

/** Both directions of the decoded packet's key. */
function decodedKeys(data: Uint8Array, d: DecodedPacket): [string, string] {
  const length = d.ipVersion === 4 ? 4 : 16;
  const src = hex(data, d.srcAddrOffset, length);
  const dst = hex(data, d.dstAddrOffset, length);
  return [
    flowKey(d.vlan, d.l4Proto, src, d.srcPort, dst, d.dstPort),
    flowKey(d.vlan, d.l4Proto, dst, d.dstPort, src, d.srcPort),
  ];
}

/**
 * The transport layer of the IP header quoted in an ICMP/ICMPv6 error (destination
 * unreachable, time exceeded, parameter problem, ... and ICMPv6 1-4), which tshark counts.
 */
function quotedLayer(data: Uint8Array, d: DecodedPacket): number {
  const isError = d.l4Proto === 1 ? [3, 4, 5, 11, 12].includes(d.icmpType) : d.l4Proto === 58 && d.icmpType >= 1 && d.icmpType <= 4;
  if (!isError) return 0;
  const at = d.payloadOffset;
  const end = d.payloadOffset + d.payloadLength;
  let proto = -1;
  if (end - at >= 20 && data[at] >> 4 === 4) proto = data[at + 9];
  else if (end - at >= 40 && data[at] >> 4 === 6) proto = data[at + 6];
  return proto === 6 ? LAYER_TCP : proto === 17 ? LAYER_UDP : 0;
}

interface CaptureResult {
  stats: DecodeStats;
  features: Features;
  /** Every direction of every key the decoder produced (both per packet). */
  keys: Set<string>;
  /** One entry per decoded conversation: its two directions. */
  conversations: Map<string, string>;
}

const NDPI_READER_OPTIONS = { ipAfterUnknownEtherType: true };

function decodeCapture(name: string): CaptureResult {
  const d = newDecodedPacket();
  const n = newDecodedPacket();
  const stats = new DecodeStats();
  const features = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features;
  const keys = new Set<string>();
  const conversations = new Map<string, string>();
  readCaptureFile(sharedCapturePath(name), {
    packet(packet) {
      const reason = decodePacket(packet, d);
      stats.count(reason, d);
      const layers = d.layers | (reason === null ? quotedLayer(packet.data, d) : 0);
      if (d.vlanTags > 0) features.vlan_frames++;
      if (layers & LAYER_IPV4) features.ipv4_frames++;
      if (layers & LAYER_IPV6) features.ipv6_frames++;
      if (layers & LAYER_TCP) features.tcp_frames++;
      if (layers & LAYER_UDP) features.udp_frames++;
      if (layers & LAYER_ICMP) features.icmp_frames++;
      if (layers & LAYER_ICMPV6) features.icmpv6_frames++;
      if ((layers & (LAYER_IPV4 | LAYER_IPV6)) === 0) features.non_ip_frames++;
      // What ndpiReader 4.2 would count on a flow: complete IP packets that are not later
      // fragments, including those whose transport header is short (keyed with what is there).
      const ndpiReason = decodePacket(packet, n, NDPI_READER_OPTIONS);
      if (hasIpKey(ndpiReason) && !n.ipTruncated && !n.laterFragment) {
        const [forward, backward] = decodedKeys(packet.data, n);
        keys.add(forward);
        keys.add(backward);
        if (!conversations.has(backward)) conversations.set(forward, backward);
      }
    },
    issue() {
      // Container problems are the capture stage's business (fuzz-2021-10-13.pcap has two).
    },
  });
  return { stats, features, keys, conversations };
}


test('decoder vs tshark frame features and ndpiReader flow keys on every shared capture', (t) => {
  const total = new DecodeStats();
  const header = `${'capture'.padEnd(36)} ${'pkts'.padStart(5)} ${'flow'.padStart(5)}  ${FEATURES.map((f) => f.replace('_frames', '').padStart(11)).join('')}  skipped`;
  t.diagnostic('features as ours/tshark (= when equal); * marks a documented difference');
  t.diagnostic(header);
  let comparedCaptures = 0;
  let checkedFlows = 0;

  for (const name of SHARED_CAPTURES) {
    const truth = JSON.parse(readFileSync(sharedCapturePath(`${name}.ndpi.json`), 'utf8')) as GroundTruthFile;
    const { stats, features, keys, conversations } = decodeCapture(name);
    total.merge(stats);
    assert.equal(stats.packets, truth.file.packets, `${name}: packets read`);

    const expected = truth.file.frame_features;
    const known = KNOWN_DIFFERENCES[name];
    const cells = FEATURES.map((f) => {
      const mark = known?.delta[f] !== undefined ? '*' : '';
      return (features[f] === expected[f] ? `=${expected[f]}${mark}` : `${features[f]}/${expected[f]}${mark}`).padStart(11);
    });
    const skipped = stats.nonZeroSkips().map(([reason, n]) => `${reason} ${n}`).join(', ');
    t.diagnostic(`${name.padEnd(36)} ${String(stats.packets).padStart(5)} ${String(stats.flowPackets).padStart(5)}  ${cells.join('')}  ${skipped}`);

    for (const f of FEATURES) {
      const delta = known?.delta[f] ?? 0;
      assert.equal(features[f] - expected[f], delta, `${name} ${f}: ours ${features[f]}, tshark ${expected[f]}${delta ? ` (${known!.why})` : ''}`);
    }
    comparedCaptures++;

    if (NO_FLOW_KEY_CHECK[name]) continue;
    const theirs = new Set<string>();
    const missing: string[] = [];
    for (const flow of truth.flows) {
      const key = ndpiFlowKey(flow);
      theirs.add(key);
      if (!keys.has(key)) missing.push(`${flow.l4} ${flow.client.ip}:${flow.client.port} -> ${flow.server.ip}:${flow.server.port} vlan ${flow.vlan}`);
    }
    assert.equal(missing.length, BOGUS_NDPI_FLOWS[name]?.count ?? 0, `${name}: ndpiReader flows the decoder never keys: ${missing.join('; ')}`);
    const extra = [...conversations].filter(([forward, backward]) => !theirs.has(forward) && !theirs.has(backward));
    assert.deepEqual(extra, [], `${name}: decoded conversations ndpiReader has no flow for`);
    checkedFlows += truth.flows.length - missing.length;
  }

  t.diagnostic(`total: ${total.packets} packets, ${total.flowPackets} flow packets, skipped ${JSON.stringify(Object.fromEntries(total.nonZeroSkips()))}`);
  t.diagnostic(`${comparedCaptures} captures compared with tshark, ${checkedFlows} ndpiReader flows matched key by key`);
  for (const [name, { why }] of Object.entries(KNOWN_DIFFERENCES)) t.diagnostic(`* ${name}: ${why}`);
  assert.equal(comparedCaptures, SHARED_CAPTURES.length);
  assert.equal(total.flowPackets + total.skippedTotal, total.packets);
});

test('ground-truth anchors: VLAN ids, 6in4 inner keying, Teredo outer keying, fragments', () => {
  // ajp.pcap: every AJP packet is tagged 7; whois.pcapng mixes untagged and ids 1603/1908.
  const vlansOf = (name: string) => {
    const seen = new Map<number, number>();
    const d = newDecodedPacket();
    readCaptureFile(sharedCapturePath(name), {
      packet(packet) {
        if (decodePacket(packet, d) === null) seen.set(d.vlan, (seen.get(d.vlan) ?? 0) + 1);
      },
    });
    return Object.fromEntries([...seen].sort((a, b) => a[0] - b[0]));
  };
  assert.deepEqual(vlansOf('ajp.pcap'), { 7: 26 });
  assert.deepEqual(vlansOf('whois.pcapng'), { 0: 11, 1603: 7, 1908: 5 });

  const summarize = (name: string) => {
    const d = newDecodedPacket();
    const out = { packets: 0, tunnel: new Map<string, number>(), carries: 0, ipv6Keyed: 0, later: 0 };
    readCaptureFile(sharedCapturePath(name), {
      packet(packet) {
        if (decodePacket(packet, d) !== null) return;
        out.packets++;
        out.tunnel.set(d.tunnel, (out.tunnel.get(d.tunnel) ?? 0) + 1);
        if (d.carries === 'teredo') out.carries++;
        if (d.ipVersion === 6) out.ipv6Keyed++;
        if (d.laterFragment) out.later++;
      },
    });
    return out;
  };
  const sixInFour = summarize('6in4tunnel.pcap');
  assert.equal(sixInFour.packets, 127);
  assert.equal(sixInFour.tunnel.get('6in4'), 127);
  assert.equal(sixInFour.ipv6Keyed, 127);
  const teredo = summarize('teredo.pcap');
  assert.equal(teredo.packets, 24);
  assert.equal(teredo.tunnel.get(''), 24);
  assert.equal(teredo.ipv6Keyed, 0);
  assert.equal(teredo.carries, 24);
  // dns_fragmented.pcap: 4 IPv4 and 3 IPv6 fragmented answers, each in two fragments.
  assert.equal(summarize('dns_fragmented.pcap').later, 7);
});

test('ndpiReader per-flow packet counts are reproduced from the decoded packets', (t) => {
  // Counting every packet ndpiReader would count (complete, not a later fragment, at least
  // the 28 bytes its reader insists on) on its directional key must give each of its flows
  // exactly its c2s/s2c packet counts: this pins which packets the decoder attributes where.
  let matched = 0;
  const differing: string[] = [];
  const d = newDecodedPacket();
  for (const name of SHARED_CAPTURES) {
    if (NO_FLOW_KEY_CHECK[name]) continue;
    const truth = JSON.parse(readFileSync(sharedCapturePath(`${name}.ndpi.json`), 'utf8')) as GroundTruthFile & {
      flows: Array<NdpiFlow & { c2s: { packets: number }; s2c: { packets: number } }>;
    };
    const perDirection = new Map<string, number>();
    readCaptureFile(sharedCapturePath(name), {
      packet(packet) {
        const reason = decodePacket(packet, d, NDPI_READER_OPTIONS);
        if (!hasIpKey(reason) || d.ipTruncated || d.laterFragment || packet.capturedLength < 28) return;
        const [forward] = decodedKeys(packet.data, d);
        perDirection.set(forward, (perDirection.get(forward) ?? 0) + 1);
      },
    });
    for (const flow of truth.flows) {
      const key = ndpiFlowKey(flow);
      const reversed = ndpiFlowKey({ ...flow, client: flow.server, server: flow.client });
      const c2s = perDirection.get(key) ?? 0;
      const s2c = key === reversed ? 0 : perDirection.get(reversed) ?? 0;
      // A flow from an endpoint to itself has one key: ndpiReader counts it all client-to-server.
      if (c2s === flow.c2s.packets && s2c === flow.s2c.packets) matched++;
      else differing.push(`${name} ${flow.l4} ${flow.client.ip}:${flow.client.port} -> ${flow.server.ip}:${flow.server.port}: ours ${c2s}/${s2c}, ndpiReader ${flow.c2s.packets}/${flow.s2c.packets}`);
    }
  }
  t.diagnostic(`${matched} ndpiReader flows with identical per-direction packet counts`);
  for (const line of differing) t.diagnostic(`differs: ${line}`);
  assert.equal(differing.length, BOGUS_NDPI_FLOWS['ajp.pcap'].count, 'only the ajp FabricPath "flows" differ');
  assert.ok(differing.every((line) => line.startsWith('ajp.pcap 80 ')));
  assert.ok(matched > 500);
});
