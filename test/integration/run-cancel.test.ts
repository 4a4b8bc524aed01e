/**
 * A run can be stopped between two chunks of the capture (the extension's Cancel button
 * and Ctrl+C in the CLI use this): it stops early, says so, and still ends every flow it
 * had started, so nothing read is lost.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcapWriter, copyPacket, readCaptureFile, type CapturedPacket } from '../../engine/capture';
import { runCaptureFile } from '../../engine/run';
import { sharedCapturePath } from '../support/shared-pcaps';

test('cancelling a run stops it between chunks and ends the flows read so far', async () => {
  // About 8 MB: wechat.pcap's packets twelve times over, each copy an hour later.
  const packets: CapturedPacket[] = [];
  readCaptureFile(sharedCapturePath('wechat.pcap'), { packet: (p) => packets.push(copyPacket(p)) });
  const writer = new PcapWriter({ linkType: 1 });
  for (let copy = 0; copy < 12; copy++) for (const p of packets) writer.packet({ ...p, sec: p.sec + copy * 3600 });
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-cancel-'));
  const path = join(dir, 'big.pcap');
  writeFileSync(path, writer.toBytes());
  try {
    const whole = await runCaptureFile(path);
    assert.equal(whole.cancelled, false);
    assert.equal(whole.packets, packets.length * 12);

    const controller = new AbortController();
    let ended = 0;
    const partial = await runCaptureFile(path, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
      observer: { flowEnded: () => ended++ },
    });
    assert.equal(partial.cancelled, true);
    assert.ok(partial.packets > 0 && partial.packets < whole.packets, `read ${partial.packets} of ${whole.packets}`);
    assert.equal(ended, partial.flows, 'every flow started before the cancel was ended');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
