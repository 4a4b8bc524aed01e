/** The messages between the host (sandbox-host.ts) and the Lua worker (sandbox-worker.ts). */
import type { JsValue, LuaFunctionRef, LuaResult, LuaValue, OutputEvent } from './types';

/** Sent as workerData. */
export interface WorkerInit {
  instructionBudget: number;
  scriptRoot?: string;
  hookInterval?: number;
  /** Stamped on function references; the host uses its worker generation. */
  generation: number;
  /**
   * Module loaded inside the worker that binds natives (flow.*, built-in modules): it exports
   * `setupLuaVm(vm: LuaVm, data: unknown): SetupResult | void`. Natives cannot cross threads.
   */
  setupModule?: string;
  setupData?: unknown;
  /** Int32Array over a SharedArrayBuffer: [0] = id of the request running now (0 = idle). */
  watchdog: SharedArrayBuffer;
}

/** What a setup module may return: called with each call's `context` before the call. */
export interface SetupResult {
  onContext?: (context: unknown) => void;
}

/** Argument values that survive structured cloning (no JS functions). */
export type WireValue = Exclude<JsValue, (...args: never[]) => unknown>;

export type HostMessage =
  | { type: 'load'; id: number; source: string; chunkName: string }
  | { type: 'call'; id: number; fn: LuaFunctionRef; args: WireValue[]; context?: unknown }
  | { type: 'release'; refs: LuaFunctionRef[] };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'setup-failed'; message: string }
  | { type: 'loaded'; id: number; result: LuaResult<LuaValue>; output: OutputEvent[] }
  | { type: 'called'; id: number; result: LuaResult<LuaValue[]>; output: OutputEvent[] };
