/**
 * The detector's lifecycle on synthetic flows with stand-in dissectors: who is asked
 * first, when it gives up, what a give-up falls back to, and how labels are formed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowTable } from '../../engine/flows/table';
import type { Flow } from '../../engine/flows/flow';
import { L7Detector, type DetectionLimits } from '../../engine/dpi/detector';
import type { Dissector, DissectorContext, Verdict } from '../../engine/dpi/dissector';
import { flowPacket, type FlowPacketSpec } from '../support/flow-packets';

const LIMITS: DetectionLimits = { maxPackets: { tcp: 12, udp: 12 }, idleGiveUpSeconds: 5 };

/** A dissector that answers from a script and records what it was shown. */
function scripted(protocol: string, answer: (ctx: DissectorContext, call: number) => Verdict, ports?: number[]) {
  const seen: number[] = [];
  const dissector: Dissector = {
    protocol,
    transports: ['tcp', 'udp'],
    ports,
    inspect(ctx) {
      seen.push(ctx.payload.length);
      return answer(ctx, seen.length);
    },
  };
  return { dissector, seen };
}

function run(dissectors: Dissector[], packets: FlowPacketSpec[], limits = LIMITS): { flow: Flow; detector: L7Detector } {
  const detector = new L7Detector(limits, dissectors);
  let flow: Flow | undefined;
  const table = new FlowTable({
    flowCreated: (f) => {
      flow = f;
      detector.flowCreated(f);
    },
    flowPacket: (f, c, p, d) => detector.flowPacket(f, c, p, d),
    flowEnded: (f) => detector.flowEnded(f),
  });
  for (const spec of packets) {
    const { packet, decoded } = flowPacket(spec);
    table.add(packet, decoded);
  }
  table.endAll();
  return { flow: flow!, detector };
}

const udp = (time: number, payload = 20): FlowPacketSpec => ({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 5555, time, payload });

describe('L7 detector', () => {
  test('a detection labels the flow, with an application from the dissector', () => {
    const a = scripted('NetBIOS', () => ({ app: 'SMBv23' }));
    const { flow } = run([a.dissector], [udp(0)]);
    assert.equal(flow.l7!.label, 'NetBIOS.SMBv23');
    assert.equal(flow.l7!.confidence, 'DPI');
    assert.equal(flow.l7!.category, 'System');
  });

  test('dissectors whose ports match are asked first; "no" is not asked again', () => {
    const order: string[] = [];
    const a = scripted('DNS', () => (order.push('DNS'), 'no'));
    const b = scripted('Teredo', () => (order.push('Teredo'), 'maybe'), [5555]);
    run([a.dissector, b.dissector], [udp(0), udp(1)]);
    assert.deepEqual(order, ['Teredo', 'DNS', 'Teredo']);
  });

  test('gives up after the packet limit and falls back to the port guess', () => {
    const a = scripted('SIP', () => 'maybe');
    const packets = Array.from({ length: 20 }, (_, i) => ({ ...udp(i * 0.1), dport: 53 }));
    const { flow } = run([a.dissector], packets);
    assert.equal(a.seen.length, 12);
    assert.equal(flow.l7!.label, 'DNS');
    assert.equal(flow.l7!.confidence, 'Match by port');
  });

  test('gives up on a flow silent for more than 5 s, before the next packet', () => {
    const a = scripted('SIP', (_ctx, call) => (call === 3 ? {} : 'maybe'));
    const { flow } = run([a.dissector], [udp(0), udp(1), udp(7), udp(8)]);
    assert.equal(a.seen.length, 2);
    assert.equal(flow.l7!.confidence, 'Unknown');
  });

  test('ndpiReader limits: no idle give-up, so the third packet decides', () => {
    const a = scripted('SIP', (_ctx, call) => (call === 3 ? {} : 'maybe'));
    const { flow } = run([a.dissector], [udp(0), udp(1), udp(7)], { maxPackets: { tcp: 80, udp: 24 }, idleGiveUpSeconds: Infinity });
    assert.equal(flow.l7!.label, 'SIP');
  });

  test('moreDetails keeps feeding the deciding dissector only, until it is done', () => {
    const a = scripted('HTTP', (_ctx, call) => (call === 1 ? { host: 'www.facebook.com', moreDetails: true } : call === 2 ? { moreDetails: true } : {}));
    const b = scripted('RTSP', () => 'maybe');
    const { flow } = run([a.dissector, b.dissector], [udp(0), udp(0.1), udp(0.2), udp(0.3)]);
    assert.equal(a.seen.length, 3);
    assert.equal(b.seen.length, 0);
    assert.equal(flow.l7!.host, 'www.facebook.com');
    assert.equal(flow.l7!.label, 'HTTP.Facebook');
    assert.equal(flow.l7!.category, 'SocialNetwork');
  });

  test('an exception in a dissector is counted, the dissector excluded, the flow goes on', () => {
    const a = scripted('Bad', () => {
      throw new Error('bug');
    });
    const b = scripted('SSDP', (_ctx, call) => (call === 2 ? {} : 'maybe'));
    const { flow, detector } = run([a.dissector, b.dissector], [udp(0), udp(1)]);
    assert.equal(detector.stats.dissectorErrors, 1);
    assert.equal(a.seen.length, 1);
    assert.equal(flow.l7!.label, 'SSDP');
  });

  test('ICMP is labelled from the IP protocol at once', () => {
    const { flow } = run([], [{ src: '10.0.0.1', dst: '10.0.0.2', proto: 1, icmpType: 8, time: 0 }]);
    assert.equal(flow.l7!.label, 'ICMP');
    assert.equal(flow.l7!.confidence, 'DPI');
    assert.equal(flow.l7!.category, 'Network');
  });
});
