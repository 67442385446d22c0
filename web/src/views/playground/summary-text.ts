// Short sentences about a frame: epoch and speed, near-dead units. Display only: counts are
// the core's, summed over layers.
import type { Evaluation } from '../../run/protocol';

const grouped = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return Number.isFinite(n) ? grouped.format(Math.round(n)) : '—';
}

export function formatRate(stepsPerSecond: number): string {
  if (!(stepsPerSecond > 0)) return '0';
  if (stepsPerSecond >= 100) return grouped.format(Math.round(stepsPerSecond));
  return String(Number(stepsPerSecond.toPrecision(2)));
}

/** "epoch 48 · 3,100 steps/s" (or "paused"). */
export function speedText(epoch: number, stepsPerSecond: number, playing: boolean): string {
  const speed = playing ? `${formatRate(stepsPerSecond)} steps/s` : 'paused';
  return `Epoch ${formatCount(epoch)} · ${speed}`;
}

/** "2 near-dead units (fire on under 1% of points)", or "" when there are none. */
export function nearDeadSummary(evaluation: Evaluation): string {
  let nearDead = 0;
  for (const layer of evaluation.layers) nearDead += layer.near_dead - layer.inactive;
  if (nearDead <= 0) return '';
  const noun = nearDead === 1 ? 'unit' : 'units';
  return `${formatCount(nearDead)} near-dead ${noun} (fire on under 1% of the training points)`;
}

export const COLLAPSED_TEXT =
  'Collapsed: a hidden layer never fires, so the output is the same for every input.';

/** 1200 -> "1200", 12000 -> "12k", 3000000 -> "3M": short step labels for chart axes. */
export function formatStep(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  return String(Math.round(v));
}
