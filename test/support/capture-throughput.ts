/**
 * Throughput of the capture reader (the figure in docs/design.md, "Capture readers").
 * Not a test: run it by hand, each reader in its own process so JIT state is not shared:
 *
 *   node --import tsx test/support/capture-throughput.ts ~/.cache/flowscript/BIG.pcap ours
 *   node --import tsx test/support/capture-throughput.ts ~/.cache/flowscript/BIG.pcap ours-stream
 *   PCAP_PARSER_DIR=/tmp/pcap-parser-bench \
 *     node --import tsx test/support/capture-throughput.ts ~/.cache/flowscript/BIG.pcap pcap-parser
 *
 * The pcap-parser comparison needs `npm install pcap-parser@0.2.1` in a throwaway
 * directory outside the project (it is not a dependency). Every reader does the same
 * work per packet: count it and add its captured length, so the bytes are touched.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { feedStream, readCaptureFile } from '../../engine/capture';

type Reader = (path: string) => Promise<{ packets: number; bytes: number }>;

const readers: Record<string, Reader> = {
  async ours(path) {
    let packets = 0;
    let bytes = 0;
    readCaptureFile(path, { packet: (p) => { packets += 1; bytes += p.capturedLength; } });
    return { packets, bytes };
  },
  async 'ours-stream'(path) {
    let packets = 0;
    let bytes = 0;
    await feedStream(createReadStream(path, { highWaterMark: 1 << 20 }), { packet: (p) => { packets += 1; bytes += p.capturedLength; } });
    return { packets, bytes };
  },
  'pcap-parser'(path) {
    const dir = process.env.PCAP_PARSER_DIR;
    if (dir === undefined) throw new Error('set PCAP_PARSER_DIR to a directory where pcap-parser@0.2.1 is installed');
    const pcapParser = createRequire(join(dir, 'package.json'))('pcap-parser') as {
      parse(path: string): NodeJS.EventEmitter;
    };
    return new Promise((resolve, reject) => {
      let packets = 0;
      let bytes = 0;
      const parser = pcapParser.parse(path);
      parser.on('packet', (p: { data: Buffer }) => { packets += 1; bytes += p.data.length; });
      parser.on('error', reject);
      parser.on('end', () => resolve({ packets, bytes }));
    });
  },
};

async function main(): Promise<void> {
  const [path, name = 'ours', roundsText = '5'] = process.argv.slice(2);
  const reader = readers[name];
  if (path === undefined || reader === undefined) {
    console.error(`usage: capture-throughput.ts <capture> [${Object.keys(readers).join('|')}] [rounds]`);
    process.exit(2);
  }
  const times: number[] = [];
  let result = { packets: 0, bytes: 0 };
  for (let round = 0; round < Number(roundsText); round++) {
    const started = process.hrtime.bigint();
    result = await reader(path);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${name}: ${result.packets} packets, ${result.bytes} captured bytes; median ${median.toFixed(0)} ms of ${times.length} ` +
    `(${times.map((t) => t.toFixed(0)).join(', ')}); ${(result.packets / median / 1000).toFixed(2)} M packets/s`);
}

void main();
