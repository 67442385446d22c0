// The body of a run pool's worker: each message runs one task in the core to its end and
// answers with the core's JSON. A trap (an exception out of wasm) leaves the instance unusable:
// the worker reports it and the pool replaces it.
import type { FromPoolWorker, ToPoolWorker } from './pool-protocol';
import { sentence, serveWhenReady } from './serve-when-ready';
import type { SweepModule } from './sweep-api';
import type { Variant } from '../wasm/choose-variant';

export interface PoolWorkerScope {
  onmessage: ((e: MessageEvent<ToPoolWorker>) => void) | null;
  postMessage(message: FromPoolWorker): void;
}

function answer(module: SweepModule, msg: ToPoolWorker): string {
  return msg.type === 'run' ? module.sweepRun(msg.request, msg.run) : module.sweepTable(msg.lines);
}

export function servePool(
  factory: () => Promise<SweepModule>,
  variant: Variant,
  scope: PoolWorkerScope = self as unknown as PoolWorkerScope,
): void {
  serveWhenReady<SweepModule, ToPoolWorker>(
    scope,
    factory,
    variant,
    (module) => {
      let broken: string | null = null;
      return (msg) => {
        if (broken !== null) {
          scope.postMessage({ type: 'fatal', task: msg.task, message: broken });
          return;
        }
        try {
          scope.postMessage({ type: 'answer', task: msg.task, json: answer(module, msg) });
        } catch (err) {
          broken = `the core stopped with an error (${err instanceof Error ? err.message : String(err)})`;
          scope.postMessage({ type: 'fatal', task: msg.task, message: broken });
        }
      };
    },
    (reason, tasks) => {
      for (const msg of tasks)
        scope.postMessage({ type: 'fatal', task: msg.task, message: sentence(reason) });
    },
  );
}
