// Link layers: every supported link type, VLAN stacks, MPLS, PPPoE, LLC/SNAP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePacket, newDecodedPacket, LAYER_MPLS, LAYER_PPPOE, LAYER_VLAN } from '../../engine/decode';
import {
  addressAt, captured, ethernet, ethernet8023, ipv4, ipv6, loopback, mpls, pppoeSession, sll, sll2, tcp, udp,
} from '../support/packet-builders';

const d = newDecodedPacket();
const tcpSegment = tcp({ sport: 40000, dport: 443, payload: [1, 2, 3] });
const v4 = ipv4({ protocol: 6, src: '192.0.2.1', dst: '198.51.100.7', payload: tcpSegment });
const v6 = ipv6({ nextHeader: 17, src: '2001:db8::a', dst: '2001:db8::b', payload: udp({ sport: 5353, dport: 53, payload: [9] }) });

function expectV4Tcp(data: Uint8Array, ipOffset: number): void {
  assert.equal(d.ipVersion, 4);
  assert.equal(d.ipOffset, ipOffset);
  assert.equal(addressAt(data, d.srcAddrOffset, 4), '192.0.2.1');
  assert.equal(addressAt(data, d.dstAddrOffset, 4), '198.51.100.7');
  assert.equal(d.l4Proto, 6);
  assert.equal(d.srcPort, 40000);
  assert.equal(d.dstPort, 443);
  assert.equal(d.payloadLength, 3);
  assert.equal(d.payloadOffset, ipOffset + 40);
}

function expectV6Udp(data: Uint8Array, ipOffset: number): void {
  assert.equal(d.ipVersion, 6);
  assert.equal(d.ipOffset, ipOffset);
  assert.equal(addressAt(data, d.srcAddrOffset, 6), '2001:db8:0:0:0:0:0:a');
  assert.equal(addressAt(data, d.dstAddrOffset, 6), '2001:db8:0:0:0:0:0:b');
  assert.equal(d.l4Proto, 17);
  assert.equal(d.srcPort, 5353);
  assert.equal(d.dstPort, 53);
  assert.equal(d.payloadLength, 1);
}

test('Ethernet (1) carrying IPv4 and IPv6', () => {
  const a = ethernet({ etherType: 0x0800, payload: v4 });
  assert.equal(decodePacket(captured(1, a), d), null);
  expectV4Tcp(a, 14);
  assert.equal(d.etherType, 0x0800);
  assert.equal(d.vlan, 0);
  assert.equal(d.vlanTags, 0);
  const b = ethernet({ etherType: 0x86dd, payload: v6 });
  assert.equal(decodePacket(captured(1, b), d), null);
  expectV6Udp(b, 14);
});

test('Ethernet padding after a short IP packet is not payload', () => {
  const frame = ethernet({ etherType: 0x0800, payload: ipv4({ protocol: 6, payload: tcp({ sport: 1, dport: 2 }) }) });
  const padded = new Uint8Array(60);
  padded.set(frame);
  assert.equal(decodePacket(captured(1, padded), d), null);
  assert.equal(d.payloadLength, 0);
  assert.equal(d.ipTruncated, false);
});

test('Linux SLL (113) and SLL2 (276)', () => {
  const a = sll(0x0800, v4);
  assert.equal(decodePacket(captured(113, a), d), null);
  expectV4Tcp(a, 16);
  const b = sll2(0x86dd, v6);
  assert.equal(decodePacket(captured(276, b), d), null);
  expectV6Udp(b, 20);
  assert.equal(decodePacket(captured(113, sll(0x0806, new Uint8Array(28))), d), 'non-ip');
});

test('raw IP link types: 101, 12 and 14 choose by version, 228/229 insist on one', () => {
  for (const linkType of [101, 12, 14]) {
    assert.equal(decodePacket(captured(linkType, v4), d), null);
    expectV4Tcp(v4, 0);
    assert.equal(decodePacket(captured(linkType, v6), d), null);
    expectV6Udp(v6, 0);
  }
  assert.equal(decodePacket(captured(228, v4), d), null);
  expectV4Tcp(v4, 0);
  assert.equal(decodePacket(captured(228, v6), d), 'bad-ip-header');
  assert.equal(decodePacket(captured(229, v6), d), null);
  expectV6Udp(v6, 0);
  assert.equal(decodePacket(captured(229, v4), d), 'bad-ip-header');
  assert.equal(decodePacket(captured(101, new Uint8Array([0x50, 0, 0, 0])), d), 'bad-ip-header');
});

test('BSD null (0) in either byte order and loop (108) in network order', () => {
  for (const order of ['le', 'be'] as const) {
    const a = loopback(2, v4, order);
    assert.equal(decodePacket(captured(0, a), d), null, `AF_INET ${order}`);
    expectV4Tcp(a, 4);
    for (const family of [24, 28, 30]) {
      const b = loopback(family, v6, order);
      assert.equal(decodePacket(captured(0, b), d), null, `AF_INET6=${family} ${order}`);
      expectV6Udp(b, 4);
    }
  }
  const c = loopback(30, v6, 'be');
  assert.equal(decodePacket(captured(108, c), d), null);
  expectV6Udp(c, 4);
  // An unknown family (LINKTYPE_LOOP is network order only, so a little-endian 2 is
  // family 0x02000000) falls back to the IP version nibble of the next byte.
  assert.equal(decodePacket(captured(108, loopback(2, v4, 'le')), d), null);
  expectV4Tcp(loopback(2, v4, 'le'), 4);
  assert.equal(decodePacket(captured(0, loopback(7, v6, 'be')), d), null);
  assert.equal(d.ipVersion, 6);
  // ... and is not IP when that nibble is neither 4 nor 6.
  assert.equal(decodePacket(captured(0, loopback(7, Uint8Array.of(0x55, 0, 0, 0), 'be')), d), 'non-ip');
  // A frame inside a larger buffer (as a reader hands it out) decodes the same, at its offset.
  const embedded = captured(0, loopback(2, v4, 'le'), { embedAt: 37 });
  assert.equal(decodePacket(embedded, d), null);
  expectV4Tcp(embedded.data, 37 + 4);
});

test('PPP (9) with and without HDLC framing, compressed protocol; Cisco HDLC (104)', () => {
  const framed = new Uint8Array([0xff, 0x03, 0x00, 0x21, ...v4]);
  assert.equal(decodePacket(captured(9, framed), d), null);
  expectV4Tcp(framed, 4);
  const compressed = new Uint8Array([0x21, ...v4]);
  assert.equal(decodePacket(captured(50, compressed), d), null);
  expectV4Tcp(compressed, 1);
  const lcp = new Uint8Array([0xff, 0x03, 0xc0, 0x21, 1, 1, 0, 4]);
  assert.equal(decodePacket(captured(9, lcp), d), 'non-ip');
  const hdlc = new Uint8Array([0x0f, 0x00, 0x86, 0xdd, ...v6]);
  assert.equal(decodePacket(captured(104, hdlc), d), null);
  expectV6Udp(hdlc, 4);
});

test('unknown link types are counted, not guessed', () => {
  assert.equal(decodePacket(captured(127, ethernet({ etherType: 0x0800, payload: v4 })), d), 'unsupported-link-type');
  assert.equal(decodePacket(captured(147, v4), d), 'unsupported-link-type');
});

test('single 802.1Q tag: the id is the flow VLAN, priority bits are not', () => {
  const a = ethernet({ etherType: 0x0800, vlans: [{ id: 1908, priority: 5 }], payload: v4 });
  assert.equal(decodePacket(captured(1, a), d), null);
  expectV4Tcp(a, 18);
  assert.equal(d.vlan, 1908);
  assert.equal(d.vlanTags, 1);
  assert.ok(d.layers & LAYER_VLAN);
});

test('QinQ stacks key on the innermost tag, for every TPID', () => {
  for (const outer of [0x88a8, 0x9100, 0x8100]) {
    const a = ethernet({
      etherType: 0x86dd,
      vlans: [{ id: 100, tpid: outer }, { id: 200 }, { id: 7 }],
      payload: v6,
    });
    assert.equal(decodePacket(captured(1, a), d), null, `outer TPID ${outer.toString(16)}`);
    expectV6Udp(a, 26);
    assert.equal(d.vlan, 7);
    assert.equal(d.vlanTags, 3);
  }
});

test('a VLAN tag with id 0 (priority tag) counts as tagged but keys as VLAN 0', () => {
  const a = ethernet({ etherType: 0x0800, vlans: [{ id: 0, priority: 3 }], payload: v4 });
  assert.equal(decodePacket(captured(1, a), d), null);
  assert.equal(d.vlan, 0);
  assert.equal(d.vlanTags, 1);
});

test('MPLS unicast and multicast label stacks, IPv4 and IPv6 underneath', () => {
  const a = ethernet({ etherType: 0x8847, payload: mpls([16, 17, 18], v4) });
  assert.equal(decodePacket(captured(1, a), d), null);
  expectV4Tcp(a, 14 + 12);
  assert.equal(d.mplsLabels, 3);
  assert.ok(d.layers & LAYER_MPLS);
  const b = ethernet({ etherType: 0x8848, vlans: [{ id: 42 }], payload: mpls([1000], v6) });
  assert.equal(decodePacket(captured(1, b), d), null);
  expectV6Udp(b, 18 + 4);
  assert.equal(d.vlan, 42);
  assert.equal(d.mplsLabels, 1);
  // Not IP below the stack (e.g. a pseudowire control word).
  const c = ethernet({ etherType: 0x8847, payload: mpls([5], [0, 0, 0, 0, ...v4]) });
  assert.equal(decodePacket(captured(1, c), d), 'non-ip');
});

test('PPPoE session frames carrying IPv4 and IPv6; other PPP protocols are not IP', () => {
  const a = ethernet({ etherType: 0x8864, payload: pppoeSession(0x0021, v4) });
  assert.equal(decodePacket(captured(1, a), d), null);
  expectV4Tcp(a, 22);
  assert.ok(d.layers & LAYER_PPPOE);
  const b = ethernet({ etherType: 0x8864, vlans: [{ id: 3 }], payload: pppoeSession(0x0057, v6) });
  assert.equal(decodePacket(captured(1, b), d), null);
  expectV6Udp(b, 26);
  assert.equal(d.vlan, 3);
  assert.equal(decodePacket(captured(1, ethernet({ etherType: 0x8864, payload: pppoeSession(0xc021, [1, 2, 3, 4]) })), d), 'non-ip');
  // PPPoE discovery is control traffic.
  assert.equal(decodePacket(captured(1, ethernet({ etherType: 0x8863, payload: new Uint8Array(20) })), d), 'non-ip');
});

test('802.3 with LLC/SNAP carries an EtherType; plain LLC (spanning tree) is not IP', () => {
  const a = ethernet8023({ snapType: 0x0800, payload: v4 });
  assert.equal(decodePacket(captured(1, a), d), null);
  expectV4Tcp(a, 22);
  assert.equal(decodePacket(captured(1, ethernet8023({ payload: new Uint8Array(35) })), d), 'non-ip');
});

test('ARP and other EtherTypes are non-ip, with the EtherType recorded', () => {
  assert.equal(decodePacket(captured(1, ethernet({ etherType: 0x0806, payload: new Uint8Array(28) })), d), 'non-ip');
  assert.equal(d.etherType, 0x0806);
  // Cisco FabricPath (ajp.pcap): not followed, see docs/design.md.
  assert.equal(decodePacket(captured(1, ethernet({ etherType: 0x8903, payload: [0x40, 0x20, ...ethernet({ etherType: 0x0800, payload: v4 })] })), d), 'non-ip');
});

test('ipAfterUnknownEtherType (ndpiReader compatibility): IP after an unknown EtherType when the version says so', () => {
  const odd = captured(1, ethernet({ etherType: 0x0881, payload: v4 }));
  assert.equal(decodePacket(odd, d), 'non-ip');
  assert.equal(decodePacket(odd, d, { ipAfterUnknownEtherType: true }), null);
  expectV4Tcp(odd.data, 14);
  const odd6 = captured(113, sll(0x5500, v6));
  assert.equal(decodePacket(odd6, d, { ipAfterUnknownEtherType: true }), null);
  expectV6Udp(odd6.data, 16);
  // ARP starts with hardware type 0x0001: version 0, still not IP.
  assert.equal(decodePacket(captured(1, ethernet({ etherType: 0x0806, payload: new Uint8Array(28) })), d, { ipAfterUnknownEtherType: true }), 'non-ip');
  // The option lasts for one call only.
  assert.equal(decodePacket(odd, d), 'non-ip');
});
