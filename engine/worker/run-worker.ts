/**
 * Entry of the engine worker thread (bundled to dist/run-worker.js). The VS Code client
 * starts one per run so that the engine never blocks the extension host; the messages are
 * in protocol.ts. The worker ends by itself after `done` or `failed`; the client terminates
 * it to cancel.
 */
import { parentPort } from 'node:worker_threads';
import type { StartMessage, WorkerMessage } from './protocol';
import { runJob } from './run-job';

const port = parentPort;
if (!port) throw new Error('run-worker.js runs as a worker thread only');
port.once('message', (start: StartMessage) => {
  void runJob(start, (message: WorkerMessage) => port.postMessage(message)).finally(() => port.close());
});
