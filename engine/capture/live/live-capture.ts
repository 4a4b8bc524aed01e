/**
 * One running capture tool: spawned with its pcap/pcapng stream on standard output, its
 * standard error read for readiness, counters and failures, and stopped with SIGTERM (the
 * tool then flushes, prints its final counters and exits). No shell is involved, so the
 * interface name and filter reach the tool as they are.
 */
import { spawn, execFileSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { LiveCaptureError } from './errors';
import { parseInterfaceList } from './interfaces';
import { missingToolAdvice, permissionAdvice } from './system-advice';
import { captureArgs, DEFAULT_BUFFER_MIB, findCaptureTool, statsSignal, type CaptureStartOptions, type CaptureToolKind } from './tool';
import { LineSplitter, parseToolLine, type CaptureFailureKind, type CaptureToolStats } from './tool-messages';

export interface LiveCaptureOptions extends CaptureStartOptions {
  /** How often to ask tcpdump for its counters while it runs, ms (default 1000; 0: only at the end). */
  statsIntervalMs?: number;
  /** The tool's counters, whenever it reports them. */
  onStats?(stats: CaptureToolStats): void;
  /** Lines of the tool's standard error that are neither counters nor the start line. */
  onMessage?(text: string): void;
}

export interface LiveCaptureEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last counters the tool reported (at exit, the final ones). */
  stats: CaptureToolStats;
  /** The tool stopped on its own because it failed (refused, no such interface, bad filter...). */
  error?: LiveCaptureError;
}

/** Children still running, killed if this process exits without stopping them. */
const running = new Set<ChildProcessByStdio<null, Readable, Readable>>();
let exitHookInstalled = false;

export class LiveCapture {
  readonly tool: CaptureToolKind;
  readonly toolPath: string;
  readonly args: readonly string[];
  readonly pid: number;
  /** The capture bytes, for feedStream. */
  readonly stream: Readable;
  /** Resolves once the tool captures; rejects with LiveCaptureError if it ends before that. */
  readonly ready: Promise<void>;
  /** Resolves when the tool has exited (never rejects). */
  readonly ended: Promise<LiveCaptureEnd>;
  stats: CaptureToolStats = {};
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private readonly lines: string[] = [];
  private failure: { kind: CaptureFailureKind; text: string } | undefined;
  private listening = false;
  private stopping = false;
  private statsTimer: NodeJS.Timeout | undefined;

  /** Starts the tool. Throws LiveCaptureError when it is missing or an option is unusable. */
  static start(options: LiveCaptureOptions): LiveCapture {
    return new LiveCapture(options);
  }

  private constructor(private readonly options: LiveCaptureOptions) {
    this.tool = options.tool ?? 'tcpdump';
    checkOptions(options);
    const path = findCaptureTool(options);
    if (!path) throw new LiveCaptureError('tool-missing', missingToolAdvice(this.tool, options.toolPath));
    this.toolPath = path;
    this.args = captureArgs(this.tool, { ...options, bufferMiB: options.bufferMiB ?? DEFAULT_BUFFER_MIB });
    this.child = spawn(path, this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.pid = this.child.pid ?? -1;
    this.stream = this.child.stdout;
    track(this.child);

    let markReady!: () => void;
    let failReady!: (error: LiveCaptureError) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    this.ready.catch(() => {}); // observed through `ended` too; never an unhandled rejection
    const onListening = () => {
      if (this.listening) return;
      this.listening = true;
      markReady();
      this.startStatsTimer();
    };

    const splitter = new LineSplitter((line) => {
      this.lines.push(line);
      if (this.lines.length > 50) this.lines.shift();
      const m = parseToolLine(line);
      // tcpdump says "listening on" once the device is open; dumpcap says "Capturing on"
      // before it tries, so its first stream bytes (below) mark the start instead.
      if (m.kind === 'listening') {
        if (this.tool === 'tcpdump') onListening();
      } else if (m.kind === 'stats') {
        this.stats = { ...this.stats, ...m.stats };
        options.onStats?.(this.stats);
      } else if (m.kind === 'failure') this.failure ??= { kind: m.failure, text: m.text };
      // Lines after a failure explain it (dumpcap's advice paragraph): the error has them.
      else if (this.listening && !this.failure) options.onMessage?.(m.text);
    });
    // 'readable' (not 'data') keeps the stream paused, so feedStream still gets every byte.
    if (this.tool === 'dumpcap') {
      const onReadable = () => {
        if (this.child.stdout.readableLength === 0) return; // end of stream, no data
        this.child.stdout.removeListener('readable', onReadable);
        onListening();
      };
      this.child.stdout.on('readable', onReadable);
    }
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => splitter.push(chunk));

    this.ended = new Promise<LiveCaptureEnd>((resolve) => {
      let spawnError: Error | undefined;
      this.child.once('error', (error) => {
        spawnError = error;
      });
      this.child.once('close', (code, signal) => {
        splitter.end();
        this.clearStatsTimer();
        running.delete(this.child);
        const end: LiveCaptureEnd = { code, signal, stats: this.stats };
        const error = spawnError ? this.spawnFailure(spawnError) : this.exitFailure(code, signal);
        if (error) end.error = error;
        if (!this.listening) failReady(error ?? new LiveCaptureError('other', `${this.tool} ended before it started capturing`));
        resolve(end);
      });
    });
  }

  /** Stops the capture (SIGTERM; SIGKILL after `graceMs`) and resolves when the tool has exited. */
  stop(graceMs = 3000): Promise<LiveCaptureEnd> {
    if (!this.stopping && this.child.exitCode === null && this.child.signalCode === null) {
      this.stopping = true;
      this.clearStatsTimer();
      this.child.kill('SIGTERM');
      const killer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      killer.unref();
      void this.ended.then(() => clearTimeout(killer));
    }
    return this.ended;
  }

  /** True once stop() was called. */
  get stopRequested(): boolean {
    return this.stopping;
  }

  private startStatsTimer(): void {
    const signal = statsSignal(this.tool);
    const every = this.options.statsIntervalMs ?? 1000;
    if (!signal || every <= 0) return;
    this.statsTimer = setInterval(() => {
      if (!this.stopping && this.child.exitCode === null) this.child.kill(signal);
    }, every);
    this.statsTimer.unref();
  }

  private clearStatsTimer(): void {
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.statsTimer = undefined;
  }

  private spawnFailure(error: Error): LiveCaptureError {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new LiveCaptureError('tool-missing', missingToolAdvice(this.tool, this.options.toolPath));
    if (code === 'EACCES') return new LiveCaptureError('permission', `${this.toolPath}: not allowed to run it (${code}); check that it is executable by this user.`);
    return new LiveCaptureError('other', `${this.toolPath} could not be started: ${error.message}`);
  }

  /** A failure the tool reported, or an unexpected exit; undefined for a normal end. */
  private exitFailure(code: number | null, signal: NodeJS.Signals | null): LiveCaptureError | undefined {
    const f = this.failure;
    const iface = this.options.interface;
    if (f?.kind === 'permission') {
      return new LiveCaptureError('permission', permissionAdvice({ tool: this.tool, toolPath: this.toolPath, interface: iface, toolText: f.text }));
    }
    if (f?.kind === 'no-such-interface') {
      const names = this.interfaceNames();
      return new LiveCaptureError('no-such-interface',
        `${iface}: no such interface for ${this.tool} (${this.tool} said: "${f.text}").` +
        (names.length ? ` Interfaces here: ${names.join(', ')} (flowscript interfaces lists them with descriptions).` : ''));
    }
    if (f?.kind === 'bad-filter' || (this.options.filter && !this.listening && code !== 0 && !this.stopping)) {
      const said = f?.text ?? this.lastLine();
      return new LiveCaptureError('bad-filter', `capture filter "${this.options.filter}" rejected by ${this.tool}: ${said}`);
    }
    if (this.stopping) return undefined;
    if (code === 0) return undefined;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    return new LiveCaptureError('other', `${this.tool} ${how}${this.lastLine() ? `: ${this.lastLine()}` : ''}`);
  }

  private lastLine(): string {
    const informative = this.lines.filter((l) => !parseToolLine(l).kind.startsWith('stats'));
    return (informative[informative.length - 1] ?? '').replace(/^(?:tcpdump|dumpcap):\s*/, '').trim();
  }

  private interfaceNames(): string[] {
    try {
      const out = execFileSync(this.toolPath, ['-D'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
      return parseInterfaceList(out).map((i) => i.name);
    } catch {
      return [];
    }
  }
}

function checkOptions(options: CaptureStartOptions): void {
  if (!options.interface || /^-/.test(options.interface)) {
    throw new LiveCaptureError('bad-option', `interface "${options.interface}" is not an interface name (flowscript interfaces lists them)`);
  }
  if (options.filter !== undefined && /^\s*-/.test(options.filter)) {
    throw new LiveCaptureError('bad-option', `capture filter "${options.filter}" may not start with "-" (it would be read as an option of the tool)`);
  }
  for (const [name, value] of [['snaplen', options.snaplen], ['packets', options.packets], ['bufferMiB', options.bufferMiB]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) throw new LiveCaptureError('bad-option', `${name} must be a positive integer (got ${value})`);
  }
}

/** Keeps the child in `running` and kills what is left when this process exits. */
function track(child: ChildProcessByStdio<null, Readable, Readable>): void {
  running.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of running) c.kill('SIGTERM');
  });
}
