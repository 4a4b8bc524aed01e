/**
 * Entry of the engine worker thread (bundled to dist/run-worker.js). The VS Code client
 * starts one per run so that the engine never blocks the extension host; the messages are
 * in protocol.ts. The worker ends by itself after `done` or `failed`; the client terminates
 * it to cancel a file run, and sends `stop` to end a live one.
 */
import { parentPort } from 'node:worker_threads';
import type { ClientMessage, WorkerMessage } from './protocol';
import { runJob } from './run-job';

const port = parentPort;
if (!port) throw new Error('run-worker.js runs as a worker thread only');
const stop = new AbortController();
let started = false;
port.on('message', (message: ClientMessage) => {
  if (message.type === 'stop') {
    stop.abort();
    return;
  }
  if (started) return;
  started = true;
  void runJob(message, (out: WorkerMessage) => port.postMessage(out), stop.signal).finally(() => port.close());
});
