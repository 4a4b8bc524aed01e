import { CaptureIssuePrinter } from './capture-errors';
import { TerminalProgress } from './progress';
import type { RunOptions } from '../run';

/** What a command hands the pipeline so that a person at the terminal sees the run. */
export type RunFeedback = Pick<RunOptions, 'onProgress' | 'onIssue' | 'signal'>;

/**
 * Runs `work` on a capture with what every command shows while reading one: a progress
 * line on terminals, each capture problem on one line, and Ctrl+C stopping the read (what
 * was read is still reported; `cancelled` in the result says so).
 */
export async function withRunFeedback<T extends { cancelled: boolean; packets: number }>(
  capture: string,
  work: (feedback: RunFeedback) => Promise<T>,
  label = `reading ${capture}`,
): Promise<T> {
  const progress = new TerminalProgress(label);
  const issues = new CaptureIssuePrinter(capture);
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  let result: T;
  try {
    result = await work({
      onProgress: (done, total, packets) => progress.update(done, total, packets),
      onIssue: (issue) => {
        progress.done();
        issues.print(issue);
      },
      signal: interrupt.signal,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    progress.done();
    issues.finish();
  }
  if (result.cancelled) process.stderr.write(`${capture}: stopped by Ctrl+C after ${result.packets} packets\n`);
  return result;
}
