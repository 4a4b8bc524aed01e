/**
 * The Lua host's own vocabulary. Nothing here mentions fengari: the scheduler, the flow bindings and
 * the worker protocol use only these types.
 */

/** A Lua function kept alive in the VM's registry; pass it back to LuaVm.call. */
export interface LuaFunctionRef {
  readonly kind: 'function';
  readonly ref: number;
  /** The VM that owns the reference (LuaVmOptions.ownerId); a stale reference is refused. */
  readonly owner?: number;
  /** Where the function was defined (Lua functions only). */
  readonly file?: string;
  readonly line?: number;
}

/** Any Lua value kept in the VM's registry (LuaVm.ref); pushed as that same value. */
export interface LuaRef {
  readonly kind: 'ref';
  readonly ref: number;
}

/** A Lua table copied to JS: string keys in `fields`, the 1..n sequence in `array`. */
export interface LuaTableValue {
  readonly kind: 'table';
  readonly fields: { [key: string]: LuaValue };
  readonly array: LuaValue[];
}

/** A Lua value as seen from JS (userdata and threads come back as their type name in `other`). */
export type LuaValue = null | boolean | number | string | LuaTableValue | LuaFunctionRef | { readonly kind: 'other'; readonly type: string };

/** What a native function receives. Reading arguments never raises. Indexes start at 1. */
export interface NativeCall {
  readonly argc: number;
  /** Lua type name of argument i: 'nil', 'number', 'string', 'boolean', 'table', 'function', ... ('none' past argc). */
  type(i: number): string;
  number(i: number): number | null;
  string(i: number): string | null;
  boolean(i: number): boolean;
  /** Full conversion (tables copied, functions referenced). Slower; use the typed readers when possible. */
  value(i: number): LuaValue;
  /** A number or string field of the table at argument i (null if it is not a table or the field is neither). */
  field(i: number, key: string): number | string | null;
  /** The innermost script position calling this native, skipping the built-in chunks ('builtin/...'). */
  site(): { file: string; line: number };
}

/** A JS value pushed into Lua. Objects become tables (built at push time, i.e. when a native is called). */
export type JsValue =
  | null | undefined | boolean | number | string
  | LuaFunctionRef
  | LuaRef
  | NativeFunction
  | MultipleValues
  /** Raw bytes, pushed as a Lua string byte for byte. */
  | Uint8Array
  | readonly JsValue[]
  | { readonly [key: string]: JsValue };

/** A native function bound into Lua. Its return value is pushed; throw to raise a Lua error. */
export type NativeFunction = (call: NativeCall) => JsValue | void;

/** Return several Lua values from a native: `return multiple(a, b)`. */
export class MultipleValues {
  constructor(readonly values: readonly JsValue[]) {}
}
export function multiple(...values: JsValue[]): MultipleValues {
  return new MultipleValues(values);
}

/** A script error mapped to its source. */
export interface LuaErrorInfo {
  kind: 'syntax' | 'runtime' | 'budget' | 'native' | 'deadline' | 'memory' | 'worker';
  /** Chunk name of the script (a path relative to the script root), '' when unknown. */
  file: string;
  line: number;
  message: string;
  traceback: string;
}

export type LuaResult<T> = { ok: true; value: T } | { ok: false; error: LuaErrorInfo };

/** A print or io.write from a script. */
export interface OutputEvent {
  kind: 'print' | 'write';
  text: string;
  file: string;
  line: number;
}

/** A built-in module for `require`: Lua source, or a JS function returning the module value. */
export type BuiltinModule =
  | { readonly source: string }
  | { readonly open: () => JsValue };

/** Built-in modules resolvable by `require` (user_scripts, flow_consts, ... filled by others). */
export class ModuleRegistry {
  private readonly modules = new Map<string, BuiltinModule>();
  define(name: string, module: BuiltinModule): this {
    this.modules.set(name, module);
    return this;
  }
  get(name: string): BuiltinModule | undefined {
    return this.modules.get(name);
  }
  names(): string[] {
    return [...this.modules.keys()].sort();
  }
}

export interface LuaVmOptions {
  /** Lua VM instructions allowed per top-level call (loadScript or call). */
  instructionBudget: number;
  /**
   * Folder that chunk names are relative to. A script loaded as 'checks/x.lua' may `require` files
   * of `<scriptRoot>/checks/` only. Default: process.cwd(). Keep chunk names short: Lua shortens
   * sources longer than 59 characters in messages (the host maps them back, but tracebacks show them).
   */
  scriptRoot?: string;
  /** Built-in modules for `require`; may be filled after the VM is created. */
  modules?: ModuleRegistry;
  /** Receives every print/io.write. Default: dropped. */
  onOutput?: (event: OutputEvent) => void;
  /** Stamped on every function reference, checked by call() (the sandbox uses its worker generation). */
  ownerId?: number;
  /** How many instructions between two budget checks (default 1000). */
  hookInterval?: number;
  /**
   * Shared cell for an outside watchdog: [WATCH_LINE] receives the line of the script being
   * run at each budget check and at each call of a string function that can run long without
   * executing VM instructions (find, match, gmatch, gsub, rep), so that a thread killed on a
   * deadline can still name the line.
   */
  watch?: Int32Array;
}

/** Index of the current line in LuaVmOptions.watch. */
export const WATCH_LINE = 1;

/** string.rep and friends refuse results larger than this (fengari has no memory limit). */
export const MAX_STRING_BYTES = 64 * 1024 * 1024;
