/**
 * `npm run bench`: throughput and memory of the engine against its peers, measured in
 * the same run on the same capture, reported as ratios (never asserted in tests).
 *
 * Rounds are interleaved (every command once per round) so that a busy moment of the
 * machine hits all of them alike; each ratio is the median of the per-round ratios.
 *
 *   FLOWSCRIPT_BENCH_ROUNDS=7 npm run bench
 *   FLOWSCRIPT_BENCH=lsp npm run bench      (only the language server's latency, bench/lsp.ts)
 *   FLOWSCRIPT_BENCH=live npm run bench     (only live-capture throughput, bench/live.ts; root)
 *   FLOWSCRIPT_BENCH=api npm run bench      (only the cost of each flow.* call, bench/flow-api-cost.ts)
 */
import { resolve } from 'node:path';
import { ensureBigCapture } from './big-capture';
import { BENCH_NODE_ENV, commandExists, measureCommand, median, nodeStartCost, type Measurement } from './measure';
import { countPackets } from './count-packets';
import { runLspBench } from './lsp';
import { benchScripts } from './scripts-cost';
import { runLiveBench } from './live';
import { runFlowApiCostBench } from './flow-api-cost';

const rounds = Number(process.env.FLOWSCRIPT_BENCH_ROUNDS ?? 5);
const cli = resolve(__dirname, '..', 'dist', 'cli.js');

interface Subject {
  name: string;
  command: string;
  args: string[];
  /** Environment of the command (our Node commands run in BENCH_NODE_ENV). */
  env?: NodeJS.ProcessEnv;
  runs: Measurement[];
}

function report(subject: Subject, packets: number): string {
  const times = subject.runs.map((r) => r.seconds);
  const med = median(times);
  const best = Math.min(...times);
  const peak = Math.max(...subject.runs.map((r) => r.peakMb));
  return `${subject.name.padEnd(38)} median ${med.toFixed(3)} s (best ${best.toFixed(3)})  ${Math.round(packets / med).toLocaleString('en-US').padStart(10)} pkt/s  ${peak.toFixed(0).padStart(5)} MB`;
}

function ratio(peer: Subject, ours: Subject): { median: number; best: number } {
  const perRound = peer.runs.map((p, i) => p.seconds / ours.runs[i].seconds);
  return {
    median: median(perRound),
    best: Math.min(...peer.runs.map((r) => r.seconds)) / Math.min(...ours.runs.map((r) => r.seconds)),
  };
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT MET';
}

function main(): void {
  const capture = ensureBigCapture();
  const packets = countPackets(capture);
  const subjects: Subject[] = [
    // `ndpiReader -q` prints no flow list; `flows --summary --no-dpi` does the same
    // flows-only work with the same (summary) output. `--json` adds one line per flow.
    { name: 'flowscript flows --summary --no-dpi', command: process.execPath, args: [cli, 'flows', capture, '--summary', '--no-dpi'], env: BENCH_NODE_ENV, runs: [] },
    { name: 'flowscript flows --json --no-dpi', command: process.execPath, args: [cli, 'flows', capture, '--json', '--no-dpi'], env: BENCH_NODE_ENV, runs: [] },
    { name: 'flowscript flows --summary (with L7)', command: process.execPath, args: [cli, 'flows', capture, '--summary'], env: BENCH_NODE_ENV, runs: [] },
  ];
  const haveNdpi = commandExists('ndpiReader');
  if (haveNdpi) subjects.push({ name: 'ndpiReader -q -i (nDPI 4.2)', command: 'ndpiReader', args: ['-q', '-i', capture], runs: [] });
  console.log(`capture: ${capture} (${packets.toLocaleString('en-US')} packets), ${rounds} interleaved rounds`);
  const start = nodeStartCost();
  console.log(`Node start-up (node -e 0): ${start.bare.toFixed(3)} s, included in every flowscript figure` +
    (start.withExtraCaCerts === undefined ? '' :
      `; NODE_EXTRA_CA_CERTS is set here and would make it ${start.withExtraCaCerts.toFixed(3)} s (Node parses those certificates at every start): flowscript runs without it (bench/measure.ts)`));
  console.log('');
  for (let round = 0; round < rounds; round++) {
    for (const subject of subjects) subject.runs.push(measureCommand(subject.command, subject.args, subject.env));
  }
  for (const subject of subjects) console.log(report(subject, packets));
  benchScripts(capture);
  if (!haveNdpi) {
    console.log('\nndpiReader not found (apt-get install libndpi-bin): no peer comparison');
    return;
  }
  const [flowsOnly, flowsJson, withL7, ndpi] = subjects;
  const a = ratio(ndpi, flowsOnly);
  const b = ratio(ndpi, flowsJson);
  const c = ratio(ndpi, withL7);
  console.log(`\nflows-only vs ndpiReader: ${a.median.toFixed(2)}x median of rounds (best-of ${a.best.toFixed(2)}x); with --json ${b.median.toFixed(2)}x — target >= 3x: ${verdict(a.median >= 3)}`);
  const peak = Math.max(...flowsOnly.runs.map((r) => r.peakMb), ...flowsJson.runs.map((r) => r.peakMb));
  console.log(`flows-only peak memory: ${peak.toFixed(0)} MB — target < 300 MB: ${verdict(peak < 300)}`);
  console.log(`with L7 detection vs ndpiReader: ${c.median.toFixed(2)}x median of rounds (best-of ${c.best.toFixed(2)}x) — target >= 2x: ${verdict(c.median >= 2)}`);
}

// The language server's latency first (seconds), then the capture benchmarks (minutes),
// then live capture (about half a minute).
const liveBench = () => {
  const capture = ensureBigCapture();
  return runLiveBench(capture, countPackets(capture));
};
const only = process.env.FLOWSCRIPT_BENCH;
(only === 'live' ? liveBench() : only === 'api' ? runFlowApiCostBench() : runLspBench().then(
  () => {
    if (only !== 'lsp') {
      console.log('');
      main();
      console.log('');
      return runFlowApiCostBench().then(liveBench);
    }
  },
)).then(
  () => {},
  (error: Error) => {
    console.error(`benchmark failed: ${error.message}`);
    process.exitCode = 1;
  },
);
