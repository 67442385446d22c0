// A stand-in for a Web Worker that runs the worker's body (run-worker-core's Run) in this
// process, with the Node build of the core: messages cross with a macrotask, as between
// threads.
import { Run } from '../../../web/src/run/run-worker-core.ts';
import type { FromWorker, ToWorker } from '../../../web/src/run/protocol.ts';
import type { WorkerLike } from '../../../web/src/run/session.ts';
import type { TrainerModule } from '../../../web/src/run/trainer-api.ts';

export function inProcessWorker(module: TrainerModule): WorkerLike & { closed: boolean } {
  const worker = {
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    closed: false,
    postMessage(message: ToWorker): void {
      setTimeout(() => run.handle(message), 0);
    },
    terminate(): void {
      worker.closed = true;
    },
  };
  const scope = {
    onmessage: null,
    postMessage(message: FromWorker): void {
      setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<FromWorker>), 0);
    },
    close(): void {
      worker.closed = true;
    },
  };
  const run = new Run(module, 'simd', scope);
  return worker;
}
