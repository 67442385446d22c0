// "Nice" axis ticks (1, 2, 5 x 10^k) over a range: display only.

/**
 * Tick values within [min, max] on a 1-2-5 step, the step chosen so the number of ticks is
 * closest to count + 1 (count intervals).
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const want = Math.max(1, count) + 1;
  const power = Math.pow(10, Math.floor(Math.log10((max - min) / Math.max(1, count))));
  let best: number[] = [];
  for (const m of [0.5, 1, 2, 5, 10, 20]) {
    const ticks = ticksWithStep(min, max, m * power);
    if (best.length === 0 || Math.abs(ticks.length - want) < Math.abs(best.length - want))
      best = ticks;
  }
  return best;
}

function ticksWithStep(min: number, max: number, step: number): number[] {
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) {
    // Round away binary noise (0.30000000000000004) and negative zero.
    ticks.push(Number((k * step).toPrecision(12)) + 0);
  }
  return ticks;
}
