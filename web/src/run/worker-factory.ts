// A run's worker and a lab worker (one script, worker.ts), each handed the page's compiled
// core. Workers are inlined (classic, IIFE), so the page works from file:// too.
import type { LoadedCore } from '../wasm/load-core';
import type { WorkerLike } from './session';
import type { WorkerInit } from './worker';
import RunWorker from './worker.ts?worker&inline';
import type { LabWorkerLike } from './lab-pool';

export function createRunWorker(core: LoadedCore): WorkerLike {
  const worker = new RunWorker();
  worker.postMessage({
    type: 'init',
    module: core.compiled,
    variant: core.variant,
  } satisfies WorkerInit);
  return worker as unknown as WorkerLike;
}

/** A lab worker (headless jobs) on `compiled`, the page's core or the other variant. */
export function createLabWorker(
  compiled: WebAssembly.Module,
  variant: 'simd' | 'scalar',
): LabWorkerLike {
  const worker = new RunWorker();
  worker.postMessage({ type: 'init', module: compiled, variant, role: 'lab' } satisfies WorkerInit);
  return worker as unknown as LabWorkerLike;
}
