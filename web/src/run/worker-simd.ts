// A run's worker with the SIMD build of the core (picked on the page by feature detection).
import createModule from '@wasm/leaky_simd.mjs';
import { serveRuns } from './run-worker-core';
import type { TrainerFactory } from './trainer-api';

serveRuns(createModule as unknown as TrainerFactory, 'simd');
