import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measurement {
  seconds: number;
  /** Peak resident memory of the process, in MB (NaN when it cannot be measured). */
  peakMb: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * The environment the benchmarks run Node commands in: this one without
 * NODE_EXTRA_CA_CERTS. When that variable is set, Node parses the certificate file at
 * every start, before any of our code runs (85 ms per start on the development machine,
 * whose sandbox sets it for its proxy); flowscript opens no TLS connection, and a user's
 * machine does not normally set it. `nodeStartCost` measures what it would add.
 */
export const BENCH_NODE_ENV: NodeJS.ProcessEnv = (() => {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
})();

/**
 * Runs a command once, with its output discarded, and measures wall time and peak RSS
 * (through GNU time when it is installed).
 */
export function measureCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measurement {
  const useTime = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const result = useTime
    ? spawnSync(GNU_TIME, ['-f', '%M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env })
    : spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${String(result.stderr).slice(-500)}`);
  }
  const lastLine = String(result.stderr).trim().split('\n').pop() ?? '';
  const peakKb = useTime ? Number(lastLine) : NaN;
  return { seconds, peakMb: peakKb / 1024 };
}

/**
 * Median seconds of `node -e 0` in the benchmark environment and, when this one sets
 * NODE_EXTRA_CA_CERTS, with it (undefined otherwise).
 */
export function nodeStartCost(rounds = 5): { bare: number; withExtraCaCerts: number | undefined } {
  const start = (env: NodeJS.ProcessEnv) => median(Array.from({ length: rounds }, () => measureCommand(process.execPath, ['-e', '0'], env).seconds));
  return {
    bare: start(BENCH_NODE_ENV),
    withExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ? start(process.env) : undefined,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}


export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
