import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCaptureFile } from '../../engine/capture';
import { decodePacket, newDecodedPacket } from '../../engine/decode';
import { FlowTable } from '../../engine/flows/table';
import { chainObservers } from '../../engine/flows/observers';
import { L7Detector } from '../../engine/dpi/detector';
import { ACCOUNTING } from '../../engine/accounting';
import { HookScheduler, type HookCall } from '../../engine/scripts/scheduler';
import { SHARED_CAPTURES, sharedCapturePath } from '../support/shared-pcaps';

/**
 * On the real shared captures, through the whole pipeline (ntopng accounting, L7 detector, the
 * scheduler driving the table's clock): every flow gets exactly one protocolDetected and exactly
 * one flowEnd, protocolDetected first (counted as the C++ side's calls, `emitEmpty`, so that flows of L4
 * protocols outside `l4_keys`, which reach no script, count too). The spec allows a flow to miss protocolDetected only when it
 * ends before its first walk and 4.2's monotonic guard drops the call (or ntopng shuts down first);
 * with 5 s walks, ≥ 15 s idle timeouts and the end of capture running one last walk before the
 * shutdown, that cannot happen without eviction, which ntopng's default table size never reaches here.
 */
function runCapture(name: string, profile: '2019.11' | '4.2') {
  const calls: HookCall[] = [];
  const scheduler = new HookScheduler({ profile, scripts: [{ key: 'all', hooks: ['all'] }], emitEmpty: true, sink: (c) => calls.push(c) });
  const accounting = ACCOUNTING.ntopng;
  const table = new FlowTable(chainObservers(new L7Detector(accounting.detection), scheduler), accounting.flowTable);
  scheduler.attachTable(table);
  const decoded = newDecodedPacket();
  readCaptureFile(sharedCapturePath(name), {
    packet: (packet) => {
      if (decodePacket(packet, decoded, accounting.decoder) !== null) return;
      scheduler.advanceTime(packet.sec + packet.nsec / 1e9);
      table.add(packet, decoded);
    },
    issue: () => {},
  });
  scheduler.finish();
  return { calls, table, scheduler };
}

test('shared captures: exactly one protocolDetected and one flowEnd per flow, in that order', () => {
  let flows = 0;
  for (const name of SHARED_CAPTURES) {
    for (const profile of ['2019.11', '4.2'] as const) {
      const { calls, table, scheduler } = runCapture(name, profile);
      const seen = new Map<number, string[]>();
      for (const c of calls) {
        if (c.hook === 'periodicUpdate') continue;
        let list = seen.get(c.flow.id);
        if (!list) seen.set(c.flow.id, (list = []));
        list.push(c.hook);
      }
      assert.equal(table.stats.flowsEnded.evicted, 0, name);
      assert.equal(seen.size, table.stats.flowsCreated, `${name} ${profile}: every flow has calls`);
      for (const [id, hooks] of seen) assert.deepEqual(hooks, ['protocolDetected', 'flowEnd'], `${name} ${profile} flow ${id}`);
      assert.equal(scheduler.liveFlows, 0);
      // periodicUpdate counters run 0, 1, 2... per flow, all before its flowEnd.
      const ctr = new Map<number, number>();
      for (const c of calls) if (c.hook === 'periodicUpdate') {
        assert.equal(c.updateCtr, ctr.get(c.flow.id) ?? 0, `${name} flow ${c.flow.id}`);
        ctr.set(c.flow.id, c.updateCtr! + 1);
      }
      if (profile === '2019.11') flows += table.stats.flowsCreated;
    }
  }
  assert.ok(flows > 500, `only ${flows} flows`);
});
