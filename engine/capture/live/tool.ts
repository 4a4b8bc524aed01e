/**
 * Which capture tool to run and with which arguments. The tool writes a pcap (tcpdump) or
 * pcapng (dumpcap) stream to its standard output, one packet at a time, for the same
 * incremental reader that reads files (../stream-reader.ts).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export type CaptureToolKind = 'tcpdump' | 'dumpcap';
export const CAPTURE_TOOLS: readonly CaptureToolKind[] = ['tcpdump', 'dumpcap'];

export interface CaptureToolOptions {
  /** tcpdump (default) or dumpcap (Wireshark's capture helper). */
  tool?: CaptureToolKind;
  /** The tool's executable; default: found on PATH, then in the sbin folders. */
  toolPath?: string;
}

export interface CaptureStartOptions extends CaptureToolOptions {
  /** Interface name as the tool lists it (`flowscript interfaces`). */
  interface: string;
  /** BPF capture filter (libpcap syntax). */
  filter?: string;
  /** Bytes kept of each packet (default: the tool's, 262144). */
  snaplen?: number;
  /** Stop after this many packets (the tool counts them). */
  packets?: number;
  /** Kernel capture buffer, MiB (LiveCapture's default: DEFAULT_BUFFER_MIB). */
  bufferMiB?: number;
}

/**
 * The kernel buffer flowscript asks for, instead of the tools' 2 MiB: hooks run in bursts at
 * each walk (every pending protocolDetected at once), and packets must wait in the kernel
 * meanwhile. With 2 MiB the benchmark's mix lost packets at 1,000 pkt/s (docs/live.md).
 */
export const DEFAULT_BUFFER_MIB = 32;

/** Folders searched after PATH: capture tools live in sbin on many systems, which a user's PATH may lack. */
const EXTRA_FOLDERS = ['/usr/sbin', '/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'];

/** The executable for the tool, or undefined when it cannot be found or run. */
export function findCaptureTool(options: CaptureToolOptions = {}): string | undefined {
  const kind = options.tool ?? 'tcpdump';
  if (options.toolPath) return isExecutable(options.toolPath) ? options.toolPath : undefined;
  const folders = [...(process.env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d)), ...EXTRA_FOLDERS];
  for (const folder of folders) {
    const candidate = join(folder, kind);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Arguments for a capture to standard output. tcpdump: `-U` flushes after every packet and
 * `--immediate-mode` hands packets over at once instead of libpcap's block timeout (about
 * 0.5 s of delay otherwise, deps-notes §6); `-n` avoids DNS lookups of its own.
 * dumpcap writes pcapng (the reader takes it) and has no buffering to turn off.
 */
export function captureArgs(kind: CaptureToolKind, options: CaptureStartOptions): string[] {
  const args: string[] = ['-i', options.interface];
  if (kind === 'tcpdump') {
    args.push('-U', '--immediate-mode', '-n');
    if (options.snaplen !== undefined) args.push('-s', String(options.snaplen));
    if (options.packets !== undefined) args.push('-c', String(options.packets));
    if (options.bufferMiB !== undefined) args.push('-B', String(options.bufferMiB * 1024));
    args.push('-w', '-');
    if (options.filter) args.push(options.filter);
  } else {
    if (options.snaplen !== undefined) args.push('-s', String(options.snaplen));
    if (options.packets !== undefined) args.push('-c', String(options.packets));
    if (options.bufferMiB !== undefined) args.push('-B', String(options.bufferMiB));
    if (options.filter) args.push('-f', options.filter);
    args.push('-w', '-');
  }
  return args;
}

/** The signal that makes the tool print its counters without stopping (tcpdump on Linux: SIGUSR1). */
export function statsSignal(kind: CaptureToolKind): NodeJS.Signals | undefined {
  return kind === 'tcpdump' && process.platform === 'linux' ? 'SIGUSR1' : undefined;
}

/** A capture-tool setting (the editor's `flowscript.captureTool`): a tool name or a path; its base name says which tool. */
export function captureToolOf(setting: string | undefined): { tool: CaptureToolKind; toolPath?: string } {
  const value = (setting ?? '').trim() || 'tcpdump';
  const tool: CaptureToolKind = /dumpcap[^/\\]*$/.test(value) ? 'dumpcap' : 'tcpdump';
  return /[/\\]/.test(value) ? { tool, toolPath: value } : { tool };
}
