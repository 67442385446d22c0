// The body of a run pool's worker: each message runs one task in the core to its end and
// answers with the core's JSON. A trap (an exception out of wasm) leaves the instance unusable:
// the worker reports it and the pool replaces it.
import type { FromPoolWorker, ToPoolWorker } from './pool-protocol';
import type { SweepModule } from './sweep-api';

export interface PoolWorkerScope {
  onmessage: ((e: MessageEvent<ToPoolWorker>) => void) | null;
  postMessage(message: FromPoolWorker): void;
}

function answer(module: SweepModule, msg: ToPoolWorker): string {
  return msg.type === 'run' ? module.sweepRun(msg.request, msg.run) : module.sweepTable(msg.lines);
}

export function servePool(
  factory: () => Promise<SweepModule>,
  variant: 'simd' | 'scalar',
  scope: PoolWorkerScope = self as unknown as PoolWorkerScope,
): void {
  const queue: ToPoolWorker[] = [];
  let module: SweepModule | null = null;
  let broken: string | null = null;
  const handle = (msg: ToPoolWorker) => {
    if (broken !== null || module === null) {
      scope.postMessage({ type: 'fatal', task: msg.task, message: broken ?? 'no core' });
      return;
    }
    try {
      scope.postMessage({ type: 'answer', task: msg.task, json: answer(module, msg) });
    } catch (err) {
      broken = `the core stopped with an error (${err instanceof Error ? err.message : String(err)})`;
      scope.postMessage({ type: 'fatal', task: msg.task, message: broken });
    }
  };
  scope.onmessage = (e) => {
    if (module === null && broken === null) queue.push(e.data);
    else handle(e.data);
  };
  factory().then(
    (m) => {
      module = m;
      for (const msg of queue.splice(0)) handle(msg);
    },
    (err: unknown) => {
      broken = `The ${variant} WebAssembly core could not start in the worker: ${
        err instanceof Error ? err.message : String(err)
      }`;
      for (const msg of queue.splice(0)) handle(msg);
    },
  );
}
