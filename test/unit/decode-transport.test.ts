// Transport layer: TCP (flags, seq/ack, window, options), UDP, ICMP, ICMPv6, IGMP, GRE, others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePacket, newDecodedPacket, LAYER_GRE, LAYER_IGMP } from '../../engine/decode';
import {
  captured, ethernet, filler, gre, icmp, igmp, ipv4, ipv6, tcp, TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN, udp,
} from '../support/packet-builders';

const d = newDecodedPacket();
const over4 = (protocol: number, payload: Uint8Array) => captured(1, ethernet({ etherType: 0x0800, payload: ipv4({ protocol, payload }) }));
const over6 = (nextHeader: number, payload: Uint8Array) => captured(1, ethernet({ etherType: 0x86dd, payload: ipv6({ nextHeader, payload }) }));

test('TCP: ports, flags, sequence and acknowledgement (full 32-bit range), window', () => {
  const pkt = over4(6, tcp({
    sport: 65535, dport: 1, seq: 0xfffffff0, ack: 0x80000001, flags: TCP_SYN | TCP_ACK | 0x80, window: 29200,
  }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.srcPort, 65535);
  assert.equal(d.dstPort, 1);
  assert.equal(d.tcpSeq, 0xfffffff0);
  assert.equal(d.tcpAck, 0x80000001);
  assert.equal(d.tcpFlags, 0x80 | TCP_SYN | TCP_ACK);
  assert.equal(d.tcpWindow, 29200);
  assert.equal(d.icmpType, -1);
  assert.equal(d.payloadLength, 0);
});

test('TCP options: the data offset places the payload after them', () => {
  const options = [0x02, 0x04, 0x05, 0xb4, 0x01, 0x03, 0x03, 0x07, 0x04, 0x02, 0x08, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8];
  const pkt = over4(6, tcp({ sport: 443, dport: 50000, flags: TCP_PSH | TCP_ACK, options, payload: filler(100) }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.l4Offset, 34);
  assert.equal(d.payloadOffset, 34 + 40);
  assert.equal(d.payloadLength, 100);
  assert.equal(pkt.data[d.payloadOffset], 0xab);
});

test('TCP over IPv6 with FIN', () => {
  assert.equal(decodePacket(over6(6, tcp({ sport: 21, dport: 40000, flags: TCP_FIN | TCP_ACK, payload: filler(7) })), d), null);
  assert.equal(d.ipVersion, 6);
  assert.equal(d.tcpFlags, TCP_FIN | TCP_ACK);
  assert.equal(d.payloadOffset, 14 + 40 + 20);
  assert.equal(d.payloadLength, 7);
});

test('UDP payload follows the IP length, not the UDP length field', () => {
  const liar = over4(17, udp({ sport: 123, dport: 123, payload: filler(48), length: 9000 }));
  assert.equal(decodePacket(liar, d), null);
  assert.equal(d.srcPort, 123);
  assert.equal(d.payloadOffset, 42);
  assert.equal(d.payloadLength, 48);
  const short = over4(17, udp({ sport: 123, dport: 123, payload: filler(48), length: 8 }));
  assert.equal(decodePacket(short, d), null);
  assert.equal(d.payloadLength, 48);
});

test('ICMP echo: type and code, ports 0, payload after the 8-byte header', () => {
  assert.equal(decodePacket(over4(1, icmp(8, 0, filler(56))), d), null);
  assert.equal(d.l4Proto, 1);
  assert.equal(d.icmpType, 8);
  assert.equal(d.icmpCode, 0);
  assert.equal(d.srcPort, 0);
  assert.equal(d.dstPort, 0);
  assert.equal(d.payloadOffset, 42);
  assert.equal(d.payloadLength, 56);
  assert.equal(d.tcpFlags, 0);
});

test('ICMP destination unreachable keeps its own type/code (the quoted header is payload)', () => {
  const quoted = ipv4({ protocol: 17, payload: udp({ sport: 5000, dport: 53 }) });
  assert.equal(decodePacket(over4(1, icmp(3, 3, quoted)), d), null);
  assert.equal(d.icmpType, 3);
  assert.equal(d.icmpCode, 3);
  assert.equal(d.l4Proto, 1);
  assert.equal(d.srcPort, 0);
  assert.equal(d.payloadLength, 28);
});

test('ICMPv6 neighbour solicitation', () => {
  assert.equal(decodePacket(over6(58, icmp(135, 0, filler(16))), d), null);
  assert.equal(d.l4Proto, 58);
  assert.equal(d.icmpType, 135);
  assert.equal(d.icmpCode, 0);
  assert.equal(d.payloadLength, 16);
});

test('IGMP: a protocol-number flow, no ICMP type', () => {
  assert.equal(decodePacket(over4(2, igmp(0x16, '224.0.0.22')), d), null);
  assert.equal(d.l4Proto, 2);
  assert.equal(d.icmpType, -1);
  assert.equal(d.srcPort, 0);
  assert.equal(d.payloadLength, 0);
  assert.ok(d.layers & LAYER_IGMP);
});

test('GRE: keyed on the outer addresses and protocol 47, whole GRE packet as payload', () => {
  const inner = ipv4({ protocol: 6, payload: tcp({ sport: 1, dport: 2 }) });
  const pkt = over4(47, gre(0x0800, inner));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.l4Proto, 47);
  assert.equal(d.tunnel, '');
  assert.equal(d.ipOffset, 14);
  assert.equal(d.srcPort, 0);
  assert.equal(d.payloadOffset, 34);
  assert.equal(d.payloadLength, 4 + inner.length);
  assert.ok(d.layers & LAYER_GRE);
});

test('unknown and port-bearing non-TCP/UDP protocols are protocol-number flows with ports 0', () => {
  for (const protocol of [132 /* SCTP */, 103 /* PIM */, 115 /* L2TP */, 253]) {
    assert.equal(decodePacket(over4(protocol, filler(12, 0x11)), d), null, `protocol ${protocol}`);
    assert.equal(d.l4Proto, protocol);
    assert.equal(d.srcPort, 0);
    assert.equal(d.dstPort, 0);
    assert.equal(d.icmpType, -1);
    assert.equal(d.payloadOffset, 34);
    assert.equal(d.payloadLength, 12);
  }
});
