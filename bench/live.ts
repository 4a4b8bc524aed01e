/**
 * Live throughput (`npm run bench`, "live capture"): the big capture replayed with tcpreplay
 * into a veth pair in a namespace of our own, at increasing rates, while `flowscript run` with
 * every sample script captures the other end through tcpdump. A rate passes when tcpdump
 * dropped nothing (kernel and interface) and the engine had read every packet tcpdump wrote
 * by the time of the stop, one second after the replay ended (no backlog). Reported: the
 * highest passing rate. Each step replays about 3 s of packets from the start of the capture.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandExists } from './measure';
import { BenchNamespace } from './live-netns';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const RATES = (process.env.FLOWSCRIPT_BENCH_LIVE_RATES ?? '1000,2000,3000,4000,6000,8000,12000,16000,24000,32000').split(',').map(Number);
const STEP_SECONDS = 3;
/** Kernel capture buffer for the runs (--buffer-mib); 0: flowscript's default (32 MiB). */
const BUFFER_MIB = Number(process.env.FLOWSCRIPT_BENCH_LIVE_BUFFER_MIB ?? 0);

interface StepResult {
  rate: number;
  /** What tcpreplay achieved. */
  sentPackets: number;
  sentPps: number;
  failedSends: number;
  engine: number;
  captured: number;
  dropped: number;
  interfaceDropped: number;
  maxBacklog: number;
  backlogAtStop: number;
  hits: number;
  pass: boolean;
}

export async function runLiveBench(capture: string, totalPackets: number): Promise<void> {
  console.log('\nlive capture (tcpreplay into a veth pair, tcpdump, every sample script):');
  if (process.getuid?.() !== 0) return console.log('  skipped: needs root (a network namespace and a veth pair)');
  for (const tool of ['tcpreplay', 'tcpdump', 'ip']) {
    if (!commandExists(tool)) return console.log(`  skipped: ${tool} not found (apt-get install -y tcpreplay tcpdump iproute2)`);
  }
  // FLOWSCRIPT_BENCH_LIVE_SCRIPTS (comma-separated paths) measures other scripts instead.
  const scripts = process.env.FLOWSCRIPT_BENCH_LIVE_SCRIPTS?.split(',')
    ?? readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.lua')).map((f) => join(ROOT, 'samples', f));
  const ns = new BenchNamespace();
  ns.create();
  const results: StepResult[] = [];
  try {
    for (const rate of RATES) {
      const r = await step(ns, scripts, capture, rate, Math.min(totalPackets, rate * STEP_SECONDS));
      results.push(r);
      console.log(`  ${String(rate).padStart(7)} pkt/s asked, ${String(Math.round(r.sentPps)).padStart(7)} sent (${r.sentPackets} packets${r.failedSends ? `, ${r.failedSends} failed sends` : ''}): ` +
        `tcpdump captured ${r.captured}, dropped ${r.dropped}${r.interfaceDropped ? ` (+${r.interfaceDropped} by the interface)` : ''}; engine read ${r.engine}, ` +
        `backlog max ${r.maxBacklog} / at stop ${r.backlogAtStop}; ${r.hits} hits — ${r.pass ? 'ok' : 'FAILED'}`);
      if (!r.pass) break;
    }
  } finally {
    ns.destroy();
  }
  const best = results.filter((r) => r.pass).pop();
  console.log(best
    ? `  highest rate with zero drops and no engine backlog: ${Math.round(best.sentPps).toLocaleString('en-US')} pkt/s (asked ${best.rate.toLocaleString('en-US')}) with ${scripts.length} script(s) loaded`
    : '  no rate passed');
}

async function step(ns: BenchNamespace, scripts: string[], capture: string, rate: number, limit: number): Promise<StepResult> {
  const [cmd, args] = ns.exec(process.execPath, [CLI, 'run', ...scripts, '--interface', ns.captureIf, '--json', '--summary', ...(BUFFER_MIB ? ['--buffer-mib', String(BUFFER_MIB)] : [])]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FLOWSCRIPT_NO_PROGRESS: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  const started = new Promise<void>((resolveStarted, reject) => {
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      if (/capturing on/.test(stderr)) resolveStarted();
    });
    child.once('close', () => reject(new Error(`flowscript ended before capturing: ${stderr.trim()}`)));
  });
  const closed = new Promise<void>((r) => child.once('close', () => r()));
  await started;
  const [rcmd, rargs] = ns.exec('tcpreplay', ['-i', ns.sendIf, '--pps', String(rate), '--limit', String(limit), capture]);
  const replay = spawnSync(rcmd, rargs, { encoding: 'utf8' });
  const out = `${replay.stdout}\n${replay.stderr}`;
  await new Promise((r) => setTimeout(r, 1000));
  child.kill('SIGINT');
  await closed;
  const summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}').summary as {
    packets: number; hits: Record<string, number>;
    capture: { captured?: number; dropped?: number; interface_dropped?: number; max_backlog: number; backlog_at_stop: number };
  };
  const c = summary.capture;
  const sent = /Actual: (\d+) packets/.exec(out);
  const pps = /Rated: [\d.]+ Bps, [\d.]+ Mbps, ([\d.]+) pps/.exec(out);
  const failed = /Failed packets:\s+(\d+)/.exec(out);
  const result: StepResult = {
    rate,
    sentPackets: Number(sent?.[1] ?? 0),
    sentPps: Number(pps?.[1] ?? 0),
    failedSends: Number(failed?.[1] ?? 0),
    engine: summary.packets,
    captured: c.captured ?? 0,
    dropped: c.dropped ?? 0,
    interfaceDropped: c.interface_dropped ?? 0,
    maxBacklog: c.max_backlog,
    backlogAtStop: c.backlog_at_stop,
    hits: Object.values(summary.hits).reduce((a, b) => a + b, 0),
    pass: false,
  };
  result.pass = result.dropped === 0 && result.interfaceDropped === 0 && result.backlogAtStop === 0 && result.engine >= result.captured;
  return result;
}
