/**
 * The C-level status natives the Lua driver (driver-lua.ts) is built on, bound in the hidden
 * global `__flowscript_status`. They act on the current flow through the StatusBook.
 */
import { multiple, type JsValue, type NativeCall, type NativeFunction } from '../vm';
import type { BindingContext, CallSite } from '../bindings/context';
import type { StatusBook } from './book';

/** What the natives need from the runner besides the binding context. */
export interface DriverHost {
  /** Key of the script whose hook is running. */
  script(): string;
  /** Number of the running dispatch (a new one resets the driver's candidate). */
  dispatchNo(): number;
  /** The running dispatch needs the driver's end step. */
  markDirty(): void;
  warn(message: string, site: CallSite): void;
}

function siteAt(call: NativeCall, i: number): CallSite {
  const src = call.string(i) ?? '';
  return { file: src.startsWith('@') ? src.slice(1) : src, line: call.number(i + 1) ?? 0 };
}

function scores(call: NativeCall, from: number): { flow: number; client: number; server: number } | undefined {
  if (call.type(from) === 'nil' || call.type(from) === 'none') return undefined;
  return { flow: call.number(from) ?? 0, client: call.number(from + 1) ?? 0, server: call.number(from + 2) ?? 0 };
}

export function statusNatives(book: StatusBook, ctx: BindingContext, host: DriverHost): Record<string, NativeFunction> {
  const flowOrNull = () => ctx.currentFlow ?? null;
  return {
    dispatch_no: () => host.dispatchNo(),
    site: (call) => {
      const w = call.site();
      return multiple(w.file, w.line);
    },
    dirty: () => { host.markDirty(); },
    script: () => host.script(),
    warn: (call) => { host.warn(call.string(1) ?? '', siteAt(call, 2)); },
    set: (call): JsValue => {
      const f = flowOrNull();
      if (!f) return null;
      return book.set(f, call.number(1) ?? -1, siteAt(call, 5), scores(call, 2));
    },
    clear: (call): JsValue => {
      const f = flowOrNull();
      return f ? book.clear(f, call.number(1) ?? -1, siteAt(call, 2)) : null;
    },
    isset: (call): JsValue => {
      const f = flowOrNull();
      return f ? book.isSet(f, call.number(1) ?? -1) : null;
    },
    predominant: (): JsValue => {
      const f = flowOrNull();
      return f ? book.peek(f)?.predominant ?? 0 : 0;
    },
    alert: (call): JsValue => {
      const f = flowOrNull();
      if (!f) return null;
      const alertType = call.type(2) === 'string' ? call.string(2)! : call.number(2) ?? -1;
      const json = call.string(5) ?? undefined;
      const score = call.number(6) ?? undefined;
      return book.alert(f, call.number(1) ?? -1, alertType, call.number(3) ?? 0, call.number(4) ?? 0, json, score, siteAt(call, 7), call.string(9) ?? host.script());
    },
  };
}
