/** The options of `flowscript run` that choose a live interface instead of a capture file. */
import { CAPTURE_TOOLS, type CaptureToolKind } from '../capture/live/tool';
import type { LiveCommandOptions } from './run-command';
import { UserError } from './user-error';

export const LIVE_RUN_OPTIONS = {
  interface: { type: 'string', short: 'i' },
  filter: { type: 'string' },
  duration: { type: 'string' },
  packets: { type: 'string' },
  snaplen: { type: 'string' },
  'buffer-mib': { type: 'string' },
  'capture-tool': { type: 'string' },
  'capture-tool-path': { type: 'string' },
  'periodic-seconds': { type: 'string' },
} as const;

type Values = { [name: string]: string | boolean | undefined };

/** The live options given, or undefined for a run on a capture file. */
export function liveRunOptions(values: Values): LiveCommandOptions | undefined {
  const iface = values.interface as string | undefined;
  const others = Object.keys(LIVE_RUN_OPTIONS).filter((k) => k !== 'interface' && values[k] !== undefined);
  if (iface === undefined) {
    if (others.length) throw new UserError(`--${others[0]} needs --interface (it is an option of live capture)`);
    return undefined;
  }
  if (values.duration !== undefined && values.packets !== undefined) throw new UserError('give --duration or --packets, not both');
  const live: LiveCommandOptions = { interface: iface, tool: captureTool((values['capture-tool'] as string | undefined) ?? 'tcpdump') };
  if (values.filter !== undefined) live.filter = values.filter as string;
  if (values['capture-tool-path'] !== undefined) live.toolPath = values['capture-tool-path'] as string;
  const duration = positive('duration', values.duration);
  if (duration !== undefined) live.durationSeconds = duration;
  const packets = positive('packets', values.packets, true);
  if (packets !== undefined) live.packets = packets;
  const snaplen = positive('snaplen', values.snaplen, true);
  if (snaplen !== undefined) live.snaplen = snaplen;
  const buffer = positive('buffer-mib', values['buffer-mib'], true);
  if (buffer !== undefined) live.bufferMiB = buffer;
  const periodic = positive('periodic-seconds', values['periodic-seconds']);
  if (periodic !== undefined) live.periodicSeconds = periodic;
  return live;
}

export function captureTool(name: string): CaptureToolKind {
  if (!(CAPTURE_TOOLS as readonly string[]).includes(name)) throw new UserError(`--capture-tool must be one of ${CAPTURE_TOOLS.join(', ')} (got "${name}")`);
  return name as CaptureToolKind;
}

function positive(name: string, value: unknown, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UserError(`--${name} needs a positive ${integer ? 'integer' : 'number'} (got "${value}")`);
  }
  return n;
}
