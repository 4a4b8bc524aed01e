// DecodeStats: counts by skip reason and by flow-packet kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePacket, DecodeStats, DECODE_SKIP_REASONS, newDecodedPacket } from '../../engine/decode';
import { captured, cut, ethernet, ipv4, ipv6, tcp, udp } from '../support/packet-builders';

test('DecodeStats counts each result once, by reason, and merges', () => {
  const d = newDecodedPacket();
  const stats = new DecodeStats();
  const full = ethernet({ etherType: 0x0800, payload: ipv4({ protocol: 6, payload: tcp({ sport: 1, dport: 2, payload: [1, 2, 3] }) }) });
  const packets = [
    captured(1, full),
    captured(1, cut(full, 56)), // snaplen cut in the payload: flow packet, ipTruncated
    captured(1, ethernet({ etherType: 0x0800, payload: ipv4({ protocol: 17, fragmentOffset: 8, payload: [1, 2, 3, 4, 5, 6, 7, 8] }) })),
    captured(1, ethernet({ etherType: 0x0800, payload: ipv4({ protocol: 41, payload: ipv6({ nextHeader: 17, payload: udp({ sport: 3, dport: 4 }) }) }) })),
    captured(1, ethernet({ etherType: 0x0806, payload: new Uint8Array(28) })),
    captured(1, new Uint8Array(5)),
    captured(1, new Uint8Array(5)),
    captured(999, full),
  ];
  for (const packet of packets) stats.count(decodePacket(packet, d), d);
  assert.equal(stats.packets, 8);
  assert.equal(stats.flowPackets, 4);
  assert.equal(stats.ipTruncated, 1);
  assert.equal(stats.laterFragments, 1);
  assert.equal(stats.tunneled, 1);
  assert.equal(stats.skipped['non-ip'], 1);
  assert.equal(stats.skipped['truncated-link-header'], 2);
  assert.equal(stats.skipped['unsupported-link-type'], 1);
  assert.equal(stats.skippedTotal, 4);
  assert.deepEqual(stats.nonZeroSkips(), [['truncated-link-header', 2], ['unsupported-link-type', 1], ['non-ip', 1]]);
  assert.equal(Object.keys(stats.skipped).length, DECODE_SKIP_REASONS.length);

  const total = new DecodeStats();
  total.merge(stats);
  total.merge(stats);
  assert.equal(total.packets, 16);
  assert.equal(total.skipped['truncated-link-header'], 4);
  assert.equal(total.flowPackets + total.skippedTotal, total.packets);
  assert.deepEqual(JSON.parse(JSON.stringify(total)).skipped['non-ip'], 2);
});
