/**
 * Entry point of the Lua worker thread (bundled as dist/lua-worker.js). Runs one LuaVm; the host
 * enforces the wall-clock deadline (watchdog) and the memory limit (resourceLimits) from outside.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LuaVm } from './lua-vm';
import type { HostMessage, SetupResult, WorkerInit, WorkerMessage } from './sandbox-protocol';
import type { OutputEvent } from './types';

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('sandbox-worker must run in a worker thread');
  const init = workerData as WorkerInit;
  const running = new Int32Array(init.watchdog);
  let output: OutputEvent[] = [];
  const vm = LuaVm.create({
    instructionBudget: init.instructionBudget,
    scriptRoot: init.scriptRoot,
    hookInterval: init.hookInterval,
    ownerId: init.generation,
    onOutput: (e) => output.push(e),
  });
  let setup: SetupResult = {};
  const send = (m: WorkerMessage): void => port.postMessage(m);
  if (init.setupModule) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(init.setupModule) as { setupLuaVm?: (vm: LuaVm, data: unknown) => SetupResult | void };
      if (typeof mod.setupLuaVm !== 'function') throw new Error(`${init.setupModule} does not export setupLuaVm`);
      setup = mod.setupLuaVm(vm, init.setupData) ?? {};
    } catch (e) {
      send({ type: 'setup-failed', message: e instanceof Error ? e.message : String(e) });
      return;
    }
  }
  port.on('message', (m: HostMessage) => {
    switch (m.type) {
      case 'load': {
        Atomics.store(running, 0, m.id);
        output = [];
        const result = vm.loadScript(m.source, m.chunkName);
        Atomics.store(running, 0, 0);
        send({ type: 'loaded', id: m.id, result, output });
        return;
      }
      case 'call': {
        Atomics.store(running, 0, m.id);
        output = [];
        setup.onContext?.(m.context);
        const result = vm.call(m.fn, m.args);
        Atomics.store(running, 0, 0);
        send({ type: 'called', id: m.id, result, output });
        return;
      }
      case 'release':
        for (const fn of m.refs) vm.release(fn);
        return;
    }
  });
  send({ type: 'ready' });
}

main();
