// Numbers the question pages draw from their runs: means and spreads over seeds, steps to a
// target loss, units revived after a given step. Pure: the runs' evaluations in, numbers out.
import type { Evaluation } from '../../run/protocol';

export interface Spread {
  n: number;
  mean: number;
  /** Sample standard deviation (0 for one value). */
  sd: number;
  min: number;
  max: number;
}

export function spread(xs: readonly number[]): Spread {
  const n = xs.length;
  if (n === 0) return { n: 0, mean: NaN, sd: NaN, min: NaN, max: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, sd, min: Math.min(...xs), max: Math.max(...xs) };
}

/** The median of `xs` (NaN for none). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The first evaluated step whose training loss is at or below `target`, or null. */
export function stepsToTarget(evaluations: readonly Evaluation[], target: number): number | null {
  for (const e of evaluations) if (e.train_loss <= target) return e.step;
  return null;
}

export function last<T>(xs: readonly T[]): T | undefined {
  return xs[xs.length - 1];
}

/** Per hidden unit (layer after layer): active on some sample (rate > 0) in `e`. */
export function activeUnits(e: Evaluation): boolean[] {
  return e.layers.flatMap((l) => (l.rate ?? []).map((r) => r > 0));
}

export interface Revival {
  /** Hidden units inactive at the race's start. */
  inactiveAtStart: number;
  /** [step, fraction of those active again] at every evaluation from the start on. */
  curve: [number, number][];
  /** Those active at the last evaluation. */
  revivedAtEnd: number;
  /** Steps from the start to the first evaluation with one of them active, or null. */
  firstRevival: number | null;
}

/**
 * Units inactive at the evaluation of step `from` that are active later. Needs per-unit rates
 * (perUnit evaluations).
 */
export function revival(evaluations: readonly Evaluation[], from: number): Revival {
  const start = evaluations.find((e) => e.step === from);
  if (start === undefined)
    return { inactiveAtStart: 0, curve: [], revivedAtEnd: 0, firstRevival: null };
  const watched = activeUnits(start)
    .map((active, i) => (active ? -1 : i))
    .filter((i) => i >= 0);
  const curve: [number, number][] = [];
  let firstRevival: number | null = null;
  let revivedAtEnd = 0;
  for (const e of evaluations) {
    if (e.step < from) continue;
    const active = activeUnits(e);
    const back = watched.filter((i) => active[i] === true).length;
    curve.push([e.step, watched.length > 0 ? back / watched.length : 0]);
    if (back > 0 && firstRevival === null) firstRevival = e.step - from;
    revivedAtEnd = back;
  }
  return { inactiveAtStart: watched.length, curve, revivedAtEnd, firstRevival };
}

/** `values` spread evenly: mean of each step's values over runs (runs share their steps). */
export function meanCurve(curves: readonly (readonly [number, number][])[]): [number, number][] {
  const first = curves[0] ?? [];
  return first.map(([step], i) => {
    const ys = curves.map((c) => c[i]?.[1]).filter((y): y is number => y !== undefined);
    return [step, spread(ys).mean];
  });
}

/** Hidden units over every layer of an evaluation. */
export function hiddenUnits(e: Evaluation): number {
  return e.layers.reduce((a, l) => a + l.units, 0);
}

/** Unit-weighted mean of a per-layer number (sparsity, fractions) over the hidden layers. */
export function layerMean(
  e: Evaluation,
  pick: (l: Evaluation['layers'][number]) => number,
): number {
  const units = hiddenUnits(e);
  return units > 0 ? e.layers.reduce((a, l) => a + pick(l) * l.units, 0) / units : NaN;
}
