/**
 * The hook scheduler inside the real pipeline (capture → decoder → flow table → L7
 * detector → scheduler): on real captures every TCP/UDP flow gets protocolDetected once,
 * with its labels settled, then flowEnd once; periodic updates count from 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCaptureFile } from '../../engine/run';
import { HookScheduler, type HookCall } from '../../engine/scripts/scheduler';
import { sharedCapturePath } from '../support/shared-pcaps';

for (const capture of ['wechat.pcap', 'iphone.pcap', 'rdp.pcap']) {
  test(`hooks fire once per flow, in order, on ${capture}`, async () => {
    const calls: HookCall[] = [];
    const labelsAtDetection = new Map<number, string>();
    let flows = 0;
    await runCaptureFile(sharedCapturePath(capture), {
      createStage: ({ table, detector }) => {
        const scheduler = new HookScheduler({
          scripts: [{ key: 'everything', hooks: ['all'], periodic_update_seconds: 30 }],
          sink: (call) => {
            calls.push({ ...call });
            if (call.hook === 'protocolDetected') labelsAtDetection.set(call.flow.id, call.flow.l7!.label);
          },
          giveUpDetection: (flow) => detector?.giveUp(flow),
        });
        scheduler.attachTable(table);
        return scheduler;
      },
      observer: { flowCreated: () => flows++ },
    });
    const byFlow = new Map<number, HookCall[]>();
    for (const call of calls) byFlow.set(call.flow.id, [...(byFlow.get(call.flow.id) ?? []), call]);
    let tcpUdp = 0;
    for (const [id, list] of byFlow) {
      const flow = list[0].flow;
      if (flow.l4Proto !== 6 && flow.l4Proto !== 17) continue;
      tcpUdp++;
      const hooks = list.map((c) => c.hook);
      assert.equal(hooks.filter((h) => h === 'protocolDetected').length, 1, `flow ${id}: ${hooks.join(',')}`);
      assert.equal(hooks.filter((h) => h === 'flowEnd').length, 1, `flow ${id}: ${hooks.join(',')}`);
      assert.equal(hooks[0], 'protocolDetected');
      assert.equal(hooks.at(-1), 'flowEnd');
      const ctrs = list.filter((c) => c.hook === 'periodicUpdate').map((c) => c.updateCtr);
      assert.deepEqual(ctrs, ctrs.map((_, i) => i));
      // The label the script sees is the final one: detection was over when it fired.
      assert.equal(labelsAtDetection.get(id), flow.l7!.label);
      assert.ok(list.every((c, i) => i === 0 || c.now >= list[i - 1].now), `flow ${id}: time goes forward`);
    }
    assert.ok(tcpUdp > 0 && byFlow.size <= flows);
  });
}
