// A worker of the page: a run's (one training run, frames to draw), a lab's (headless jobs,
// lab-worker-core.ts) or a sweep pool's (configs to summary lines, pool-worker-core.ts). Its
// first message hands it the page's compiled core (SIMD or scalar, chosen by the page) and its
// role; then it serves runs or jobs. One script for all keeps the page to one inlined copy of
// the core's glue.
import { instantiateCore } from '../wasm/instantiate';
import { serveLab } from './lab-worker-core';
import { servePool } from './pool-worker-core';
import { serveRuns } from './run-worker-core';
import type { SweepModule } from './sweep-api';
import type { TrainerModule } from './trainer-api';
import type { Variant } from '../wasm/choose-variant';

/** The first message a worker gets (before any ToWorker or ToLab message). */
export interface WorkerInit {
  type: 'init';
  module: WebAssembly.Module;
  variant: Variant;
  /** Absent: a run's worker. */
  role?: 'run' | 'lab' | 'pool';
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerInit>) => void) | null };
scope.onmessage = (e) => {
  const { module, variant, role } = e.data;
  const core = () => instantiateCore<TrainerModule>(module);
  if (role === 'lab') serveLab(core, variant);
  else if (role === 'pool') servePool(() => instantiateCore<SweepModule>(module), variant);
  else serveRuns(core, variant);
};
