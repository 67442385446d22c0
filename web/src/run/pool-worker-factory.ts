// A run pool's worker, handed the page's compiled core (inlined, classic, like worker-factory.ts).
import type { LoadedCore } from '../wasm/load-core';
import type { PoolWorkerLike } from './run-pool';
import PoolWorker from './pool-worker.ts?worker&inline';
import type { WorkerInit } from './worker';

export function createPoolWorker(core: LoadedCore): PoolWorkerLike {
  const worker = new PoolWorker();
  worker.postMessage({
    type: 'init',
    module: core.compiled,
    variant: core.variant,
  } satisfies WorkerInit);
  return worker as unknown as PoolWorkerLike;
}
