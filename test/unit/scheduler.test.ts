import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowTable, type FlowObserver } from '../../engine/flows/table';
import type { Flow } from '../../engine/flows/flow';
import type { FlowTableOptions } from '../../engine/flows/options';
import { chainObservers } from '../../engine/flows/observers';
import { L7State } from '../../engine/dpi/l7-state';
import { HookScheduler, ScriptRegistry, compileScript, type HookCall, type HookSchedulerOptions, type ScriptDecl } from '../../engine/scripts/scheduler';
import { flowPacket, type FlowPacketSpec } from '../support/flow-packets';

const SYN = 0x02, ACK = 0x10;
const ALL: ScriptDecl = { key: 'all', hooks: ['all'], periodic_update_seconds: 30 };

/** A stand-in for the L7 detector: detection completes at the n-th packet of a flow (never when n = 0). */
function fakeDetector(doneAtPacket: (flow: Flow) => number, labels: (flow: Flow) => [master: string, app: string] = () => ['Unknown', 'DNS']): FlowObserver {
  return {
    flowCreated: (flow) => {
      flow.l7 = new L7State();
    },
    flowPacket: (flow) => {
      const l7 = flow.l7!;
      if (l7.done) return;
      const n = doneAtPacket(flow);
      if (n > 0 && flow.packets >= n) {
        [l7.master, l7.app] = labels(flow);
        l7.endDetection();
      }
    },
  };
}

interface HarnessOptions extends Partial<Omit<HookSchedulerOptions, 'sink'>> {
  detector?: FlowObserver;
  flowOptions?: Partial<FlowTableOptions>;
  /** Call table.endAll() before scheduler.finish() (the order run.ts has today). */
  endAllFirst?: boolean;
  onCall?(call: HookCall): void;
}

function harness(options: HarnessOptions = {}) {
  const calls: HookCall[] = [];
  const scheduler = new HookScheduler({
    scripts: [ALL],
    ...options,
    sink: (c) => {
      calls.push(c);
      options.onCall?.(c);
    },
  });
  const table = new FlowTable(chainObservers(options.detector, scheduler), options.flowOptions);
  scheduler.attachTable(table);
  const add = (spec: FlowPacketSpec) => {
    scheduler.advanceTime(spec.time);
    const { packet, decoded } = flowPacket(spec);
    table.add(packet, decoded);
  };
  const finish = () => {
    if (options.endAllFirst) table.endAll('end-of-capture');
    scheduler.finish();
  };
  /** "now hook[ctr] #flow scripts" lines. */
  const timeline = (flowId?: number) => calls
    .filter((c) => flowId === undefined || c.flow.id === flowId)
    .map((c) => `${c.now} ${c.hook}${c.updateCtr !== undefined ? `(${c.updateCtr})` : ''} #${c.flow.id}${c.scripts.length ? ` ${c.scripts.join(',')}` : ''}`);
  return { calls, scheduler, table, add, finish, timeline };
}

/** UDP packets of one flow from `from` to `to` every `step` seconds. */
function udpFlow(h: ReturnType<typeof harness>, from: number, to: number, step: number, sport = 5000) {
  for (let t = from; t <= to; t += step) h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport, dport: 53, time: t, payload: 20 });
}

describe('scheduler: the timeline of one flow (packet time)', () => {
  test('protocolDetected at the first walk after detection, periodic at +30 s with ctr 0,1,2..., flowEnd after idle expiry', () => {
    const h = harness({
      detector: fakeDetector(() => 3),
      scripts: [ALL, { key: 'every120', hooks: ['periodicUpdate'] }, { key: 'every600', hooks: ['periodicUpdate'], periodic_update_seconds: 600 }],
    });
    udpFlow(h, 1000, 1300, 2); // detected at its 3rd packet (t = 1004)
    h.add({ src: '10.0.0.9', dst: '10.0.0.2', sport: 7, dport: 7, time: 1400 }); // drives the clock past the idle expiry
    const expected = ['1005 protocolDetected #1 all'];
    for (let ctr = 0; ctr <= 11; ctr++) {
      const scripts = ['all', ...(ctr % 4 === 0 ? ['every120'] : []), ...(ctr % 20 === 0 ? ['every600'] : [])];
      expected.push(`${1035 + 30 * ctr} periodicUpdate(${ctr}) #1 ${scripts.join(',')}`);
    }
    // Last packet at 1300: idle once the clock is past 1360; the walk at 1365 runs periodic (ctr 11), then flowEnd.
    expected.push('1365 flowEnd #1 all');
    assert.deepEqual(h.timeline(1), expected);
    assert.equal(h.table.stats.flowsEnded.idle, 1);
  });

  test('a 120 s script runs at ctr 0, 4, 8 only (≈ 35 s, 155 s, 275 s)', () => {
    const h = harness({ scripts: [{ key: 'slow', hooks: ['periodicUpdate'] }] });
    udpFlow(h, 1000, 1330, 10);
    h.finish();
    assert.deepEqual(h.timeline(1), ['1035 periodicUpdate(0) #1 slow', '1155 periodicUpdate(4) #1 slow', '1275 periodicUpdate(8) #1 slow']);
  });

  test('at the end of the capture every remaining flow gets its pending protocolDetected, then exactly one flowEnd', () => {
    for (const endAllFirst of [false, true]) {
      const h = harness({ detector: fakeDetector(() => 1), endAllFirst });
      udpFlow(h, 1000, 1040, 5);
      udpFlow(h, 1041, 1042, 1, 6000); // detected at 1042, less than one walk before the end
      h.finish();
      assert.deepEqual(h.timeline(), [
        '1005 protocolDetected #1 all',
        '1035 periodicUpdate(0) #1 all',
        '1045 protocolDetected #2 all',
        '1045 flowEnd #1 all',
        '1045 flowEnd #2 all',
      ], `endAllFirst=${endAllFirst}`);
      assert.equal(h.scheduler.liveFlows, 0);
      assert.equal(h.table.size, 0);
    }
  });

  test('a flow that stays undetected is forced detected after 5 s of silence (and told to the detector)', () => {
    const forced: number[] = [];
    const h = harness({ detector: fakeDetector(() => 0), giveUpDetection: (f) => forced.push(f.id) });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1000 });
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 1004 });
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 1012 });
    // Flow 1 silent since 1000: not at 1005 (5 s is not "more than 5 s"), forced at 1010. Flow 2 silent since 1004: forced at 1010.
    assert.deepEqual(h.timeline().slice(0, 2), ['1010 protocolDetected #1 all', '1010 protocolDetected #2 all']);
    assert.deepEqual(forced, [1, 2]);
    assert.equal(h.scheduler.stats.forcedDetections, 2);
  });

  test('a TCP flow with FIN expires early (15 s) and gets flowEnd once; every flow without L7 is detected at once', () => {
    const h = harness();
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 80, proto: 6, flags: SYN, time: 1000.2 });
    h.add({ src: '10.0.0.2', dst: '10.0.0.1', sport: 80, dport: 40000, proto: 6, flags: SYN | ACK, time: 1000.3 });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 80, proto: 6, flags: ACK | 0x01, time: 1001 });
    h.add({ src: '10.0.0.5', dst: '10.0.0.6', proto: 1, icmpType: 8, time: 1030 });
    h.finish();
    assert.deepEqual(h.timeline(), [
      '1005 protocolDetected #1 all',
      '1020 flowEnd #1 all', // 1020 > 1001 + 15 and > 1000.2 + 15
      '1035 protocolDetected #2 all',
      '1035 flowEnd #2 all',
    ]);
  });
});

describe('scheduler: statusChanged', () => {
  function withStatus(profile: '2019.11' | '4.0' | '4.2') {
    const bitmaps = new Map<number, number>();
    const h = harness({
      profile,
      status: { getStatusBitmap: (f) => bitmaps.get(f.id) ?? 0 },
      onCall: (c) => {
        // A script sets a status bit in protocolDetected, and another one inside statusChanged itself.
        if (c.hook === 'protocolDetected') bitmaps.set(c.flow.id, 0b10);
        if (c.hook === 'statusChanged') bitmaps.set(c.flow.id, (bitmaps.get(c.flow.id) ?? 0) | 0b100);
      },
    });
    udpFlow(h, 1000, 1040, 10);
    h.finish();
    return h;
  }

  test('2019.11: after the hooks of a walk changed the bitmap, once; not re-triggered by its own change', () => {
    const h = withStatus('2019.11');
    assert.deepEqual(h.timeline(), [
      '1005 protocolDetected #1 all',
      '1005 statusChanged #1 all',
      '1035 periodicUpdate(0) #1 all',
      '1045 flowEnd #1 all',
    ]);
  });

  test('4.0 and 4.2 never call it', () => {
    for (const profile of ['4.0', '4.2'] as const) {
      assert.equal(withStatus(profile).calls.filter((c) => c.hook === 'statusChanged').length, 0, profile);
    }
  });
});

describe('scheduler: ordering', () => {
  /** Flow 1 lives on (periodic due at 1065), flow 2 has a single packet and goes idle at the walk of 1065. */
  function twoFlows(profile: '2019.11' | '4.2') {
    const h = harness({ profile });
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1000 });
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 1001 });
    for (let t = 1010; t <= 1070; t += 10) h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: t });
    return h.timeline().filter((l) => l.startsWith('1065'));
  }

  test('2019.11: flow by flow in creation order (an idle flow still gets a periodicUpdate that is due)', () => {
    assert.deepEqual(twoFlows('2019.11'), ['1065 periodicUpdate(1) #1 all', '1065 periodicUpdate(1) #2 all', '1065 flowEnd #2 all']);
  });

  test('4.2: idle queue first, then protocolDetected, then periodic (none after flowEnd)', () => {
    assert.deepEqual(twoFlows('4.2'), ['1065 flowEnd #2 all', '1065 periodicUpdate(1) #1 all']);
  });

  test('4.2 monotonic guard: protocolDetected does not run after flowEnd (2019.11 runs both)', () => {
    const run = (profile: '2019.11' | '4.2') => {
      const h = harness({ profile, flowOptions: { maxFlows: 1 } });
      h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1000.5 });
      h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 1001 }); // evicts flow 1
      h.finish();
      return h.timeline();
    };
    assert.deepEqual(run('2019.11'), ['1005 protocolDetected #1 all', '1005 flowEnd #1 all', '1005 protocolDetected #2 all', '1005 flowEnd #2 all']);
    assert.deepEqual(run('4.2'), ['1005 flowEnd #1 all', '1005 protocolDetected #2 all', '1005 flowEnd #2 all']);
  });

  test('4.2 runs scripts by descending prio (ties in declared order); earlier profiles in declared order', () => {
    const scripts: ScriptDecl[] = [
      { key: 'low', hooks: ['protocolDetected'], prio: -20 },
      { key: 'plain', hooks: ['protocolDetected'] },
      { key: 'high', hooks: ['protocolDetected'], prio: 20 },
      { key: 'plain2', hooks: ['protocolDetected'], prio: 0 },
    ];
    for (const [profile, order] of [['4.2', 'high,plain,plain2,low'], ['4.0', 'low,plain,high,plain2'], ['2019.11', 'low,plain,high,plain2']] as const) {
      const h = harness({ profile, scripts });
      h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1000 });
      h.finish();
      assert.deepEqual(h.timeline(), [`1005 protocolDetected #1 ${order}`], profile);
    }
  });
});

describe('scheduler: script selection', () => {
  function selected(scripts: ScriptDecl[], packets: FlowPacketSpec[], labels?: [string, string], profile: '2019.11' | '4.2' = '2019.11') {
    const h = harness({ profile, scripts, detector: labels ? fakeDetector(() => 1, () => labels) : undefined });
    for (const p of packets) h.add(p);
    h.finish();
    return h.calls.filter((c) => c.hook === 'protocolDetected').map((c) => c.scripts);
  }
  const udp: FlowPacketSpec = { src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 53, time: 1000 };
  const syn: FlowPacketSpec = { src: '10.0.0.1', dst: '10.0.0.2', sport: 40000, dport: 443, proto: 6, flags: SYN, time: 1000 };
  const synAck: FlowPacketSpec = { src: '10.0.0.2', dst: '10.0.0.1', sport: 443, dport: 40000, proto: 6, flags: SYN | ACK, time: 1000.1 };
  const ack: FlowPacketSpec = { ...syn, flags: ACK, time: 1000.2 };
  const pd = ['protocolDetected'];

  test('l4_proto by name; without it every l4_keys protocol; other L4 protocols reach no script', () => {
    const scripts: ScriptDecl[] = [{ key: 'tcp', hooks: pd, l4_proto: 'tcp' }, { key: 'udp', hooks: pd, l4_proto: 'udp' }, { key: 'any', hooks: pd }];
    assert.deepEqual(selected(scripts, [udp]), [['udp', 'any']]);
    assert.deepEqual(selected(scripts, [syn]), [['tcp', 'any']]);
    assert.deepEqual(selected(scripts, [{ ...udp, proto: 47 }]), []); // GRE: not in 2019.11's l4_keys
    assert.deepEqual(selected([{ key: 'gre', hooks: pd, l4_proto: 'gre' }], [{ ...udp, proto: 47 }], undefined, '4.2'), [['gre']]);
  });

  test('l7_proto (name, case-insensitive) and l7_proto_id match the master or the app', () => {
    const scripts: ScriptDecl[] = [
      { key: 'tls', hooks: pd, l7_proto: 'tls' },
      { key: 'google', hooks: pd, l7_proto: 'Google' },
      { key: 'dns5', hooks: pd, l7_proto_id: 5 },
      { key: 'nameWins', hooks: pd, l7_proto: 'DNS', l7_proto_id: 91 },
    ];
    assert.deepEqual(selected(scripts, [udp], ['TLS', 'Google']), [['tls', 'google']]);
    assert.deepEqual(selected(scripts, [udp], ['Unknown', 'DNS']), [['dns5', 'nameWins']]);
  });

  test('three_way_handshake_ok skips TCP flows without a completed handshake only', () => {
    const scripts: ScriptDecl[] = [{ key: 'twh', hooks: pd, three_way_handshake_ok: true }, { key: 'any', hooks: pd }];
    assert.deepEqual(selected(scripts, [syn]), [['any']]);
    assert.deepEqual(selected(scripts, [syn, synAck, ack]), [['twh', 'any']]);
    assert.deepEqual(selected(scripts, [udp]), [['twh', 'any']]);
  });

  test('hooks: only declared ones, `all` stands for the four; loader warnings', () => {
    const registry = new ScriptRegistry([
      { key: 'a', hooks: ['flowEnd', 'bogus'] },
      { key: 'b', hooks: [] },
      { key: 'c', hooks: ['all'], l4_proto: 'sctp' },
      { key: 'd', hooks: ['protocolDetected'], l7_proto: 'NoSuchProto' },
      { key: 'e', hooks: ['periodicUpdate'], periodic_update_seconds: 45 },
      { key: 'e', hooks: ['flowEnd'] },
    ], '2019.11');
    assert.deepEqual(registry.filters.map((f) => f.key), ['a', 'e']);
    assert.deepEqual([...registry.filters[0].hooks], ['flowEnd']);
    assert.equal(registry.filters[1].periodicDivisor, 4);
    assert.equal(registry.warnings.length, 6);
    assert.match(registry.warnings.join('\n'), /unknown hook 'bogus'/);
    assert.match(registry.warnings.join('\n'), /unknown l4_proto 'sctp'/);
    assert.match(registry.warnings.join('\n'), /duplicate/);
    assert.deepEqual([...compileScript({ key: 'x', hooks: ['all'] }, '4.2').filter!.hooks].sort(), ['flowEnd', 'periodicUpdate', 'protocolDetected', 'statusChanged']);
    assert.equal(compileScript({ key: 'x', hooks: ['all'], prio: 5 }, '2019.11').filter!.prio, 0);
  });
});

describe('scheduler: wall-clock mode', () => {
  test('walks follow the wall clock: a pcap read fast ends flows before any periodicUpdate', () => {
    let wall = 5000.5;
    const h = harness({ clock: 'wall', wallClock: () => wall });
    udpFlow(h, 1000, 1100, 10); // 100 s of packet time read in no wall time
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 1200 }); // flow 1 idles on packet time
    assert.deepEqual(h.calls, []);
    wall = 5005.1;
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 1201 });
    h.finish();
    assert.deepEqual(h.timeline(), [
      '5005 protocolDetected #1 all',
      '5005 flowEnd #1 all',
      '5005 protocolDetected #2 all',
      '5010 flowEnd #2 all',
    ]);
  });
});

describe('scheduler: driving the clock', () => {
  test('a live timer (advanceTime without packets) runs walks, periodic updates and idle expiry', () => {
    const h = harness();
    h.add({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: 1000 });
    for (let t = 1001; t <= 1070; t++) h.scheduler.advanceTime(t);
    assert.deepEqual(h.timeline(), ['1005 protocolDetected #1 all', '1035 periodicUpdate(0) #1 all', '1065 periodicUpdate(1) #1 all', '1065 flowEnd #1 all']);
  });

  test('a jump of years in packet time runs no empty walks and ends the old flows once', () => {
    const h = harness();
    udpFlow(h, 1000, 1010, 5);
    h.add({ src: '10.0.0.3', dst: '10.0.0.4', sport: 1, dport: 2, time: 1000 + 3 * 365 * 86400 });
    h.finish();
    assert.deepEqual(h.timeline(1), ['1005 protocolDetected #1 all', '1035 periodicUpdate(0) #1 all', '1065 periodicUpdate(1) #1 all', '1075 flowEnd #1 all']);
    assert.equal(count(h, 'flowEnd', 2), 1);
    assert.ok(h.scheduler.stats.walks < 17_300, `${h.scheduler.stats.walks} walks`); // one day walked exactly, then jumps
  });

  test('as a bare observer (no advanceTime before the table, no attached table) walks still catch up on packets', () => {
    const calls: HookCall[] = [];
    const scheduler = new HookScheduler({ scripts: [ALL], sink: (c) => calls.push(c) });
    const table = new FlowTable(scheduler);
    for (let t = 1000; t <= 1040; t += 10) {
      const { packet, decoded } = flowPacket({ src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, time: t });
      table.add(packet, decoded);
    }
    table.endAll();
    scheduler.finish();
    assert.deepEqual(calls.map((c) => `${c.now} ${c.hook}`), ['1005 protocolDetected', '1035 periodicUpdate', '1045 flowEnd']);
  });
});

function count(h: ReturnType<typeof harness>, hook: string, flowId: number): number {
  return h.calls.filter((c) => c.hook === hook && c.flow.id === flowId).length;
}
