// A run's worker. Its first message hands it the page's compiled core (SIMD or scalar, chosen
// by the page), which it instantiates with the shared glue; then it serves runs.
import { instantiateCore } from '../wasm/instantiate';
import { serveRuns } from './run-worker-core';
import type { TrainerModule } from './trainer-api';

/** The first message a run's worker gets (before any ToWorker message). */
export interface WorkerInit {
  type: 'init';
  module: WebAssembly.Module;
  variant: 'simd' | 'scalar';
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerInit>) => void) | null };
scope.onmessage = (e) => {
  const { module, variant } = e.data;
  serveRuns(() => instantiateCore<TrainerModule>(module), variant);
};
