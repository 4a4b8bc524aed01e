import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowTable } from '../../engine/flows/table';
import type { Flow } from '../../engine/flows/flow';
import { NDPIREADER_FLOW_TABLE } from '../../engine/flows/options';
import { flowPacket, type FlowPacketSpec } from '../support/flow-packets';

const SYN = 0x02, ACK = 0x10, FIN = 0x01, RST = 0x04;

function harness(options = {}) {
  const ended: Flow[] = [];
  const created: Flow[] = [];
  const table = new FlowTable({ flowEnded: (f) => ended.push(f), flowCreated: (f) => created.push(f) }, options);
  const add = (spec: FlowPacketSpec) => {
    const { packet, decoded } = flowPacket(spec);
    return table.add(packet, decoded);
  };
  return { table, ended, created, add };
}

describe('flow table: direction and counters', () => {
  test('the sender of the first packet is the client; replies count server to client', () => {
    const h = harness();
    h.add({ src: '10.0.0.2', dst: '10.0.0.1', sport: 5000, dport: 53, time: 1, length: 80, payload: 30 });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 53, dport: 5000, time: 1.5, length: 120, payload: 70 });
    h.add({ src: '10.0.0.2', dst: '10.0.0.1', sport: 5000, dport: 53, time: 2, length: 81, payload: 31 });
    assert.equal(h.table.size, 1);
    const [flow] = h.created;
    assert.equal(flow.clientIp, '10.0.0.2');
    assert.equal(flow.clientPort, 5000);
    assert.equal(flow.serverIp, '10.0.0.1');
    assert.deepEqual([flow.clientToServer.packets, flow.clientToServer.bytes], [2, 161]);
    assert.deepEqual([flow.serverToClient.packets, flow.serverToClient.bytes], [1, 120]);
    assert.equal(flow.goodputBytes, 131);
    assert.equal(flow.durationSeconds, 1);
    assert.equal(flow.clientToServer.interArrival.average, 1000);
    assert.equal(flow.clientToServer.packetLength.max, 81);
    assert.ok(flow.bidirectional);
  });

  test('the same endpoints on another VLAN or protocol are another flow', () => {
    const h = harness();
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1 });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1, vlan: 7 });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1, proto: 6 });
    h.add({ src: '10.0.0.2', dst: '10.0.0.1', sport: 2, dport: 1, time: 1, vlan: 7 });
    assert.equal(h.table.size, 3);
    assert.deepEqual(h.created.map((f) => f.vlan), [0, 7, 0]);
    assert.equal(h.created[1].serverToClient.packets, 1);
  });

  test('IPv6 endpoints are printed as ntop prints them (longest zero run, even a single word)', () => {
    const h = harness();
    h.add({ src: '2001:db8:0:0:1:0:0:1', dst: '2a03:2880:1010:6f03:face:b00c:0:2', sport: 1, dport: 53, time: 1 });
    h.add({ src: '0:0:0:0:0:ffff:c000:201', dst: '0:0:0:0:0:0:0:1', sport: 1, dport: 53, time: 1 });
    assert.equal(h.created[0].clientIp, '2001:db8::1:0:0:1');
    assert.equal(h.created[0].serverIp, '2a03:2880:1010:6f03:face:b00c::2');
    assert.equal(h.created[1].clientIp, '::ffff:192.0.2.1');
    assert.equal(h.created[1].serverIp, '::1');
  });
});

describe('flow table: idle rules on packet time', () => {
  test('a UDP flow ends 60 s after its last packet, and the same tuple later is a new flow', () => {
    const h = harness();
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 100 });
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 160 });
    assert.equal(h.ended.length, 0, 'not idle at exactly 60 s');
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 160.5 });
    assert.deepEqual(h.ended.map((f) => [f.id, f.endReason]), [[1, 'idle']]);
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 161 });
    assert.equal(h.created.length, 3);
  });

  test('TCP without a completed handshake ends after 15 s; an established one lives 60 s', () => {
    const h = harness();
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1000, dport: 80, proto: 6, flags: SYN, seq: 1, time: 0 });
    h.add({ src: '10.0.0.5', dst: '10.0.0.6', sport: 1000, dport: 80, proto: 6, flags: SYN, seq: 1, time: 0 });
    h.add({ src: '10.0.0.6', dst: '10.0.0.5', sport: 80, dport: 1000, proto: 6, flags: SYN | ACK, seq: 9, time: 0.1 });
    h.add({ src: '10.0.0.5', dst: '10.0.0.6', sport: 1000, dport: 80, proto: 6, flags: ACK, seq: 2, time: 0.2 });
    assert.ok(h.created[1].threeWayHandshake);
    assert.ok(!h.created[0].threeWayHandshake);
    h.table.advanceTime(15.5);
    assert.deepEqual(h.ended.map((f) => f.id), [1]);
    h.table.advanceTime(60.1);
    assert.deepEqual(h.ended.map((f) => f.id), [1]);
    h.table.advanceTime(60.3);
    assert.deepEqual(h.ended.map((f) => f.id), [1, 2]);
  });

  test('a FIN or RST moves an established TCP flow to the 15 s rule', () => {
    const h = harness();
    const c = { src: '10.0.0.1', dst: '10.0.0.2', sport: 1000, dport: 80, proto: 6 };
    const s = { src: '10.0.0.2', dst: '10.0.0.1', sport: 80, dport: 1000, proto: 6 };
    h.add({ ...c, flags: SYN, seq: 1, time: 0 });
    h.add({ ...s, flags: SYN | ACK, seq: 1, time: 0 });
    h.add({ ...c, flags: ACK, seq: 2, time: 0 });
    h.add({ ...c, flags: FIN | ACK, seq: 2, time: 20 });
    h.table.advanceTime(34);
    assert.equal(h.ended.length, 0);
    h.table.advanceTime(35.1);
    assert.equal(h.ended.length, 1);
    const h2 = harness();
    h2.add({ ...c, flags: RST, seq: 5, time: 0 });
    h2.table.advanceTime(15.01);
    assert.equal(h2.ended.length, 1);
  });

  test('ndpiReader accounting never expires flows while reading', () => {
    const h = harness(NDPIREADER_FLOW_TABLE);
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 0 });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 10_000 });
    assert.equal(h.ended.length, 0);
    assert.equal(h.created[0].packets, 2);
  });

  test('endAll ends every flow in creation order', () => {
    const h = harness();
    h.add({ src: '10.0.0.9', dst: '10.0.0.2', sport: 1, dport: 2, time: 5 });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 6 });
    h.add({ src: '10.0.0.9', dst: '10.0.0.2', sport: 1, dport: 2, time: 7 });
    h.table.endAll();
    assert.deepEqual(h.ended.map((f) => [f.id, f.endReason]), [[1, 'end-of-capture'], [2, 'end-of-capture']]);
    assert.equal(h.table.size, 0);
  });

  test('thousands of flows, some ending midway, are each found again after the buckets grow', () => {
    const h = harness();
    const endpoint = (i: number) => ({ src: `10.${(i >> 8) & 255}.${i & 255}.1`, dst: '192.0.2.1', sport: 1000 + (i % 7), dport: 53 });
    // 5,000 flows, flow i at t = i/100 s (the table starts with 1,024 buckets). At t = 80 s
    // the flows last seen before t = 20 s (i < 2,000) have been idle over 60 s and end.
    for (let i = 0; i < 5000; i++) h.add({ ...endpoint(i), time: i / 100 });
    for (let i = 2000; i < 5000; i++) h.add({ ...endpoint(i), time: 80 });
    assert.equal(h.table.size, 3000);
    assert.deepEqual(h.ended.map((f) => f.id), Array.from({ length: 2000 }, (_, i) => i + 1));
    // A third packet of every live flow lands on it (no new flow), in creation order at the end.
    for (let i = 2000; i < 5000; i++) h.add({ ...endpoint(i), time: 80 });
    assert.equal(h.table.stats.flowsCreated, 5000);
    assert.deepEqual([...h.table.liveFlows()].map((f) => f.packets), Array(3000).fill(3));
    h.table.endAll();
    assert.deepEqual(h.ended.slice(2000).map((f) => f.id), Array.from({ length: 3000 }, (_, i) => i + 2001));
    assert.equal(h.table.size, 0);
  });

  test('a full table evicts the least recently active flow and counts it', () => {
    const h = harness({ maxFlows: 2 });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1 });
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 2 });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 3 });
    h.add({ src: '10.0.0.5', dst: '10.0.0.6', sport: 1, dport: 2, time: 4 });
    assert.deepEqual(h.ended.map((f) => [f.id, f.endReason]), [[2, 'evicted']]);
    assert.equal(h.table.stats.flowsEnded.evicted, 1);
    assert.equal(h.table.size, 2);
  });
});

describe('flow table: TCP sequence analysis', () => {
  const c = { src: '10.0.0.1', dst: '10.0.0.2', sport: 1000, dport: 80, proto: 6 };
  test('retransmissions, out-of-order, lost segments and keep-alives are told apart', () => {
    const h = harness();
    h.add({ ...c, flags: SYN, seq: 100, time: 0 });
    h.add({ ...c, flags: ACK, seq: 101, payload: 100, time: 1 }); // next 201
    h.add({ ...c, flags: ACK, seq: 101, payload: 100, time: 2 }); // retransmission
    h.add({ ...c, flags: ACK, seq: 401, payload: 100, time: 3 }); // 201..400 missing: lost, next 501
    h.add({ ...c, flags: ACK, seq: 201, payload: 200, time: 4 }); // the gap arrives late: out of order
    h.add({ ...c, flags: ACK, seq: 500, payload: 1, time: 5 }); // keep-alive probe
    h.add({ ...c, flags: ACK, seq: 501, payload: 0, time: 6 }); // pure ACK: nothing
    const tcp = h.created[0].clientToServer;
    assert.deepEqual(
      { retransmissions: tcp.retransmissions, outOfOrder: tcp.outOfOrder, lost: tcp.lost, keepAlive: tcp.keepAlive },
      { retransmissions: 1, outOfOrder: 1, lost: 1, keepAlive: 1 },
    );
    assert.equal(tcp.tcpIssues, 3);
  });

  test('sequence numbers wrap around 2^32', () => {
    const h = harness();
    h.add({ ...c, flags: SYN, seq: 0xffffff00, time: 0 });
    h.add({ ...c, flags: ACK, seq: 0xffffff01, payload: 0x200, time: 1 });
    h.add({ ...c, flags: ACK, seq: 0x101, payload: 10, time: 2 });
    assert.equal(h.created[0].clientToServer.tcpIssues, 0);
  });
});

describe('flow table: fragments and truncated packets', () => {
  const first = { src: '10.0.0.1', dst: '10.0.0.2', sport: 53, dport: 999, fragmentId: 77, moreFragments: true };
  test('later fragments count to the flow of the first fragment', () => {
    const h = harness();
    h.add({ src: '10.0.0.2', dst: '10.0.0.1', sport: 999, dport: 53, time: 0 });
    h.add({ ...first, time: 1, length: 1514 });
    assert.equal(h.add({ src: '10.0.0.1', dst: '10.0.0.2', fragmentId: 77, fragmentOffset: 1480, time: 1, length: 300 }), null);
    assert.equal(h.table.size, 1);
    assert.deepEqual([h.created[0].serverToClient.packets, h.created[0].serverToClient.bytes], [2, 1814]);
    assert.equal(h.created[0].serverToClient.fragments, 2);
  });

  test('a first fragment is remembered for 30 s of packet time, per datagram id and addresses (IPv4 and IPv6)', () => {
    const h = harness({ idleTimeoutSeconds: 600 });
    const later = (src: string, dst: string, fragmentId: number, time: number) => h.add({ src, dst, fragmentId, fragmentOffset: 1480, moreFragments: true, time });
    h.add({ ...first, time: 0 });
    h.add({ ...first, fragmentId: 78, time: 10 });
    h.add({ src: '2001:db8::1', dst: '2001:db8::2', sport: 53, dport: 999, fragmentId: 0x12345678, moreFragments: true, time: 20 });
    // Another datagram id, swapped addresses: not the same datagram.
    assert.equal(later('10.0.0.1', '10.0.0.2', 79, 21), 'orphan-fragment');
    assert.equal(later('10.0.0.2', '10.0.0.1', 77, 21), 'orphan-fragment');
    assert.equal(later('2001:db8::1', '2001:db8::2', 0x12345679, 21), 'orphan-fragment');
    assert.equal(later('2001:db8::1', '2001:db8::2', 0x12345678, 21), null);
    // A first fragment at t=35 makes the one of t=0 too old; t=10 and t=20 stay.
    h.add({ ...first, fragmentId: 90, time: 35 });
    assert.equal(later('10.0.0.1', '10.0.0.2', 77, 36), 'orphan-fragment');
    assert.equal(later('10.0.0.1', '10.0.0.2', 78, 36), null);
    assert.equal(later('2001:db8::1', '2001:db8::2', 0x12345678, 36), null);
    // At t=45 the one of t=10 is gone too, even after a later fragment was matched on it.
    h.add({ ...first, fragmentId: 91, time: 45 });
    assert.equal(later('10.0.0.1', '10.0.0.2', 78, 46), 'orphan-fragment');
    assert.equal(later('10.0.0.1', '10.0.0.2', 91, 46), null);
  });

  test('a later fragment without its first one is reported, not counted', () => {
    const h = harness();
    assert.equal(h.add({ src: '10.0.0.1', dst: '10.0.0.2', fragmentId: 5, fragmentOffset: 8, time: 0 }), 'orphan-fragment');
    assert.equal(h.table.size, 0);
  });

  test('ndpiReader accounting drops later fragments and snaplen-truncated packets', () => {
    const h = harness(NDPIREADER_FLOW_TABLE);
    h.add({ ...first, time: 1 });
    assert.equal(h.add({ src: '10.0.0.1', dst: '10.0.0.2', fragmentId: 77, fragmentOffset: 8, time: 1 }), 'later-fragment-dropped');
    assert.equal(h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, truncated: true, time: 1 }), 'truncated-dropped');
    const ntopng = harness();
    assert.equal(ntopng.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, truncated: true, time: 1 }), null);
  });
});
