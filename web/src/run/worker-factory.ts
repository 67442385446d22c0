// A run's worker for the chosen build of the core. Workers are inlined (classic, IIFE), so
// the page works from file:// too.
import type { Variant } from '../wasm/choose-variant';
import type { WorkerLike } from './session';
import SimdWorker from './worker-simd.ts?worker&inline';
import ScalarWorker from './worker-scalar.ts?worker&inline';

export function createRunWorker(variant: Variant): WorkerLike {
  return (variant === 'simd' ? new SimdWorker() : new ScalarWorker()) as unknown as WorkerLike;
}
