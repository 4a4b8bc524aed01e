import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measurement {
  seconds: number;
  /** Peak resident memory of the process, in MB (NaN when it cannot be measured). */
  peakMb: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command once, with its output discarded, and measures wall time and peak RSS
 * (through GNU time when it is installed).
 */
export function measureCommand(command: string, args: string[]): Measurement {
  const useTime = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const result = useTime
    ? spawnSync(GNU_TIME, ['-f', '%M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${String(result.stderr).slice(-500)}`);
  }
  const lastLine = String(result.stderr).trim().split('\n').pop() ?? '';
  const peakKb = useTime ? Number(lastLine) : NaN;
  return { seconds, peakMb: peakKb / 1024 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}


export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
