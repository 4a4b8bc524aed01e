import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The built CLI (npm test builds it first), run the way a user runs it. */
export const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

export function runCli(args: string[], options: { input?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, FLOWSCRIPT_NO_PROGRESS: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
