/**
 * LuaSandbox: a LuaVm in a worker thread, for what the count hook cannot stop. The host terminates
 * the worker when a request runs past its wall-clock deadline (e.g. a backtracking pattern match
 * inside string.find, which executes no VM instructions) or when the worker runs out of memory
 * (fengari has no allocator limit, so resourceLimits caps the worker's V8 heap). After that the
 * sandbox is stopped: `restart()` starts a fresh worker (scripts must be loaded again; references
 * from the old worker are refused).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HostMessage, WireValue, WorkerInit, WorkerMessage } from './sandbox-protocol';
import type { LuaErrorInfo, LuaFunctionRef, LuaResult, LuaValue, OutputEvent } from './types';

export interface LuaSandboxOptions {
  instructionBudget: number;
  scriptRoot?: string;
  hookInterval?: number;
  /** Wall-clock limit per request in ms (default 2000). */
  deadlineMs?: number;
  /** V8 old-generation heap cap of the worker in MB (default 256). */
  maxOldGenerationSizeMb?: number;
  /** Module run inside the worker to bind natives: exports setupLuaVm(vm, data). */
  setupModule?: string;
  setupData?: unknown;
  /** The worker entry; default: sandbox-worker.ts next to this file (dev) or lua-worker.js next to the bundle. */
  workerFile?: string;
}

/** Who is running, for messages: "script X: call to hook Y ...". */
export interface CallLabel {
  script: string;
  hook?: string;
  /** Per-call deadline override (ms). */
  deadlineMs?: number;
  /** Passed to the setup module's onContext before the call (e.g. the current flow's state). */
  context?: unknown;
}

export type SandboxResult<T> = LuaResult<T> & { output: OutputEvent[] };

interface Pending {
  id: number;
  label: CallLabel;
  deadlineMs: number;
  resolve: (r: SandboxResult<never> | WorkerMessage) => void;
}

export function defaultWorkerFile(): string {
  if (__filename.endsWith('.ts')) return join(__dirname, 'sandbox-worker.ts');
  const bundled = join(__dirname, 'lua-worker.js');
  return existsSync(bundled) ? bundled : join(__dirname, 'sandbox-worker.js');
}

export class LuaSandbox {
  /** Starts a worker and waits until its VM is ready. */
  static async start(options: LuaSandboxOptions): Promise<LuaSandbox> {
    const sandbox = new LuaSandbox(options);
    await sandbox.restart();
    return sandbox;
  }

  private worker: Worker | null = null;
  private generationNo = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private watchdog = new Int32Array(new SharedArrayBuffer(4));
  private timer: NodeJS.Timeout | null = null;
  private runningId = 0;
  private runningSince = 0;
  private stopReason: LuaErrorInfo | null = null;

  private constructor(private readonly options: LuaSandboxOptions) {}

  /** Increments each time a fresh worker starts. */
  get generation(): number {
    return this.generationNo;
  }

  /** Null while the worker is usable; the error that stopped it otherwise. */
  get stopped(): LuaErrorInfo | null {
    return this.worker ? null : this.stopReason ?? worker('sandbox not started', '');
  }

  /** Terminates the current worker (if any) and starts a fresh one. */
  async restart(): Promise<void> {
    await this.kill(null);
    this.generationNo++;
    const shared = new SharedArrayBuffer(4);
    this.watchdog = new Int32Array(shared);
    const init: WorkerInit = {
      instructionBudget: this.options.instructionBudget,
      scriptRoot: this.options.scriptRoot,
      hookInterval: this.options.hookInterval,
      generation: this.generationNo,
      setupModule: this.options.setupModule,
      setupData: this.options.setupData,
      watchdog: shared,
    };
    const file = this.options.workerFile ?? defaultWorkerFile();
    // in development (tests run through tsx) the TypeScript worker is loaded through tsx's require hook
    const dev = file.endsWith('.ts');
    const tsxLoader = 'tsx/cjs'; // a variable: the bundler must not try to resolve it
    const w = new Worker(dev ? `require(${JSON.stringify(require.resolve(tsxLoader))}); require(${JSON.stringify(file)});` : file, {
      eval: dev,
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb ?? 256 },
      stdout: false,
      stderr: false,
    });
    w.unref(); // an idle sandbox does not keep the process alive (pending requests arm a timer)
    this.worker = w;
    this.stopReason = null;
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: WorkerMessage): void => {
        if (m.type === 'ready') { cleanup(); resolve(); }
        else if (m.type === 'setup-failed') { cleanup(); void this.kill(null); reject(new Error(`Lua sandbox setup failed: ${m.message}`)); }
      };
      const onError = (e: Error): void => { cleanup(); reject(e); };
      const cleanup = (): void => { w.off('message', onMessage); w.off('error', onError); };
      w.on('message', onMessage);
      w.on('error', onError);
    });
    w.on('message', (m: WorkerMessage) => this.onMessage(m));
    w.on('error', (e: Error & { code?: string }) => this.onWorkerError(w, e));
    w.on('exit', (code) => {
      if (this.worker === w) this.stop(worker(`Lua worker exited (code ${code})`, ''));
    });
  }

  /** Runs a script in the worker; its first return value comes back. */
  loadScript(source: string, chunkName: string, label: Partial<CallLabel> = {}): Promise<SandboxResult<LuaValue>> {
    return this.request((id) => ({ type: 'load', id, source, chunkName }), { script: chunkName, ...label }) as Promise<SandboxResult<LuaValue>>;
  }

  /** Calls a function returned by loadScript (arguments must be structured-cloneable). */
  call(fn: LuaFunctionRef, args: WireValue[], label: CallLabel): Promise<SandboxResult<LuaValue[]>> {
    return this.request((id) => ({ type: 'call', id, fn, args, context: label.context }), label) as Promise<SandboxResult<LuaValue[]>>;
  }

  release(refs: LuaFunctionRef[]): void {
    this.worker?.postMessage({ type: 'release', refs } satisfies HostMessage);
  }

  async close(): Promise<void> {
    await this.kill(worker('sandbox closed', ''));
  }

  // ---------------------------------------------------------------------------------------

  private request(make: (id: number) => HostMessage, label: CallLabel): Promise<SandboxResult<unknown>> {
    const w = this.worker;
    if (!w) {
      const error = this.stopReason ?? worker('sandbox not started', label.script);
      return Promise.resolve({ ok: false, error: { ...error, kind: 'worker', file: label.script, message: `script ${label.script}: sandbox stopped (${error.message}); restart it to go on` }, output: [] });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, {
        id, label, deadlineMs: label.deadlineMs ?? this.options.deadlineMs ?? 2000,
        resolve: (m) => {
          if ('type' in m) {
            if (m.type === 'loaded' || m.type === 'called') resolve({ ...m.result, output: m.output } as SandboxResult<unknown>);
          } else resolve(m);
        },
      });
      w.postMessage(make(id));
      this.arm();
    });
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type !== 'loaded' && m.type !== 'called') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    p.resolve(m);
    if (this.pending.size === 0) this.disarm();
  }

  /** Polls the worker's "running now" cell; a request running past its deadline stops the worker. */
  private arm(): void {
    if (this.timer) return;
    const tick = Math.max(10, Math.min(100, Math.floor((this.options.deadlineMs ?? 2000) / 20)));
    this.timer = setInterval(() => this.check(), tick);
  }
  private disarm(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.runningId = 0;
  }
  private check(): void {
    const id = Atomics.load(this.watchdog, 0);
    const now = performance.now();
    if (id !== this.runningId) {
      this.runningId = id;
      this.runningSince = now;
      return;
    }
    if (id === 0) return;
    const p = this.pending.get(id);
    if (p && now - this.runningSince > p.deadlineMs) {
      const secs = p.deadlineMs / 1000;
      const message = `${what(p.label)} took more than ${secs} s; stopped`;
      void this.kill({ kind: 'deadline', file: p.label.script, line: 0, message, traceback: '' }, id);
    }
  }

  private onWorkerError(w: Worker, e: Error & { code?: string }): void {
    if (this.worker !== w) return;
    const running = Atomics.load(this.watchdog, 0);
    const p = this.pending.get(running) ?? this.pending.values().next().value;
    const subject = p ? what(p.label) : 'Lua worker';
    const error: LuaErrorInfo = e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? { kind: 'memory', file: p?.label.script ?? '', line: 0, message: `${subject} ran out of memory (limit ${this.options.maxOldGenerationSizeMb ?? 256} MB); stopped`, traceback: '' }
      : { kind: 'worker', file: p?.label.script ?? '', line: 0, message: `${subject}: Lua worker failed: ${e.message}`, traceback: '' };
    void this.kill(error, p?.id ?? 0);
  }

  /** Terminates the worker; the culprit request gets `error`, the others a "stopped" error. */
  private async kill(error: LuaErrorInfo | null, culprit = 0): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.disarm();
    if (error) this.stop(error, culprit);
    if (w) await w.terminate();
  }

  private stop(error: LuaErrorInfo, culprit = 0): void {
    this.worker = null;
    this.stopReason = error;
    this.disarm();
    for (const p of this.pending.values()) {
      const e = p.id === culprit ? error : { ...error, kind: 'worker' as const, file: p.label.script, message: `${what(p.label)} not run: ${error.message}` };
      p.resolve({ ok: false, error: e, output: [] } as SandboxResult<never>);
    }
    this.pending.clear();
  }
}

function what(label: CallLabel): string {
  return label.hook ? `script ${label.script}: call to hook ${label.hook}` : `script ${label.script}: loading`;
}

function worker(message: string, file: string): LuaErrorInfo {
  return { kind: 'worker', file, line: 0, message, traceback: '' };
}
