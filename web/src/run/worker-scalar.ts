// A run's worker with the scalar build of the core (no SIMD; ?simd=0 or an older browser).
import createModule from '@wasm/leaky_scalar.mjs';
import { serveRuns } from './run-worker-core';
import type { TrainerFactory } from './trainer-api';

serveRuns(createModule as unknown as TrainerFactory, 'scalar');
