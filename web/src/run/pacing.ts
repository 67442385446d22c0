// The page's speed setting as the worker's pacing.
import type { Pacing } from './protocol';

/** Fast pacing's compute budget per frame: most of a 60 Hz frame, leaving the rest for drawing. */
export const FAST_BUDGET_MS = 12;

export function pacingOf(speed: string): Pacing {
  const n = Number(speed);
  return Number.isInteger(n) && n > 0
    ? { kind: 'steps', steps: n }
    : { kind: 'fast', budgetMs: FAST_BUDGET_MS };
}
