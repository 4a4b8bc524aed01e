// Tunnels: 6in4 and IPIP followed; GTP-U and VXLAN followed; Teredo noted but keyed outside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodePacket, newDecodedPacket, MAX_TUNNEL_DEPTH, LAYER_GTP, LAYER_ICMPV6, LAYER_IPV4, LAYER_IPV6, LAYER_TEREDO, LAYER_VXLAN,
} from '../../engine/decode';
import {
  addressAt, captured, ethernet, filler, gtpU, icmp, ipv4, ipv6, tcp, teredo, udp, vxlan,
} from '../support/packet-builders';

const d = newDecodedPacket();
const eth4 = (payload: Uint8Array) => captured(1, ethernet({ etherType: 0x0800, payload }));
const inner6 = ipv6({
  nextHeader: 6, src: '2001:470:1f17:13f::1', dst: '2604:a880:1:20::224:b001',
  payload: tcp({ sport: 60205, dport: 443, payload: filler(9) }),
});

test('6in4 (IPv4 protocol 41): the flow is the inner IPv6 packet', () => {
  const pkt = eth4(ipv4({ protocol: 41, src: '192.0.2.1', dst: '198.51.100.2', payload: inner6 }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.tunnel, '6in4');
  assert.equal(d.ipVersion, 6);
  assert.equal(d.ipOffset, 34);
  assert.equal(d.outerIpOffset, 14);
  assert.equal(addressAt(pkt.data, d.srcAddrOffset, 6), '2001:470:1f17:13f:0:0:0:1');
  assert.equal(d.l4Proto, 6);
  assert.equal(d.srcPort, 60205);
  assert.equal(d.dstPort, 443);
  assert.equal(d.payloadLength, 9);
  assert.ok(d.layers & LAYER_IPV4);
  assert.ok(d.layers & LAYER_IPV6);
});

test('IPv4 in IPv4 (protocol 4): tunnel "ipip", inner addresses', () => {
  const pkt = eth4(ipv4({ protocol: 4, payload: ipv4({ protocol: 17, src: '172.16.0.9', payload: udp({ sport: 1, dport: 2 }) }) }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.tunnel, 'ipip');
  assert.equal(d.ipVersion, 4);
  assert.equal(addressAt(pkt.data, d.srcAddrOffset, 4), '172.16.0.9');
  assert.equal(d.dstPort, 2);
});

test('Teredo (UDP 3544): keyed on the outer UDP flow like ndpiReader, carried IPv6 noted', () => {
  const bubble = ipv6({ nextHeader: 58, src: '2001:0:4136:e378::1', payload: icmp(128, 0, filler(4)) });
  for (const options of [{}, { origin: true }, { auth: true, origin: true }]) {
    const payload = teredo(bubble, options);
    const pkt = eth4(ipv4({ protocol: 17, src: '10.112.16.67', dst: '194.136.28.76', payload: udp({ sport: 51812, dport: 3544, payload }) }));
    assert.equal(decodePacket(pkt, d), null, JSON.stringify(options));
    assert.equal(d.tunnel, '');
    assert.equal(d.ipVersion, 4);
    assert.equal(d.l4Proto, 17);
    assert.equal(d.srcPort, 51812);
    assert.equal(d.dstPort, 3544);
    assert.equal(d.payloadLength, payload.length);
    assert.equal(d.carries, 'teredo');
    assert.equal(d.carriedOffset, d.payloadOffset + payload.length - bubble.length);
    assert.equal(pkt.data[d.carriedOffset] >> 4, 6);
    assert.ok(d.layers & LAYER_TEREDO);
    assert.ok(d.layers & LAYER_ICMPV6);
  }
  // Port 3544 without an IPv6 packet inside is plain UDP.
  const other = eth4(ipv4({ protocol: 17, payload: udp({ sport: 3544, dport: 9, payload: filler(60) }) }));
  assert.equal(decodePacket(other, d), null);
  assert.equal(d.carries, '');
  assert.equal(d.carriedOffset, -1);
});

test('GTP-U T-PDU: the flow is the inner packet (as ndpiReader -t)', () => {
  const user = ipv4({ protocol: 6, src: '10.45.0.2', dst: '8.8.8.8', payload: tcp({ sport: 33000, dport: 443, payload: filler(3) }) });
  const pkt = eth4(ipv4({ protocol: 17, payload: udp({ sport: 2152, dport: 2152, payload: gtpU(user) }) }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.tunnel, 'gtp');
  assert.equal(d.ipOffset, 14 + 20 + 8 + 8);
  assert.equal(addressAt(pkt.data, d.srcAddrOffset, 4), '10.45.0.2');
  assert.equal(d.srcPort, 33000);
  assert.equal(d.dstPort, 443);
  assert.equal(d.payloadLength, 3);
  assert.ok(d.layers & LAYER_GTP);
});

test('GTP-U with sequence number and an extension-header chain (PDU session container)', () => {
  const user = ipv6({ nextHeader: 58, payload: icmp(128, 0, filler(8)) });
  const payload = gtpU(user, { sequence: 7, extensions: [[0x85, [0x00, 0x09]], [0x40, [1, 2, 3, 4, 5, 6]]] });
  const pkt = eth4(ipv4({ protocol: 17, payload: udp({ sport: 40000, dport: 2152, payload }) }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.tunnel, 'gtp');
  assert.equal(d.ipVersion, 6);
  assert.equal(d.ipOffset, 14 + 20 + 8 + 12 + 4 + 8);
  assert.equal(d.l4Proto, 58);
  assert.equal(d.icmpType, 128);
  assert.equal(d.srcPort, 0, 'the outer UDP ports are not kept for an inner ICMP packet');
});

test('GTP-U signalling (not a T-PDU) or a non-IP payload stays a UDP flow', () => {
  const echo = eth4(ipv4({ protocol: 17, payload: udp({ sport: 2152, dport: 2152, payload: gtpU(filler(4), { messageType: 1 }) }) }));
  assert.equal(decodePacket(echo, d), null);
  assert.equal(d.tunnel, '');
  assert.equal(d.dstPort, 2152);
  const junk = eth4(ipv4({ protocol: 17, payload: udp({ sport: 2152, dport: 2152, payload: gtpU(filler(30, 0x11)) }) }));
  assert.equal(decodePacket(junk, d), null);
  assert.equal(d.tunnel, '');
});

test('VXLAN (UDP 4789): the flow is the inner Ethernet frame, inner VLAN wins', () => {
  const innerFrame = ethernet({
    etherType: 0x0800, vlans: [{ id: 300 }],
    payload: ipv4({ protocol: 17, src: '192.168.7.7', payload: udp({ sport: 68, dport: 67, payload: filler(5) }) }),
  });
  const pkt = captured(1, ethernet({
    etherType: 0x0800, vlans: [{ id: 10 }],
    payload: ipv4({ protocol: 17, payload: udp({ sport: 49152, dport: 4789, payload: vxlan(5001, innerFrame) }) }),
  }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.tunnel, 'vxlan');
  assert.equal(d.vlan, 300);
  assert.equal(d.vlanTags, 2);
  assert.equal(addressAt(pkt.data, d.srcAddrOffset, 4), '192.168.7.7');
  assert.equal(d.srcPort, 68);
  assert.equal(d.payloadLength, 5);
  assert.ok(d.layers & LAYER_VXLAN);
  // ARP inside VXLAN is not an IP flow.
  const arp = captured(1, ethernet({
    etherType: 0x0800,
    payload: ipv4({ protocol: 17, payload: udp({ sport: 1, dport: 4789, payload: vxlan(1, ethernet({ etherType: 0x0806, payload: filler(28) })) }) }),
  }));
  assert.equal(decodePacket(arp, d), 'non-ip');
});

test('nesting beyond MAX_TUNNEL_DEPTH is refused, the limit itself is fine', () => {
  const nest = (levels: number) => {
    let packet = ipv4({ protocol: 17, payload: udp({ sport: 1, dport: 2 }) });
    for (let i = 0; i < levels; i++) packet = ipv4({ protocol: 4, payload: packet });
    return eth4(packet);
  };
  assert.equal(decodePacket(nest(MAX_TUNNEL_DEPTH), d), null);
  assert.equal(d.tunnel, 'ipip');
  assert.equal(d.dstPort, 2);
  assert.equal(decodePacket(nest(MAX_TUNNEL_DEPTH + 1), d), 'tunnel-too-deep');
});
