/** The Lua host's VM layer: the only entry point the rest of the engine imports. */
export { LuaVm } from './lua-vm';
export { LuaSandbox, defaultWorkerFile, type CallLabel, type LuaSandboxOptions, type SandboxResult } from './sandbox-host';
export type { SetupResult, WireValue } from './sandbox-protocol';
export {
  ModuleRegistry, MultipleValues, multiple, WATCH_LINE, MAX_STRING_BYTES,
  type BuiltinModule, type JsValue, type LuaErrorInfo, type LuaFunctionRef, type LuaRef, type LuaResult, type LuaTableValue,
  type LuaValue, type LuaVmOptions, type NativeCall, type NativeFunction, type OutputEvent,
} from './types';
