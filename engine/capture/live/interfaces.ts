/** The interfaces the capture tool can open, from its own list (`-D`), with their descriptions. */
import { execFile } from 'node:child_process';
import { LiveCaptureError } from './errors';
import { missingToolAdvice } from './system-advice';
import { findCaptureTool, type CaptureToolOptions } from './tool';

export interface CaptureInterfaceInfo {
  /** 1-based position in the tool's list (tcpdump -i accepts it too). */
  index: number;
  /** What `--interface` takes. */
  name: string;
  /** The system's description ("Loopback", "Pseudo-device that captures on all interfaces"). */
  description?: string;
  /** State flags libpcap reports (Up, Running, Loopback, Wireless, ...). */
  flags: string[];
}

/**
 * Parses `tcpdump -D` / `dumpcap -D` lines: "3.lo [Up, Running, Loopback]",
 * "2.any (Pseudo-device that captures on all interfaces) [Up, Running]", "3. lo (Loopback)".
 */
export function parseInterfaceList(text: string): CaptureInterfaceInfo[] {
  const out: CaptureInterfaceInfo[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+)\.\s*(\S+)(?:\s+\((.*?)\))?(?:\s+\[(.*)\])?\s*$/.exec(line.trim());
    if (!m) continue;
    const info: CaptureInterfaceInfo = { index: Number(m[1]), name: m[2]!, flags: m[4] ? m[4].split(',').map((f) => f.trim()).filter((f) => f && f !== 'none') : [] };
    if (m[3]) info.description = m[3];
    out.push(info);
  }
  return out;
}

/** Runs the tool's `-D`. Rejects with LiveCaptureError when the tool is missing or fails. */
export function listInterfaces(options: CaptureToolOptions = {}): Promise<CaptureInterfaceInfo[]> {
  const tool = options.tool ?? 'tcpdump';
  const path = findCaptureTool(options);
  if (!path) return Promise.reject(new LiveCaptureError('tool-missing', missingToolAdvice(tool, options.toolPath)));
  return new Promise((resolve, reject) => {
    execFile(path, ['-D'], { encoding: 'utf8', timeout: 10_000 }, (error, stdout, stderr) => {
      const list = parseInterfaceList(stdout);
      if (error && list.length === 0) {
        const said = (stderr || error.message).trim().split('\n')[0];
        reject(new LiveCaptureError('other', `${tool} could not list the interfaces: ${said}`));
        return;
      }
      resolve(list);
    });
  });
}

/** One line per interface, for a terminal. */
export function formatInterface(info: CaptureInterfaceInfo): string {
  const parts = [info.name.padEnd(18)];
  if (info.description) parts.push(info.description);
  if (info.flags.length) parts.push(`[${info.flags.join(', ')}]`);
  return parts.join('  ').trimEnd();
}
