/**
 * What a person at the terminal sees during a live capture: which tool captures where (and
 * its pid), a status line on terminals (packets, flows, the tool's drops), Ctrl+C stopping
 * the capture cleanly, and a capture failure as one message with its fix.
 */
import { isLiveCaptureError, type CaptureToolStats } from '../capture/live';
import type { LiveRunSummary, LiveStatus } from '../run-live';
import { UserError } from './user-error';

export interface LiveFeedback {
  signal: AbortSignal;
  onStarted(capture: { tool: string; pid: number }): void;
  onStatus(status: LiveStatus): void;
  onToolMessage(text: string): void;
}

/** Runs `work` with Ctrl+C wired to stop it; a capture failure becomes a UserError. */
export async function withLiveFeedback<T extends { summary: LiveRunSummary }>(
  iface: string,
  work: (feedback: LiveFeedback) => Promise<T>,
): Promise<T> {
  const tty = Boolean(process.stderr.isTTY) && process.env.FLOWSCRIPT_NO_PROGRESS !== '1';
  let drawn = false;
  const clear = () => {
    if (drawn) process.stderr.write('\r\x1b[2K');
    drawn = false;
  };
  const stop = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    // A second Ctrl+C leaves at once (the tool is still stopped on exit).
    if (++interrupts > 1) process.exit(130);
    clear();
    process.stderr.write('flowscript: stopping the capture (Ctrl+C again to quit at once)\n');
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const result = await work({
      signal: stop.signal,
      onStarted: (c) => process.stderr.write(`flowscript: capturing on ${iface} with ${c.tool} (pid ${c.pid}); Ctrl+C stops\n`),
      onStatus: (s) => {
        if (!tty) return;
        process.stderr.write(`\r${iface}: ${s.packets} packets, ${s.activeFlows} flows open (${s.flowsCreated} seen), ${dropText(s.tool)} `);
        drawn = true;
      },
      onToolMessage: (text) => {
        clear();
        process.stderr.write(`flowscript: ${text}\n`);
      },
    });
    clear();
    if (result.summary.toolError) process.stderr.write(`flowscript: the capture ended early: ${result.summary.toolError}\n`);
    return result;
  } catch (error) {
    clear();
    if (isLiveCaptureError(error)) throw new UserError(error.message, 1);
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigint);
  }
}

export function dropText(stats: CaptureToolStats): string {
  if (stats.dropped === undefined) return 'drops not reported yet';
  return `${stats.dropped} dropped by the kernel` + (stats.interfaceDropped ? `, ${stats.interfaceDropped} by the interface` : '');
}

/** The summary line about the capture itself. */
export function liveSummaryLine(s: LiveRunSummary): string {
  const t = s.toolStats;
  const received = t.received !== undefined ? `${t.received} packets received by the filter, ` : '';
  return `capture: ${s.tool} on ${s.interface}, stopped by ${s.stoppedBy}: ${received}${dropText(t)}`;
}

/** The `capture` object of the JSON summary line (docs/live.md). */
export function liveSummaryJson(s: LiveRunSummary): { [key: string]: string | number } {
  const t = s.toolStats;
  const out: { [key: string]: string | number } = { interface: s.interface, tool: s.tool, stopped_by: s.stoppedBy };
  if (t.captured !== undefined) out.captured = t.captured;
  if (t.received !== undefined) out.received = t.received;
  if (t.dropped !== undefined) out.dropped = t.dropped;
  if (t.interfaceDropped !== undefined) out.interface_dropped = t.interfaceDropped;
  out.max_backlog = s.maxBacklog;
  out.backlog_at_stop = s.backlogAtStop;
  return out;
}
