/**
 * `npm run bench`: throughput and memory of the engine against its peers, measured in
 * the same run on the same capture, reported as ratios (never asserted in tests).
 *
 *   FLOWSCRIPT_BENCH_ROUNDS=5 npm run bench
 */
import { resolve } from 'node:path';
import { ensureBigCapture } from './big-capture';
import { commandExists, measureRounds, type Measurement } from './measure';
import { countPackets } from './count-packets';

const rounds = Number(process.env.FLOWSCRIPT_BENCH_ROUNDS ?? 3);
const cli = resolve(__dirname, '..', 'dist', 'cli.js');

function line(name: string, m: Measurement, packets: number): string {
  const pps = packets / m.seconds;
  return `${name.padEnd(34)} ${m.seconds.toFixed(3).padStart(8)} s ${Math.round(pps).toLocaleString('en-US').padStart(12)} pkt/s ${m.peakMb.toFixed(0).padStart(6)} MB`;
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT MET';
}

function main(): void {
  const capture = ensureBigCapture();
  const packets = countPackets(capture);
  console.log(`capture: ${capture} (${packets.toLocaleString('en-US')} packets), ${rounds} rounds each, median time, max peak RSS\n`);

  // `ndpiReader -q` prints no flow list; `flows --summary` is the same work with the same
  // (summary-only) output. `--json` adds writing one JSON line per flow.
  const ours = measureRounds(process.execPath, [cli, 'flows', capture, '--summary', '--no-dpi'], rounds);
  console.log(line('flowscript flows --summary --no-dpi', ours, packets));
  const oursJson = measureRounds(process.execPath, [cli, 'flows', capture, '--json', '--no-dpi'], rounds);
  console.log(line('flowscript flows --json --no-dpi', oursJson, packets));
  const oursDpi = measureRounds(process.execPath, [cli, 'flows', capture, '--summary'], rounds);
  console.log(line('flowscript flows --summary (with L7)', oursDpi, packets));

  if (!commandExists('ndpiReader')) {
    console.log('\nndpiReader not found (apt-get install libndpi-bin): no peer comparison');
    return;
  }
  const ndpi = measureRounds('ndpiReader', ['-q', '-i', capture], rounds);
  console.log(line('ndpiReader -q -i (nDPI 4.2)', ndpi, packets));

  const ratio = ndpi.seconds / ours.seconds;
  const ratioJson = ndpi.seconds / oursJson.seconds;
  console.log(`\nflows-only throughput vs ndpiReader: ${ratio.toFixed(2)}x with --summary, ${ratioJson.toFixed(2)}x with --json (target >= 3x: ${verdict(ratio >= 3)})`);
  const peak = Math.max(ours.peakMb, oursJson.peakMb);
  console.log(`flows-only peak memory: ${peak.toFixed(0)} MB (target < 300 MB: ${verdict(peak < 300)})`);
  const ratioDpi = ndpi.seconds / oursDpi.seconds;
  console.log(`with L7 detection vs ndpiReader: ${ratioDpi.toFixed(2)}x (target >= 2x: ${verdict(ratioDpi >= 2)})`);
}

main();
