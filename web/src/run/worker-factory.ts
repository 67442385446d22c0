// A run's worker, handed the page's compiled core. Workers are inlined (classic, IIFE), so the
// page works from file:// too.
import type { LoadedCore } from '../wasm/load-core';
import type { WorkerLike } from './session';
import type { WorkerInit } from './worker';
import RunWorker from './worker.ts?worker&inline';

export function createRunWorker(core: LoadedCore): WorkerLike {
  const worker = new RunWorker();
  worker.postMessage({
    type: 'init',
    module: core.compiled,
    variant: core.variant,
  } satisfies WorkerInit);
  return worker as unknown as WorkerLike;
}
