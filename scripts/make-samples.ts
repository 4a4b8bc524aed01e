/**
 * `npm run samples`: writes the sample captures under samples/captures from traffic the
 * project synthesizes itself (nothing is copied from elsewhere). The output is
 * deterministic, so the committed files only change when this script does. An optional
 * argument writes them to another folder (the tests compare a fresh run with the files).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PcapWriter, PcapngWriter } from '../engine/capture';
import { mixedTraffic } from './samples/mixed-traffic';
import { SCRIPT_CAPTURES } from './samples/script-traffic';
import type { TimedFrame } from './samples/conversations';

const out = resolve(process.argv[2] ?? resolve(__dirname, '..', 'samples', 'captures'));
mkdirSync(out, { recursive: true });

function write(frames: TimedFrame[], pcapName: string, pcapngName?: string): void {
  const pcap = new PcapWriter({ linkType: 1, resolution: 'us' });
  const pcapng = new PcapngWriter();
  const iface = pcapng.addInterface({ linkType: 1, name: 'eth0', description: 'Flow Script Studio sample traffic' });
  frames.forEach(({ time, frame }, i) => {
    const sec = Math.floor(time);
    const nsec = Math.round((time - sec) * 1e6) * 1000;
    const packet = {
      number: i + 1, sec, nsec, capturedLength: frame.length, originalLength: frame.length,
      linkType: 1, interfaceIndex: iface, data: frame, offset: 0,
    };
    pcap.packet(packet);
    if (pcapngName) pcapng.packet(packet);
  });
  writeFileSync(join(out, pcapName), pcap.toBytes());
  if (pcapngName) writeFileSync(join(out, pcapngName), pcapng.toBytes());
  console.log(`wrote ${frames.length} packets to ${join(out, pcapName)}${pcapngName ? ` and ${pcapngName}` : ''}`);
}

write(mixedTraffic(), 'mixed.pcap', 'mixed.pcapng');
for (const [name, traffic] of Object.entries(SCRIPT_CAPTURES)) write(traffic(), name);
