/**
 * Reads what tcpdump and dumpcap write to standard error: the line saying the capture runs,
 * their packet counters (drops included) and their failures, sorted by what the user can do
 * about them. Wording checked against tcpdump 4.99 / libpcap 1.10 and dumpcap 4.0.
 */

/** The tool's own counters. Missing fields: not reported (yet). */
export interface CaptureToolStats {
  /** Packets the tool wrote out. */
  captured?: number;
  /** Packets that passed the filter, as the kernel counts them. */
  received?: number;
  /** Packets the kernel dropped because the tool (or we, behind it) did not read fast enough. */
  dropped?: number;
  /** Packets the interface (driver) dropped. */
  interfaceDropped?: number;
}

export type CaptureFailureKind = 'permission' | 'no-such-interface' | 'bad-filter' | 'other';

export type ToolMessage =
  | { kind: 'listening'; text: string }
  | { kind: 'stats'; stats: CaptureToolStats }
  | { kind: 'failure'; failure: CaptureFailureKind; text: string }
  | { kind: 'other'; text: string };

const PERMISSION = [
  /You don't have permission to (?:capture|perform this capture)/i,
  /You do not have permission to capture/i,
  /Operation not permitted/i,
  /Permission denied/i,
  /requires? (?:root|superuser) privileges/i,
];
const NO_DEVICE = [/No such device/i, /There is no device named/i, /no suitable device found/i, /is not up/i];
const FILTER = [/syntax error/i, /Invalid capture filter/i, /can't parse filter/i, /unknown (?:port|host|network|protocol|ether host)/i, /illegal/i, /not a valid capture filter/i];

/** Sorts one line of the tool's standard error. */
export function parseToolLine(line: string): ToolMessage {
  const text = line.replace(/^(?:tcpdump|dumpcap):\s*/, '').trim();
  // tcpdump: "listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes";
  // dumpcap: "Capturing on 'Loopback: lo'".
  if (/^listening on /.test(text) || /^Capturing on /.test(text)) return { kind: 'listening', text };
  // dumpcap names its output file ("File: -"): nothing the user needs.
  if (/^File: /.test(text)) return { kind: 'listening', text };
  const stats = parseStats(text);
  if (stats) return { kind: 'stats', stats };
  if (PERMISSION.some((re) => re.test(text))) return { kind: 'failure', failure: 'permission', text };
  if (NO_DEVICE.some((re) => re.test(text))) return { kind: 'failure', failure: 'no-such-interface', text };
  if (FILTER.some((re) => re.test(text))) return { kind: 'failure', failure: 'bad-filter', text };
  return { kind: 'other', text };
}

/**
 * Counter lines:
 * - tcpdump on SIGUSR1: "12 packets captured, 12 packets received by filter, 0 packets dropped by kernel";
 * - tcpdump at exit, one per line: "12 packets captured", "... received by filter", "... dropped by kernel",
 *   "... dropped by interface";
 * - dumpcap at exit: "Packets received/dropped on interface 'Loopback: lo': 12/0 (pcap:0/dumpcap:0/flushed:0/ps_ifdrop:0) (100.0%)".
 */
export function parseStats(text: string): CaptureToolStats | undefined {
  const dumpcap = /^Packets received\/dropped on interface .*: (\d+)\/(\d+)(?: \(pcap:(\d+)\/dumpcap:(\d+)\/flushed:(\d+)\/ps_ifdrop:(\d+)\))?/.exec(text);
  if (dumpcap) {
    const stats: CaptureToolStats = { received: Number(dumpcap[1]), dropped: Number(dumpcap[2]) };
    if (dumpcap[6] !== undefined) stats.interfaceDropped = Number(dumpcap[6]);
    return stats;
  }
  const dumpcapCaptured = /^\r?Packets(?: captured)?: (\d+)\s*$/.exec(text);
  if (dumpcapCaptured) return { captured: Number(dumpcapCaptured[1]) };
  const stats: CaptureToolStats = {};
  let found = false;
  for (const part of text.split(',')) {
    const m = /^\s*(\d+) packets? (captured|received by filter|dropped by kernel|dropped by interface)\s*$/.exec(part);
    if (!m) return found ? stats : undefined;
    found = true;
    const n = Number(m[1]);
    if (m[2] === 'captured') stats.captured = n;
    else if (m[2] === 'received by filter') stats.received = n;
    else if (m[2] === 'dropped by kernel') stats.dropped = n;
    else stats.interfaceDropped = n;
  }
  return found ? stats : undefined;
}

/** Splits a byte stream into lines (the tool writes its messages in pieces). */
export class LineSplitter {
  private rest = '';
  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const text = this.rest + chunk;
    const lines = text.split(/\r?\n|\r(?!$)/);
    this.rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) this.onLine(line);
  }

  end(): void {
    if (this.rest.trim()) this.onLine(this.rest);
    this.rest = '';
  }
}
