// A run pool's worker, handed the page's compiled core like a run's worker (worker.ts).
import { instantiateCore } from '../wasm/instantiate';
import { servePool } from './pool-worker-core';
import type { SweepModule } from './sweep-api';
import type { WorkerInit } from './worker';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerInit>) => void) | null };
scope.onmessage = (e) => {
  const { module, variant } = e.data;
  servePool(() => instantiateCore<SweepModule>(module), variant);
};
