// Steps to a target over seeds, the text of one table cell: "mean ± sd (k of n reached)".
import { formatValue } from '../../text/format';
import type { TrainResult } from '../../run/lab-protocol';
import { spread, stepsToTarget, type Spread } from './analysis';

export interface Reach {
  steps: Spread;
  reached: number;
  runs: number;
  stopped: number;
}

export function reach(runs: readonly TrainResult[], target: number): Reach {
  const steps = runs
    .map((r) => stepsToTarget(r.evaluations, target))
    .filter((x): x is number => x !== null);
  const stopped = runs.filter((r) => r.problems.length > 0 || r.diverged !== null).length;
  return { steps: spread(steps), reached: steps.length, runs: runs.length, stopped };
}

export function reachText(r: Reach): string {
  const head =
    r.reached > 0 ? `${formatValue(r.steps.mean)} ± ${formatValue(r.steps.sd)}` : 'never';
  return `${head} (${r.reached} of ${r.runs} reached${r.stopped > 0 ? `, ${r.stopped} stopped` : ''})`;
}

/** Splits results made alpha-major (or any outer-major) into groups of `size`. */
export function groups<T>(flat: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < flat.length; i += size) out.push(flat.slice(i, i + size));
  return out;
}

/** "mean ± sd" of a list of numbers, formatted as a fraction (percent) or a value. */
export function meanSdText(xs: readonly number[], percent = false): string {
  const s = spread(xs);
  if (s.n === 0) return '—';
  const f = (x: number) => (percent ? `${(x * 100).toFixed(1)}%` : formatValue(x));
  return `${f(s.mean)} ± ${f(s.sd)}`;
}
