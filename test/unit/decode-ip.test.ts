// Network layer: IPv4 options and fragments, IPv6 extension-header chains and fragments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePacket, newDecodedPacket } from '../../engine/decode';
import { addressAt, captured, ethernet, filler, icmp, ipv4, ipv6, ipv6Ext, tcp, udp } from '../support/packet-builders';

const d = newDecodedPacket();
const eth4 = (payload: Uint8Array) => captured(1, ethernet({ etherType: 0x0800, payload }));
const eth6 = (payload: Uint8Array) => captured(1, ethernet({ etherType: 0x86dd, payload }));

test('IPv4 with options: transport found after the options', () => {
  const options = [0x94, 0x04, 0x00, 0x00, 0x07, 0x0b, 0x04, 0, 0, 0, 0]; // router alert + record route
  const pkt = eth4(ipv4({ protocol: 17, options, ttl: 3, payload: udp({ sport: 1234, dport: 5678, payload: filler(10) }) }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.l4Offset, 14 + 32);
  assert.equal(d.ipPayloadLength, 18);
  assert.equal(d.srcPort, 1234);
  assert.equal(d.dstPort, 5678);
  assert.equal(d.payloadOffset, 14 + 32 + 8);
  assert.equal(d.payloadLength, 10);
  assert.equal(d.ttl, 3);
  assert.equal(d.laterFragment, false);
  assert.equal(d.moreFragments, false);
});

test('IPv4 first fragment decodes its transport header; later fragments have no ports', () => {
  const first = eth4(ipv4({ protocol: 17, id: 0xbeef, moreFragments: true, payload: udp({ sport: 53, dport: 40000, payload: filler(32) }) }));
  assert.equal(decodePacket(first, d), null);
  assert.equal(d.fragmentId, 0xbeef);
  assert.equal(d.fragmentOffset, 0);
  assert.equal(d.moreFragments, true);
  assert.equal(d.laterFragment, false);
  assert.equal(d.srcPort, 53);
  assert.equal(d.dstPort, 40000);
  assert.equal(d.payloadLength, 32);

  const middle = eth4(ipv4({ protocol: 17, id: 0xbeef, moreFragments: true, fragmentOffset: 40, payload: filler(40) }));
  assert.equal(decodePacket(middle, d), null);
  assert.equal(d.laterFragment, true);
  assert.equal(d.moreFragments, true);
  assert.equal(d.fragmentOffset, 40);
  assert.equal(d.l4Proto, 17);
  assert.equal(d.srcPort, 0);
  assert.equal(d.dstPort, 0);
  assert.equal(d.payloadOffset, 34);
  assert.equal(d.payloadLength, 40);

  const last = eth4(ipv4({ protocol: 17, id: 0xbeef, fragmentOffset: 80, payload: filler(12) }));
  assert.equal(decodePacket(last, d), null);
  assert.equal(d.laterFragment, true);
  assert.equal(d.moreFragments, false);
  assert.equal(d.fragmentOffset, 80);
  assert.equal(addressAt(last.data, d.srcAddrOffset, 4), '10.0.0.1');
});

test('a later fragment whose data looks like a header is still not decoded as one', () => {
  // 6in4 or TCP bytes in a later fragment must not be followed.
  const pkt = eth4(ipv4({ protocol: 41, fragmentOffset: 1480, payload: ipv6({ nextHeader: 59, payload: [] }) }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.laterFragment, true);
  assert.equal(d.tunnel, '');
  assert.equal(d.ipVersion, 4);
  assert.equal(d.l4Proto, 41);
});

test('IPv6 extension-header chain: hop-by-hop, routing, destination options, AH', () => {
  const chain = [
    ipv6Ext.hopByHop(43, 0), // 8 bytes
    ipv6Ext.routing(60, 2), // 24 bytes
    ipv6Ext.destination(51, 1), // 16 bytes
    ipv6Ext.ah(6, 4), // 24 bytes
  ];
  const segment = tcp({ sport: 22, dport: 50000, payload: filler(5) });
  const pkt = eth6(ipv6({ nextHeader: 0, payload: new Uint8Array([...chain.flatMap((c) => [...c]), ...segment]) }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(d.l4Proto, 6);
  assert.equal(d.l4Offset, 14 + 40 + 8 + 24 + 16 + 24);
  assert.equal(d.ipPayloadLength, 25);
  assert.equal(d.srcPort, 22);
  assert.equal(d.dstPort, 50000);
  assert.equal(d.payloadLength, 5);
});

test('IPv6 ESP and No Next Header end the chain as protocol-number flows', () => {
  const esp = eth6(ipv6({ nextHeader: 0, payload: new Uint8Array([...ipv6Ext.hopByHop(50), ...filler(24)]) }));
  assert.equal(decodePacket(esp, d), null);
  assert.equal(d.l4Proto, 50);
  assert.equal(d.srcPort, 0);
  assert.equal(d.payloadOffset, 14 + 48);
  assert.equal(d.payloadLength, 24);
  const none = eth6(ipv6({ nextHeader: 59, payload: [] }));
  assert.equal(decodePacket(none, d), null);
  assert.equal(d.l4Proto, 59);
  assert.equal(d.payloadLength, 0);
});

test('IPv6 fragments: the first is keyed on its ports, later ones keep the protocol only', () => {
  const first = eth6(ipv6({
    nextHeader: 44,
    payload: new Uint8Array([...ipv6Ext.fragment(17, 0, true, 0x01020304), ...udp({ sport: 53, dport: 46433, payload: filler(100) })]),
  }));
  assert.equal(decodePacket(first, d), null);
  assert.equal(d.fragmentId, 0x01020304);
  assert.equal(d.fragmentOffset, 0);
  assert.equal(d.moreFragments, true);
  assert.equal(d.laterFragment, false);
  assert.equal(d.l4Proto, 17);
  assert.equal(d.srcPort, 53);
  assert.equal(d.dstPort, 46433);
  assert.equal(d.payloadLength, 100);

  const later = eth6(ipv6({
    nextHeader: 0,
    payload: new Uint8Array([...ipv6Ext.hopByHop(44), ...ipv6Ext.fragment(17, 1448, false, 0x01020304), ...filler(30)]),
  }));
  assert.equal(decodePacket(later, d), null);
  assert.equal(d.laterFragment, true);
  assert.equal(d.moreFragments, false);
  assert.equal(d.fragmentOffset, 1448);
  assert.equal(d.fragmentId, 0x01020304);
  assert.equal(d.l4Proto, 17);
  assert.equal(d.srcPort, 0);
  assert.equal(d.payloadOffset, 14 + 40 + 16);
  assert.equal(d.payloadLength, 30);
});

test('IPv6 addresses, hop limit and payload length are reported from the header', () => {
  const pkt = eth6(ipv6({ nextHeader: 58, src: 'fe80::1', dst: 'ff02::16', hopLimit: 1, payload: icmp(143, 0, filler(20)) }));
  assert.equal(decodePacket(pkt, d), null);
  assert.equal(addressAt(pkt.data, d.srcAddrOffset, 6), 'fe80:0:0:0:0:0:0:1');
  assert.equal(addressAt(pkt.data, d.dstAddrOffset, 6), 'ff02:0:0:0:0:0:0:16');
  assert.equal(d.ttl, 1);
  assert.equal(d.ipPayloadLength, 28);
  assert.equal(d.icmpType, 143);
});

test('IPv4 inside IPv6 and IPv6 inside IPv6 are followed (tunnel "ipip")', () => {
  const inner4 = ipv4({ protocol: 6, src: '10.9.9.9', payload: tcp({ sport: 1, dport: 80 }) });
  const a = eth6(ipv6({ nextHeader: 4, payload: inner4 }));
  assert.equal(decodePacket(a, d), null);
  assert.equal(d.tunnel, 'ipip');
  assert.equal(d.ipVersion, 4);
  assert.equal(d.ipOffset, 54);
  assert.equal(d.outerIpOffset, 14);
  assert.equal(addressAt(a.data, d.srcAddrOffset, 4), '10.9.9.9');
  assert.equal(d.dstPort, 80);
  const inner6 = ipv6({ nextHeader: 17, payload: udp({ sport: 7, dport: 9 }) });
  const b = eth6(ipv6({ nextHeader: 41, payload: inner6 }));
  assert.equal(decodePacket(b, d), null);
  assert.equal(d.tunnel, 'ipip');
  assert.equal(d.ipVersion, 6);
  assert.equal(d.dstPort, 9);
});
