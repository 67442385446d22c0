// A run's worker and a lab worker (one script, worker.ts), each handed the page's compiled
// core. The single file inlines it (classic, IIFE), so that page works from file:// too; the
// site loads it as a file of its own.
import type { LoadedCore } from '../wasm/load-core';
import type { WorkerLike } from './session';
import type { WorkerInit } from './worker';
import type { LabWorkerLike } from './lab-pool';
import type { PoolWorkerLike } from './run-pool';
import RunWorker from '@run-worker';
import type { Variant } from '../wasm/choose-variant';

/** A worker started ahead of its run, loading its code while the page starts. */
let spare: Worker | null = null;

/** Starts the first worker now (it gets the core and its role when first used). */
export function warmRunWorker(): void {
  spare ??= new RunWorker();
}

/** The warm worker if there is one (any role can use it), else a new one. */
function takeWorker(): Worker {
  const worker = spare ?? new RunWorker();
  spare = null;
  return worker;
}

export function createRunWorker(core: LoadedCore): WorkerLike {
  const worker = takeWorker();
  worker.postMessage({
    type: 'init',
    module: core.compiled,
    variant: core.variant,
  } satisfies WorkerInit);
  return worker as unknown as WorkerLike;
}

/** A lab worker (headless jobs) on `compiled`, the page's core or the other variant. */
export function createLabWorker(compiled: WebAssembly.Module, variant: Variant): LabWorkerLike {
  const worker = takeWorker();
  worker.postMessage({ type: 'init', module: compiled, variant, role: 'lab' } satisfies WorkerInit);
  return worker as unknown as LabWorkerLike;
}

/** A sweep pool's worker (run-pool.ts) on the page's core. */
export function createPoolWorker(core: LoadedCore): PoolWorkerLike {
  const worker = takeWorker();
  worker.postMessage({
    type: 'init',
    module: core.compiled,
    variant: core.variant,
    role: 'pool',
  } satisfies WorkerInit);
  return worker as unknown as PoolWorkerLike;
}
