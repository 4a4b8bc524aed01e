import { existsSync, statSync } from 'node:fs';
import { runCaptureFile } from '../run';
import type { Flow } from '../flows/flow';
import { flowJsonLine, flowToJson, type FlowJson } from '../report/flow-json';
import { renderFlowTable } from '../report/flow-table-text';
import { ACCOUNTING, isAccountingName } from '../accounting';
import { LineWriter } from './output';
import { withRunFeedback } from './run-feedback';
import { UserError } from './user-error';

export interface FlowsCommandOptions {
  capture: string;
  json: boolean;
  details: boolean;
  /** Print only the summary (what `ndpiReader -q` prints nothing but). */
  summaryOnly: boolean;
  /** Label flows with nDPI's protocol names (default); off gives the flows-only path. */
  dpi: boolean;
  accounting: string;
  idleTimeout?: number;
  maxFlows?: number;
}

export const FLOWS_USAGE = `usage: flowscript flows <capture> [--json [--details] | --summary] [--no-dpi] [--accounting ntopng|ndpireader] [--idle-timeout S] [--max-flows N]

Reads a pcap or pcapng capture and lists its flows.
  --json            one JSON object per flow (in the order flows end), then a summary line
  --details         with --json: also packet-length and inter-arrival statistics,
                    fragments and TCP retransmission/out-of-order/lost/keep-alive counts
  --summary         only the JSON summary line (packets, flows, what was skipped)
  --no-dpi          do not detect application protocols (no proto/host columns; faster)
  --accounting      ntopng (default): idle flows end after 60 s of packet time, later IP
                    fragments count to their flow; ndpireader: count like ndpiReader 4.2
  --idle-timeout S  seconds of packet time without packets before a flow ends (default 60)
  --max-flows N     most flows kept at once; the least recently active is evicted beyond it`;

/** `flowscript flows`: the flow table of a capture, as a text table or JSON lines. */
export async function flowsCommand(options: FlowsCommandOptions): Promise<number> {
  const { capture } = options;
  if (!existsSync(capture)) throw new UserError(`${capture}: no such file`);
  if (statSync(capture).isDirectory()) throw new UserError(`${capture}: is a directory, not a capture file`);
  const accounting = options.accounting;
  if (!isAccountingName(accounting)) {
    throw new UserError(`--accounting must be one of ${Object.keys(ACCOUNTING).join(', ')} (got "${accounting}")`);
  }

  const out = new LineWriter();
  const rows: FlowJson[] = [];
  const onFlowEnded = options.summaryOnly
    ? undefined
    : options.json
      ? (flow: Flow) => out.line(flowJsonLine(flow, options.details))
      : (flow: Flow) => rows.push(flowToJson(flow));

  const summary = await withRunFeedback(capture, (feedback) =>
    runCaptureFile(capture, {
      accounting,
      dpi: options.dpi,
      flowOptions: {
        ...(options.idleTimeout !== undefined ? { idleTimeoutSeconds: options.idleTimeout } : {}),
        ...(options.maxFlows !== undefined ? { maxFlows: options.maxFlows } : {}),
      },
      observer: { flowEnded: onFlowEnded },
      ...feedback,
    }),
  );

  if (options.json || options.summaryOnly) {
    out.line(
      JSON.stringify({
        summary: {
          packets: summary.packets,
          decoded: summary.decoded,
          skipped: summary.skipped,
          flows: summary.flows,
          capture_issues: summary.captureIssues,
          evicted: summary.flowsEnded.evicted,
          ...(summary.dissectorErrors ? { dissector_errors: summary.dissectorErrors } : {}),
          ...(summary.cancelled ? { cancelled: true } : {}),
        },
      }),
    );
  } else {
    if (rows.length > 0) out.line(renderFlowTable(rows));
    const skipped = Object.entries(summary.skipped)
      .map(([reason, n]) => `${n} ${reason}`)
      .join(', ');
    out.line('');
    out.line(
      `${summary.packets} packets, ${summary.decoded} on ${summary.flows} flows` +
        (skipped ? `; not on a flow: ${skipped}` : '') +
        (summary.flowsEnded.evicted ? `; ${summary.flowsEnded.evicted} flows evicted (table full)` : '') +
        (summary.captureIssues ? `; ${summary.captureIssues} capture problem(s)` : ''),
    );
  }
  out.flush();
  // 130 (as shells report SIGINT) when stopped by Ctrl+C; otherwise non-zero only when
  // nothing at all could be read.
  if (summary.cancelled) return 130;
  return summary.packets === 0 && summary.captureIssues > 0 ? 1 : 0;
}
