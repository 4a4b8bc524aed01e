/**
 * No exception escapes a dissector: every dissector is fed the real payloads of the
 * shared captures' flows, in order and both directions, each mutated (bit flips, bytes
 * set to 0x00/0xff, cuts, inserted and deleted spans). Seeded, so every run is the same.
 * The dissectors are called directly, without the detector's safety net.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCaptureFile } from '../../engine/run';
import type { Flow } from '../../engine/flows/flow';
import { ALL_DISSECTORS } from '../../engine/dpi/dissectors';
import { L7State } from '../../engine/dpi/l7-state';
import type { DissectorContext } from '../../engine/dpi/dissector';
import { SHARED_CAPTURES, sharedCapturePath } from '../support/shared-pcaps';
import { SeededRandom } from '../support/seeded-random';

interface Sample {
  flow: Flow;
  transport: 'tcp' | 'udp';
  packets: { payload: Uint8Array; fromClient: boolean; srcPort: number; dstPort: number; time: number }[];
}

async function collectSamples(): Promise<Sample[]> {
  const samples = new Map<Flow, Sample>();
  for (const name of SHARED_CAPTURES) {
    await runCaptureFile(sharedCapturePath(name), {
      dpi: false,
      observer: {
        flowPacket(flow, fromClient, packet, d) {
          if (d.payloadLength === 0 || (d.l4Proto !== 6 && d.l4Proto !== 17)) return;
          let sample = samples.get(flow);
          if (!sample) samples.set(flow, (sample = { flow, transport: d.l4Proto === 6 ? 'tcp' : 'udp', packets: [] }));
          if (sample.packets.length >= 8) return;
          sample.packets.push({
            payload: packet.data.slice(d.payloadOffset, d.payloadOffset + d.payloadLength),
            fromClient,
            srcPort: d.srcPort,
            dstPort: d.dstPort,
            time: packet.sec,
          });
        },
      },
    });
  }
  return [...samples.values()];
}

function mutate(random: SeededRandom, input: Uint8Array): Uint8Array {
  let bytes = input.slice();
  const kind = random.int(6);
  if (kind === 0) for (let i = random.between(1, 8); i > 0 && bytes.length; i--) bytes[random.int(bytes.length)] ^= 1 << random.int(8);
  else if (kind === 1) for (let i = random.between(1, 4); i > 0 && bytes.length; i--) bytes[random.int(bytes.length)] = random.pick([0, 0xff, 0x7f, 0x80]);
  else if (kind === 2) bytes = bytes.slice(0, random.int(bytes.length + 1));
  else if (kind === 3) {
    const at = random.int(bytes.length + 1);
    bytes = Uint8Array.from([...bytes.slice(0, at), ...random.bytes(random.between(1, 64)), ...bytes.slice(at)]);
  } else if (kind === 4) {
    const at = random.int(bytes.length + 1);
    bytes = Uint8Array.from([...bytes.slice(0, at), ...bytes.slice(at + random.between(1, 32))]);
  } else {
    // A length-looking field blown up: two bytes set to 0xffff somewhere in the first 64.
    const at = random.int(Math.max(1, Math.min(64, bytes.length - 1)));
    if (bytes.length > at + 1) bytes[at] = bytes[at + 1] = 0xff;
  }
  return bytes;
}

test('no dissector throws on mutated real payloads', async () => {
  const samples = await collectSamples();
  assert.ok(samples.length > 300, `only ${samples.length} flows with payload`);
  const random = new SeededRandom(20261128);
  let calls = 0;
  for (let round = 0; round < 3; round++) {
    for (const sample of samples) {
      for (const dissector of ALL_DISSECTORS) {
        if (!dissector.transports.includes(sample.transport)) continue;
        const state = new L7State();
        for (const p of sample.packets) {
          const ctx: DissectorContext = {
            flow: sample.flow, state, payload: mutate(random, p.payload), fromClient: p.fromClient,
            srcPort: p.srcPort, dstPort: p.dstPort, transport: sample.transport, time: p.time, ipFragmented: false,
          };
          calls++;
          assert.doesNotThrow(() => dissector.inspect(ctx), `${dissector.protocol} on a mutated payload of flow ${sample.flow.clientIp}:${sample.flow.clientPort}`);
        }
      }
    }
  }
  assert.ok(calls > 10_000, `only ${calls} dissector calls`);
});
