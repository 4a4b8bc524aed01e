// Every skip reason, from the exact case that produces it; and snaplen cuts that are not skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePacket, hasIpKey, newDecodedPacket } from '../../engine/decode';
import {
  addressAt, bytes, captured, cut, ethernet, filler, gtpU, igmp, ipv4, ipv6, ipv6Ext, loopback, mpls,
  pppoeSession, sll, sll2, tcp, udp,
} from '../support/packet-builders';

const d = newDecodedPacket();
const segment = tcp({ sport: 1025, dport: 80, options: [2, 4, 5, 0xb4], payload: filler(40) });
const v4tcp = ipv4({ protocol: 6, payload: segment });
const frame = ethernet({ etherType: 0x0800, payload: v4tcp });
const eth = (payload: Uint8Array) => captured(1, ethernet({ etherType: 0x0800, payload }));
const eth6 = (payload: Uint8Array) => captured(1, ethernet({ etherType: 0x86dd, payload }));

test('truncated-link-header: each link header cut short', () => {
  const cases: Array<[string, number, Uint8Array]> = [
    ['empty Ethernet', 1, new Uint8Array(0)],
    ['Ethernet 13 bytes', 1, cut(frame, 13)],
    ['SLL 15 bytes', 113, cut(sll(0x0800, v4tcp), 15)],
    ['SLL2 19 bytes', 276, cut(sll2(0x0800, v4tcp), 19)],
    ['null 3 bytes', 0, cut(loopback(2, v4tcp, 'le'), 3)],
    ['loop 2 bytes', 108, cut(loopback(2, v4tcp, 'be'), 2)],
    ['C-HDLC 3 bytes', 104, new Uint8Array([0x0f, 0, 0x08])],
    ['PPP address/control only', 9, new Uint8Array([0xff, 0x03])],
    ['PPP 2-byte protocol cut', 9, new Uint8Array([0xff, 0x03, 0x00])],
    ['VLAN tag cut', 1, cut(ethernet({ etherType: 0x0800, vlans: [{ id: 5 }], payload: v4tcp }), 16)],
    ['second VLAN tag cut', 1, cut(ethernet({ etherType: 0x0800, vlans: [{ id: 5, tpid: 0x88a8 }, { id: 6 }], payload: v4tcp }), 20)],
    ['MPLS label cut', 1, cut(ethernet({ etherType: 0x8847, payload: mpls([1, 2], v4tcp) }), 20)],
    ['MPLS stack without bottom', 1, ethernet({ etherType: 0x8847, payload: [0, 0, 0x10, 64, 0, 0, 0x20, 64] })],
    ['PPPoE header cut', 1, cut(ethernet({ etherType: 0x8864, payload: pppoeSession(0x21, v4tcp) }), 21)],
    ['LLC/SNAP cut', 1, bytes(cut(frame, 12), [0, 40], [0xaa, 0xaa, 0x03, 0, 0])],
  ];
  for (const [name, linkType, data] of cases) {
    assert.equal(decodePacket(captured(linkType, data), d), 'truncated-link-header', name);
  }
});

test('unsupported-link-type and non-ip', () => {
  assert.equal(decodePacket(captured(105, frame), d), 'unsupported-link-type');
  assert.equal(decodePacket(captured(1, ethernet({ etherType: 0x88cc, payload: filler(30) })), d), 'non-ip');
});

test('truncated-ip-header: IP headers that do not fit in the captured bytes', () => {
  const withOptions = ipv4({ protocol: 6, options: filler(40, 1), payload: segment });
  const chain = ipv6({ nextHeader: 0, payload: bytes(ipv6Ext.hopByHop(60, 0), ipv6Ext.destination(6, 3), segment) });
  const cases: Array<[string, ReturnType<typeof captured>]> = [
    ['nothing after the EtherType', captured(1, cut(frame, 14))],
    ['IPv4 19 bytes', captured(1, cut(frame, 14 + 19))],
    ['IPv4 options cut (IHL 15, 40 bytes captured)', captured(1, cut(ethernet({ etherType: 0x0800, payload: withOptions }), 14 + 40))],
    ['IPv6 39 bytes', captured(1, cut(ethernet({ etherType: 0x86dd, payload: chain }), 14 + 39))],
    ['IPv6 extension header cut by the capture', captured(1, cut(ethernet({ etherType: 0x86dd, payload: chain }), 14 + 40 + 8 + 20))],
    ['IPv6 fragment header cut by the capture', captured(1, cut(eth6(ipv6({ nextHeader: 44, payload: bytes(ipv6Ext.fragment(17, 0, true, 1), udp({ sport: 1, dport: 2 })) })).data, 14 + 44))],
    ['MPLS bottom of stack then nothing', captured(1, ethernet({ etherType: 0x8847, payload: mpls([3], []) }))],
    ['raw IP, empty', captured(101, new Uint8Array(0))],
    ['6in4 inner IPv6 cut', captured(1, cut(ethernet({ etherType: 0x0800, payload: ipv4({ protocol: 41, payload: ipv6({ nextHeader: 59, payload: [] }) }) }), 14 + 20 + 30))],
  ];
  for (const [name, packet] of cases) assert.equal(decodePacket(packet, d), 'truncated-ip-header', name);
});

test('bad-ip-header: IP headers that contradict themselves', () => {
  const cases: Array<[string, ReturnType<typeof captured>]> = [
    ['version 5 under EtherType IPv4', eth(ipv4({ protocol: 6, version: 5, payload: segment }))],
    ['IPv6 under EtherType IPv4', captured(1, ethernet({ etherType: 0x0800, payload: ipv6({ nextHeader: 59, payload: [] }) }))],
    ['IHL 4 (16 bytes)', eth(ipv4({ protocol: 6, headerLength: 16, payload: segment }))],
    ['IHL 0', eth(ipv4({ protocol: 6, headerLength: 0, payload: segment }))],
    ['total length under the header length', eth(ipv4({ protocol: 6, totalLength: 19, payload: segment }))],
    ['total length 0 (TSO capture)', eth(ipv4({ protocol: 6, totalLength: 0, payload: segment }))],
    ['IPv6 extension header longer than the payload length', eth6(ipv6({ nextHeader: 0, payloadLength: 16, payload: bytes(ipv6Ext.hopByHop(6, 2), segment) }))],
    ['IPv6 payload length 0 with a hop-by-hop header (jumbogram)', eth6(ipv6({ nextHeader: 0, payloadLength: 0, payload: bytes(ipv6Ext.hopByHop(6, 0), segment) }))],
    ['IPv6 AH longer than the payload', eth6(ipv6({ nextHeader: 51, payloadLength: 12, payload: bytes(ipv6Ext.ah(6, 4), segment) }))],
  ];
  for (const [name, packet] of cases) assert.equal(decodePacket(packet, d), 'bad-ip-header', name);
});

test('snaplen cut after the transport header: a flow packet with ipTruncated and the captured payload', () => {
  const packet = captured(1, cut(frame, 14 + 20 + 24 + 10), { originalLength: frame.length });
  assert.equal(decodePacket(packet, d), null);
  assert.equal(d.ipTruncated, true);
  assert.equal(d.ipPayloadLength, 64);
  assert.equal(d.srcPort, 1025);
  assert.equal(d.payloadOffset, 14 + 20 + 24);
  assert.equal(d.payloadLength, 10);
  // IPv6 likewise.
  const v6 = ethernet({ etherType: 0x86dd, payload: ipv6({ nextHeader: 17, payload: udp({ sport: 5, dport: 6, payload: filler(100) }) }) });
  assert.equal(decodePacket(captured(1, cut(v6, 14 + 40 + 8 + 1)), d), null);
  assert.equal(d.ipTruncated, true);
  assert.equal(d.payloadLength, 1);
});

test('capturedLength is obeyed even when data is longer, and data.length when capturedLength lies', () => {
  assert.equal(decodePacket(captured(1, frame, { capturedLength: 14 + 19 }), d), 'truncated-ip-header');
  assert.equal(decodePacket(captured(1, frame, { capturedLength: 14 + 20 + 24 + 5 }), d), null);
  assert.equal(d.payloadLength, 5);
  assert.equal(d.ipTruncated, true);
  assert.equal(decodePacket(captured(1, cut(frame, 30), { capturedLength: 100_000 }), d), 'truncated-ip-header');
  assert.equal(decodePacket(captured(1, frame, { capturedLength: -5 }), d), 'truncated-link-header');
  assert.equal(decodePacket(captured(1, frame, { capturedLength: Number.NaN }), d), null);
});

test('truncated-transport-header: fixed transport headers that are not all there', () => {
  const cases: Array<[string, ReturnType<typeof captured>]> = [
    ['TCP 19 bytes captured', captured(1, cut(frame, 14 + 20 + 19))],
    ['TCP options cut by the capture', captured(1, cut(frame, 14 + 20 + 22))],
    ['UDP 7 bytes captured', captured(1, cut(ethernet({ etherType: 0x0800, payload: ipv4({ protocol: 17, payload: udp({ sport: 1, dport: 2 }) }) }), 14 + 20 + 7))],
    ['ICMP 4 bytes', eth(ipv4({ protocol: 1, payload: [8, 0, 0, 0] }))],
    ['ICMPv6 1 byte', eth6(ipv6({ nextHeader: 58, payload: [128] }))],
    ['IGMP 6 bytes', eth(ipv4({ protocol: 2, payload: cut(igmp(0x16, '224.0.0.1'), 6) }))],
  ];
  for (const [name, packet] of cases) {
    assert.equal(decodePacket(packet, d), 'truncated-transport-header', name);
    assert.equal(hasIpKey('truncated-transport-header'), true);
  }
});

test('TCP whose IP total length leaves under 20 bytes: skipped, IP key kept with ports 0 (ndpiReader keys it so)', () => {
  // fuzz-2006-09-29-28586.pcap frame 111: total length 35, so 15 bytes of "TCP header".
  const packet = eth(ipv4({ protocol: 6, src: '172.20.3.13', dst: '172.20.3.5', totalLength: 35, payload: segment }));
  assert.equal(decodePacket(packet, d), 'truncated-transport-header');
  assert.equal(d.ipTruncated, false);
  assert.equal(d.l4Proto, 6);
  assert.equal(addressAt(packet.data, d.srcAddrOffset, 4), '172.20.3.13');
  assert.equal(addressAt(packet.data, d.dstAddrOffset, 4), '172.20.3.5');
  assert.equal(d.srcPort, 0);
  assert.equal(d.dstPort, 0);
});

test('ICMP short header still reports type and code', () => {
  assert.equal(decodePacket(eth(ipv4({ protocol: 1, payload: [3, 1, 0, 0] })), d), 'truncated-transport-header');
  assert.equal(d.icmpType, 3);
  assert.equal(d.icmpCode, 1);
});

test('bad-transport-header: TCP data offsets that contradict the header or the IP length; ports kept', () => {
  assert.equal(decodePacket(eth(ipv4({ protocol: 6, payload: tcp({ sport: 43690, dport: 43690, headerLength: 16 }) })), d), 'bad-transport-header');
  assert.equal(d.srcPort, 43690);
  assert.equal(hasIpKey('bad-transport-header'), true);
  // fuzz-2006 frame 80: data offset 40 bytes in a 20-byte TCP segment.
  assert.equal(decodePacket(eth(ipv4({ protocol: 6, payload: tcp({ sport: 7, dport: 8, headerLength: 40 }) })), d), 'bad-transport-header');
  assert.equal(d.dstPort, 8);
});

test('tunnel inner packets inherit the same rules', () => {
  const user = ipv4({ protocol: 6, payload: tcp({ sport: 1, dport: 2 }) });
  const gtp = ethernet({ etherType: 0x0800, payload: ipv4({ protocol: 17, payload: udp({ sport: 2152, dport: 2152, payload: gtpU(user) }) }) });
  assert.equal(decodePacket(captured(1, cut(gtp, gtp.length - 25)), d), 'truncated-ip-header');
  assert.equal(decodePacket(captured(1, cut(gtp, gtp.length - 5)), d), 'truncated-transport-header');
  assert.equal(d.tunnel, 'gtp');
  assert.equal(d.ipTruncated, true);
});

test('hasIpKey is false for link and IP level skips', () => {
  for (const reason of ['truncated-link-header', 'unsupported-link-type', 'non-ip', 'truncated-ip-header', 'bad-ip-header', 'tunnel-too-deep'] as const) {
    assert.equal(hasIpKey(reason), false, reason);
  }
  assert.equal(hasIpKey(null), true);
});
