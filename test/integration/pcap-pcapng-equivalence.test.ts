/**
 * The same traffic in a pcap and in a pcapng file gives the same flow table. The
 * conversion is done by Wireshark's editcap (a real peer, installed by .ci/run), so
 * this also checks that we read the pcapng another tool writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptureFile } from '../../engine/run';
import { flowToJson, type FlowJson } from '../../engine/report/flow-json';
import { loadGroundTruths, capturePath } from '../support/ground-truth';

async function flowsOf(path: string): Promise<FlowJson[]> {
  const flows: FlowJson[] = [];
  await runCaptureFile(path, { observer: { flowEnded: (f) => flows.push(flowToJson(f, true)) } });
  return flows;
}

test('pcap and pcapng of the same traffic give identical flow tables', async () => {
  const editcap = spawnSync('editcap', ['-h'], { encoding: 'utf8' });
  assert.ok(!editcap.error, 'editcap is required (apt-get install wireshark-common); .ci/run installs it');
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-equiv-'));
  try {
    let compared = 0;
    for (const truth of loadGroundTruths()) {
      // One link type per file: a classic pcap cannot hold several.
      if (truth.file.link_types.length !== 1 || truth.file.packets === 0) continue;
      const target = truth.file.container === 'pcap' ? 'pcapng' : 'pcap';
      const converted = join(dir, `${truth.capture}.${target}`);
      const result = spawnSync('editcap', ['-F', target, capturePath(truth), converted], { encoding: 'utf8' });
      if (result.status !== 0) continue; // editcap refuses some fuzzed files; those prove nothing here
      assert.deepEqual(await flowsOf(converted), await flowsOf(capturePath(truth)), `${truth.capture} as ${target}`);
      compared++;
    }
    assert.ok(compared >= 35, `only ${compared} captures could be converted and compared`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
